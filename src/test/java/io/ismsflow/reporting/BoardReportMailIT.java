package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ismsflow.TaskInbox;
import jakarta.mail.internet.MimeMultipart;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app with an SMTP server configured ({@code spring.mail.host}, a GreenMail server on
 * loopback): a signed-off report is mailed to each configured address with the final PDF, the very
 * bytes whose SHA-256 the report recorded, and the report says it was sent. Its own context and data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "isms.reporting.distribution.mail-to=board@plant.example,auditor@plant.example",
      "isms.reporting.distribution.mail-from=isms@plant.example",
      "isms.data-dir=${isms.test.data-root:target/test-data}/mail-${isms.test.run-id:local}"
    })
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SuppressWarnings("unchecked")
class BoardReportMailIT {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @AfterAll
  static void stopMailServer() {
    smtp.stop();
  }

  @Autowired TestRestTemplate http;

  @Test
  void aSignedOffReportIsMailedToEachAddressWithTheFinalPdfItRecorded() throws Exception {
    var inbox = new TaskInbox(http);
    var requested = inbox.as("ciso.anna").postForEntity("/api/board-reports", null, Map.class);
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.CREATED);
    var reportId = (String) requested.getBody().get("reportId");
    var instance = ((Number) requested.getBody().get("processInstanceKey")).longValue();
    inbox.complete("ciso.anna", inbox.task("ciso.anna", instance, "WriteCommentaryTask"), Map.of("postureRating", "adequate", "keyMessages", "Mailed to the board."));
    inbox.complete("exec.eva", inbox.task("exec.eva", instance, "SignOffReportTask"), Map.of("signOffDecision", "approve"));

    var report =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(() -> inbox.as("ciso.anna").getForObject("/api/board-reports/" + reportId, Map.class), r -> r.get("distribution") != null);

    var distribution = (Map<String, Object>) report.get("distribution");
    assertThat(distribution).containsEntry("mailConfigured", true);
    assertThat((List<Map<String, Object>>) distribution.get("recipients"))
        .filteredOn(r -> "mail".equals(r.get("channel")))
        .extracting(r -> r.get("recipient") + " " + r.get("status"))
        .containsExactlyInAnyOrder("board@plant.example sent", "auditor@plant.example sent");
    var recordedSha256 = ((Map<String, Object>) report.get("finalVersion")).get("pdfSha256");

    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder("board@plant.example", "auditor@plant.example");
    for (var message : received) {
      assertThat(message.getSubject()).isEqualTo("[ISMS] " + report.get("title") + " (final)");
      assertThat(message.getFrom()[0]).hasToString("isms@plant.example");
      var attachment = ((MimeMultipart) message.getContent()).getBodyPart(1);
      assertThat(attachment.getFileName()).isEqualTo(reportId + ".pdf");
      byte[] pdf;
      try (var in = attachment.getInputStream()) {
        pdf = in.readAllBytes();
      }
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(recordedSha256);
    }
  }
}
