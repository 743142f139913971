package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class ReportMailTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final byte[] PDF = "%PDF-1.7 report".getBytes();

  @Test
  void withAnSmtpServerTheReportIsMailedWithThePdfAttached() throws Exception {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    var mail = new ReportMail(new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class));

    var problem = mail.send("isms@plant.example", "board@plant.example", "[ISMS] Q4 2026", "Attached.", "BR-2026-Q4.pdf", PDF);

    assertThat(mail.isConfigured()).isTrue();
    assertThat(problem).isEmpty();
    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("[ISMS] Q4 2026");
    assertThat(received[0].getAllRecipients()[0]).hasToString("board@plant.example");
    var parts = (MimeMultipart) received[0].getContent();
    var attachment = GreenMailUtil.getBody(parts.getBodyPart(1));
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("BR-2026-Q4.pdf");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
    assertThat(attachment).isNotBlank();
  }

  @Test
  void withoutAnSmtpServerNothingIsSentAndTheReasonIsSaid() {
    var mail = new ReportMail(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));

    assertThat(mail.isConfigured()).isFalse();
    assertThat(mail.send("a@b.example", "c@d.example", "s", "t", "r.pdf", PDF)).contains("no SMTP server is configured (spring.mail.host)");
  }

  @Test
  void anUnreachableServerIsReportedNotThrown() {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(1);
    var mail = new ReportMail(new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class));

    assertThat(mail.send("a@b.example", "c@d.example", "s", "t", "r.pdf", PDF)).hasValueSatisfying(p -> assertThat(p).startsWith("sending failed:"));
  }
}
