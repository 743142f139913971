package io.ismsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.BrowserTests;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.TaskInbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The portal served by the app: its page without signing in, its data only signed in, and in a
 * real browser a risk owner completing "Assess risk" from her inbox with the task's Camunda Form.
 */
@IsmsIntegrationTest
class PortalIT {

  @Autowired TestRestTemplate http;

  @LocalServerPort int port;

  @Test
  void thePortalPageLoadsWithoutSigningInButItsDataNeedsIt() {
    assumePortalBuilt();
    var page = http.getForEntity("/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<title>ISMS Flow</title>").doesNotContain("http://", "https://");
    assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var me = new TaskInbox(http).as("risk.ben").getForObject("/api/me", Map.class);
    assertThat(me).containsEntry("username", "risk.ben");
    assertThat((List<String>) me.get("groups")).contains("risk-owner");
  }

  @Test
  void inTheBrowserARiskOwnerCompletesHerAssessmentFromTheInbox() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of("R-009")), Map.class).getBody().get("processInstanceKey")).longValue();
    var owner = (String) inbox.as("ciso.anna").getForObject("/api/risks/R-009", Map.class).get("owner");
    var task = inbox.task(owner, review, "AssessRiskTask");
    assertThat(inbox.as(owner).getForObject("/api/tasks/" + task + "/form", Map.class)).containsEntry("id", "risk-assessment");

    var result =
        BrowserTests.run("portal-inbox.mjs", Map.of("APP_URL", "http://127.0.0.1:" + port, "OWNER", owner, "TASK", Long.toString(task)));

    assertThat(result.exitCode()).as(result.output()).isZero();
    var assessment =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> inbox.list("ciso.anna", "/api/risks/R-009/assessments").stream().filter(a -> ((Number) a.get("reviewKey")).longValue() == review).findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(assessment).containsEntry("assessedBy", owner).containsEntry("likelihood", 1).containsEntry("impact", 3);
    assertThat(BrowserTests.SCREENSHOTS.resolve("portal-inbox.png")).isNotEmptyFile();
  }

  @Test
  void inTheBrowserAManagerSeesARunningReviewWhereItStandsAndDrawn() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of("R-011")), Map.class).getBody().get("processInstanceKey")).longValue();
    var owner = (String) inbox.as("ciso.anna").getForObject("/api/risks/R-011", Map.class).get("owner");
    inbox.task(owner, review, "AssessRiskTask");
    assertThat(inbox.as("ciso.anna").getForEntity("/api/processes/RiskReviewProcess/xml", String.class).getBody()).contains("AssessRiskTask");
    assertThat(inbox.as("risk.ben").getForEntity("/api/processes/RiskReviewProcess/xml", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    var result =
        BrowserTests.run(
            "portal-cockpit.mjs",
            Map.of("APP_URL", "http://127.0.0.1:" + port, "MANAGER", "ciso.anna", "INSTANCE", Long.toString(review), "STEP", "Assess risk", "HOLDER", owner));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(BrowserTests.SCREENSHOTS.resolve("portal-cockpit.png")).isNotEmptyFile();
  }

  private static void assumePortalBuilt() {
    if (PortalIT.class.getResource("/static/index.html") == null) {
      var message = "SKIPPED portal test: the portal was not built (npm missing: -Dportal.skip=true)";
      System.out.println(message);
      Assumptions.abort(message);
    }
  }
}
