package io.ismsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.BrowserTests;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.TaskInbox;
import io.ismsflow.notification.Notifications;
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

  @Autowired Notifications notifications;

  @LocalServerPort int port;

  @Test
  void thePortalPageLoadsWithoutSigningInButItsDataNeedsIt() {
    assumePortalBuilt();
    var page = http.getForEntity("/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<title>ISMS Flow</title>").doesNotContain("http://", "https://");
    assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForObject("/api/sign-in", Map.class)).containsEntry("mode", "local").doesNotContainKey("issuer");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).doesNotContain("connect-src");
    var me = new TaskInbox(http).as("risk.ben").getForObject("/api/me", Map.class);
    assertThat(me).containsEntry("username", "risk.ben");
    assertThat((List<String>) me.get("groups")).contains("risk-owner");
  }

  @Test
  void inTheBrowserARiskOwnerCompletesHerAssessmentFromTheInbox() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    var owner = "risk.lena";
    var riskId = ownRisk(inbox, "RP-1", owner);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of(riskId)), Map.class).getBody().get("processInstanceKey")).longValue();
    var task = inbox.task(owner, review, "AssessRiskTask");
    assertThat(inbox.as(owner).getForObject("/api/tasks/" + task + "/form", Map.class)).containsEntry("id", "risk-assessment");

    var result =
        BrowserTests.run("portal-inbox.mjs", Map.of("APP_URL", "http://127.0.0.1:" + port, "OWNER", owner, "TASK", Long.toString(task)));

    assertThat(result.exitCode()).as(result.output()).isZero();
    var assessment =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> inbox.list("ciso.anna", "/api/risks/" + riskId + "/assessments").stream().filter(a -> ((Number) a.get("reviewKey")).longValue() == review).findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(assessment).containsEntry("assessedBy", owner).containsEntry("likelihood", 1).containsEntry("impact", 3);
    assertThat(BrowserTests.SCREENSHOTS.resolve("portal-inbox.png")).isNotEmptyFile();
  }

  @Test
  void inTheBrowserAPersonSeesHerGroupsUnreadNotificationsAndMarksOneRead() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var id = "portal-it-" + java.util.UUID.randomUUID();
    var title = "Overdue: test step " + id.substring(id.length() - 6);
    notifications.notify(id, "risk-owner", title, "A step of a test cycle is overdue.", "/api/risks/RP-1");

    var result = BrowserTests.run("portal-notifications.mjs", Map.of("APP_URL", "http://127.0.0.1:" + port, "USER_NAME", "risk.ben", "TITLE", title));

    assertThat(result.exitCode()).as(result.output()).isZero();
    var inbox = new TaskInbox(http);
    assertThat(inbox.list("risk.ben", "/api/notifications")).filteredOn(n -> id.equals(n.get("id")))
        .singleElement().satisfies(n -> assertThat((List<String>) n.get("readBy")).containsExactly("risk.ben"));
    assertThat(inbox.list("risk.lena", "/api/notifications")).filteredOn(n -> id.equals(n.get("id")))
        .singleElement().satisfies(n -> assertThat((List<String>) n.get("readBy")).doesNotContain("risk.lena"));
    assertThat(BrowserTests.SCREENSHOTS.resolve("portal-notifications.png")).isNotEmptyFile();
  }

  @Test
  void inTheBrowserAManagerSeesARunningReviewWhereItStandsAndDrawn() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    var owner = "risk.ben";
    var riskId = ownRisk(inbox, "RP-2", owner);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of(riskId)), Map.class).getBody().get("processInstanceKey")).longValue();
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

  @Test
  void inTheBrowserTheRegisterViewsShowWhatTheApiHolds() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    inbox.as("ciso.anna").postForEntity("/api/policies/sample", null, Map.class);
    var critical = inbox.list("ciso.anna", "/api/risks?level=CRITICAL&levelOf=inherent").size();
    var ot = inbox.list("ciso.anna", "/api/assets?domain=OT").size();
    assertThat(critical).isPositive();
    assertThat(ot).isPositive();

    var result =
        BrowserTests.run(
            "portal-registers.mjs",
            Map.of("APP_URL", "http://127.0.0.1:" + port, "USER_NAME", "ciso.anna", "EXPECT_CRITICAL", Integer.toString(critical), "EXPECT_OT", Integer.toString(ot)));

    assertThat(result.exitCode()).as(result.output()).isZero();
    for (var page : List.of("portal-risks.png", "portal-assets.png", "portal-policies.png", "portal-board-reports.png", "portal-audit.png")) {
      assertThat(BrowserTests.SCREENSHOTS.resolve(page)).isNotEmptyFile();
    }
  }

  @Test
  void inTheBrowserTheServersReasonsComeBackNextToTheirField() throws Exception {
    assumePortalBuilt();
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    var requested = inbox.as("ciso.anna").postForEntity("/api/board-reports", null, Map.class);
    assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var instance = ((Number) requested.getBody().get("processInstanceKey")).longValue();
    inbox.complete("ciso.anna", inbox.task("ciso.anna", instance, "WriteCommentaryTask"),
        Map.of("postureRating", "adequate", "keyMessages", "A quiet quarter on the plant floor."));
    var signOff = inbox.task("exec.eva", instance, "SignOffReportTask");

    var result =
        BrowserTests.run("portal-server-check.mjs", Map.of("APP_URL", "http://127.0.0.1:" + port, "EXECUTIVE", "exec.eva", "TASK", Long.toString(signOff)));

    assertThat(result.exitCode()).as(result.output()).isZero();
    // the change request went through: the report is back with the CISO
    inbox.task("ciso.anna", instance, "WriteCommentaryTask");
  }

  /** A risk of this test's own, so that no review started by another test's timer holds it. */
  private static String ownRisk(TaskInbox inbox, String id, String owner) {
    var risk = new java.util.LinkedHashMap<String, Object>();
    risk.put("id", id);
    risk.put("title", "Portal test risk " + id);
    risk.put("assetIds", List.of());
    risk.put("threat", "Phishing of plant engineers");
    risk.put("vulnerability", "No MFA on the engineering VPN");
    risk.put("owner", owner);
    risk.put("likelihood", 3);
    risk.put("impact", 3);
    var created = inbox.as("ciso.anna").postForEntity("/api/risks", risk, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    return id;
  }

  private static void assumePortalBuilt() {
    if (PortalIT.class.getResource("/static/index.html") == null) {
      var message = "SKIPPED portal test: the portal was not built (npm missing: -Dportal.skip=true)";
      System.out.println(message);
      Assumptions.abort(message);
    }
  }
}
