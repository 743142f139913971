package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.EngineClock;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.TaskInbox;
import io.ismsflow.TasklistLikeCompletion;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The board report cycle end to end on the local broker: figures from the seeded register, the
 * PDF read back, the change-request loop, the frozen final version, the board's decisions as
 * tracked actions linked to a risk, and the quarterly timer.
 */
@IsmsIntegrationTest
@SuppressWarnings("unchecked")
class BoardReportIT {

  @Autowired TestRestTemplate http;

  @Value("${camunda.client.rest-address}")
  String brokerRestAddress;

  @AfterEach
  void releaseEngineClock() {
    new EngineClock(brokerRestAddress).reset();
  }

  @Test
  void aRequestedReportIsWrittenSignedOffAfterChangesFrozenAndItsDecisionsTracked() throws IOException {
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var requested = inbox.as("ciso.anna").postForEntity("/api/board-reports", null, Map.class);
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.CREATED);
    var reportId = (String) requested.getBody().get("reportId");
    var instance = ((Number) requested.getBody().get("processInstanceKey")).longValue();
    var today = LocalDate.now(ZoneOffset.UTC);
    assertThat(reportId).isEqualTo(today.equals(ReportPeriods.quarterStart(today).plusMonths(3).minusDays(1))
        ? ReportPeriods.reportId(ReportPeriods.quarterToDate(today))
        : "BR-" + ReportPeriods.quarterStart(today).toString().replace("-", "") + "-" + today.toString().replace("-", ""));

    // the draft: figures of the register as it is, rendered as a PDF
    var commentaryTask = inbox.task("ciso.anna", instance, "WriteCommentaryTask");
    var report = report(inbox, reportId);
    assertThat(report.get("status")).isEqualTo("DRAFT");
    var risks = (Map<String, Object>) ((Map<String, Object>) report.get("figures")).get("risks");
    var openInRegister = inbox.list("ciso.anna", "/api/risks").size();
    assertThat(((Number) risks.get("open")).intValue()).isEqualTo(openInRegister).isPositive();
    var critical = inbox.list("ciso.anna", "/api/risks?level=CRITICAL&levelOf=inherent").size();
    assertThat(((Map<String, Number>) risks.get("byInherentLevel")).get("CRITICAL").intValue()).isEqualTo(critical);
    var draft = inbox.as("exec.eva").getForEntity("/api/board-reports/" + reportId + "/versions/1.pdf", byte[].class);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType()).hasToString("application/pdf");
    var draftSummary = BoardReportPdfTest.pages(draft.getBody()).getFirst();
    assertThat(draftSummary).contains(reportId, "DRAFT - not yet signed off", "not yet rated by the CISO", "Open risks", Integer.toString(openInRegister), "Risks above appetite", risks.get("aboveAppetite").toString());

    // the CISO's commentary, sent back by executive leadership, written again
    inbox.complete("ciso.anna", commentaryTask, Map.of(
        "postureRating", "needs-improvement", "keyMessages", "Plant floor patching lags behind.", "recommendations", "Segment the OT network.",
        "decisionsRequested", "Approve the OT segmentation budget\nAccept R-004 until Q2"));
    var signOff = inbox.task("exec.eva", instance, "SignOffReportTask");
    var noComment = inbox.as("exec.eva").postForEntity("/api/tasks/" + signOff + "/complete", Map.of("variables", Map.of("signOffDecision", "changes")), Map.class);
    assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noComment.getBody().toString()).contains("signOffComment", "say what the CISO should change");
    inbox.complete("exec.eva", signOff, Map.of("signOffDecision", "changes", "signOffComment", "Say what the plant floor patching delay means for production."));
    var secondCommentary = inbox.task("ciso.anna", instance, "WriteCommentaryTask");
    assertThat(secondCommentary).isNotEqualTo(commentaryTask);
    assertThat(report(inbox, reportId).get("status")).isEqualTo("CHANGES_REQUESTED");
    inbox.complete("ciso.anna", secondCommentary, Map.of(
        "postureRating", "needs-improvement", "keyMessages", "Plant floor patching lags behind: two lines run unpatched PLC firmware until the Q1 shutdown.",
        "recommendations", "Segment the OT network.", "decisionsRequested", "Approve the OT segmentation budget"));
    inbox.complete("exec.eva", inbox.task("exec.eva", instance, "SignOffReportTask"), Map.of("signOffDecision", "approve", "signOffComment", "Agreed."));

    // the board's decisions: refused while a line names a risk that does not exist
    var decisions = inbox.task("secretary.finn", instance, "RecordBoardDecisionsTask");
    var meeting = today.toString();
    var refused = inbox.as("secretary.finn").postForEntity("/api/tasks/" + decisions + "/complete", Map.of("variables", Map.of(
        "meetingDate", meeting, "boardMinutes", "Budget approved.", "boardActions", "Segment line 3 | ciso.anna | 2027-03-31 | R-999\nno pipes here")), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("line 1: there is no risk R-999 in the register", "line 2: write 'action | owner");
    inbox.complete("secretary.finn", decisions, Map.of(
        "meetingDate", meeting, "boardMinutes", "The board approved the OT segmentation budget.",
        "boardActions", "Segment the OT network of line 3 | risk.ben | 2027-03-31 | R-002\nReport progress on PLC patching | ciso.anna | 2027-02-15"));
    inbox.awaitCompleted(instance);

    // the final version: frozen, its hash recorded, sent to the groups
    report = report(inbox, reportId);
    assertThat(report.get("status")).isEqualTo("DECISIONS_RECORDED");
    assertThat((List<Map<String, Object>>) report.get("signOffs")).extracting(s -> s.get("decision"), s -> s.get("by"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("changes", "exec.eva"), org.assertj.core.groups.Tuple.tuple("approve", "exec.eva"));
    var finalVersion = (Map<String, Object>) report.get("finalVersion");
    assertThat(finalVersion.get("number")).isEqualTo(4);
    assertThat((List<?>) report.get("versions")).hasSize(4);
    var pdf = inbox.as("auditor.gina").getForEntity("/api/board-reports/" + reportId + "/final.pdf", byte[].class);
    assertThat(pdf.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(finalVersion.get("pdfSha256")).isEqualTo(BoardReportService.sha256(pdf.getBody()));
    var text = String.join("\n", BoardReportPdfTest.pages(pdf.getBody()));
    assertThat(text).contains("FINAL - signed off by exec.eva", "Needs improvement", "two lines run unpatched PLC firmware", "Approve the OT segmentation budget", "Top risks", "Segment the OT network.");
    var json = inbox.as("exec.eva").getForObject("/api/board-reports/" + reportId + "/final.json", Map.class);
    assertThat(json.get("kind")).isEqualTo("FINAL");
    assertThat(((Map<String, Map<String, Object>>) json.get("figures")).get("risks").get("open")).isEqualTo(openInRegister);
    var distribution = (Map<String, Object>) report.get("distribution");
    assertThat((List<Map<String, Object>>) distribution.get("recipients")).extracting(r -> r.get("recipient")).contains("exec.eva", "secretary.finn", "ciso.anna");
    assertThat(distribution.get("note").toString()).contains("No mail addresses are configured");
    assertThat(inbox.list("exec.eva", "/api/notifications")).anyMatch(n -> n.get("title").toString().contains(reportId.isEmpty() ? "?" : "Board report final"));

    // the decisions as tracked actions; the one on a risk shows on the risk and closes with it
    var actions = inbox.list("secretary.finn", "/api/board-actions?reportId=" + reportId);
    assertThat(actions).extracting(a -> a.get("id"), a -> a.get("owner"), a -> a.get("reference"), a -> a.get("status"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(reportId + "-A2", "ciso.anna", null, "OPEN"),
            org.assertj.core.groups.Tuple.tuple(reportId + "-A1", "risk.ben", "R-002", "OPEN"));
    assertThat(treatmentAction(inbox, "R-002", reportId + "-A1")).containsEntry("owner", "risk.ben").containsEntry("status", "OPEN").containsEntry("dueDate", "2027-03-31");
    assertThat(inbox.as("risk.lena").postForEntity("/api/board-actions/" + reportId + "-A1/close", Map.of("status", "DONE"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var closed = inbox.as("risk.ben").postForEntity("/api/board-actions/" + reportId + "-A1/close", Map.of("status", "DONE", "note", "Firewall in place"), Map.class);
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(treatmentAction(inbox, "R-002", reportId + "-A1")).containsEntry("status", "DONE");
    assertThat(inbox.list("risk.ben", "/api/board-actions")).extracting(a -> a.get("owner")).containsOnly("risk.ben");
  }

  @Test
  void onlyTheCisoStartsReportsAndOnlyLeadershipReadsThem() {
    var inbox = new TaskInbox(http);
    assertThat(inbox.as("risk.ben").postForEntity("/api/board-reports", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(inbox.as("staff.hugo").getForEntity("/api/board-reports", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(inbox.as("auditor.gina").getForEntity("/api/board-reports", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    var badPeriod = inbox.as("ciso.anna").postForEntity("/api/board-reports", Map.of("from", "2026-10-01"), Map.class);
    assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    var future = inbox.as("ciso.anna").postForEntity("/api/board-reports", Map.of("from", "2026-10-01", "to", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()), Map.class);
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inbox.as("ciso.anna").getForEntity("/api/board-reports/BR-1999-Q1", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void overdueCommentarySignOffAndBoardDecisionsAreEscalatedOnceToWhoMustActAndTheCiso() {
    var inbox = new TaskInbox(http);
    var requested = requestReport(inbox, "2024-02-01", "2024-02-29");
    var reportId = requested.reportId();
    var instance = requested.instance();
    var commentary = inbox.task("ciso.anna", instance, "WriteCommentaryTask");
    var clock = new EngineClock(brokerRestAddress);

    // default SLAs: 10 days for the commentary, then 5 for the sign-off
    clock.advance(Duration.ofDays(10).plusHours(1));
    var first = await().atMost(TaskInbox.PATIENCE).until(() -> escalations(inbox, reportId), e -> !e.isEmpty());
    assertThat(first).singleElement().satisfies(e -> assertThat(e).containsEntry("step", "WriteCommentaryTask").containsEntry("notified", List.of("ciso")));
    assertThat(inbox.list("ciso.omar", "/api/notifications"))
        .filteredOn(n -> n.get("title").toString().equals("Overdue: CISO commentary of " + report(inbox, reportId).get("title")))
        .hasSize(1);
    assertThat(inbox.list("exec.eva", "/api/notifications")).noneMatch(n -> n.get("title").toString().contains("Overdue: CISO commentary of") && n.get("link").toString().contains(reportId));

    // the task stays where it was (the timer does not interrupt it); the cycle goes on once it is done
    inbox.complete("ciso.anna", commentary, Map.of("postureRating", "adequate", "keyMessages", "Late, but written.", "recommendations", "None."));
    inbox.task("exec.eva", instance, "SignOffReportTask");
    clock.advance(Duration.ofDays(16));
    var both = await().atMost(TaskInbox.PATIENCE).until(() -> escalations(inbox, reportId), e -> e.size() == 2);
    assertThat(both.get(1)).containsEntry("step", "SignOffReportTask").containsEntry("notified", List.of("executive", "ciso"));
    assertThat(inbox.list("exec.eva", "/api/notifications")).anyMatch(n -> n.get("title").toString().startsWith("Overdue: executive sign-off of") && n.get("link").toString().endsWith(reportId));
    assertThat(report(inbox, reportId).get("status")).isEqualTo("IN_SIGN_OFF");

    // signed off and distributed; the board secretary has 30 days to record the decisions
    inbox.complete("exec.eva", inbox.task("exec.eva", instance, "SignOffReportTask"), Map.of("signOffDecision", "approve"));
    inbox.task("secretary.finn", instance, "RecordBoardDecisionsTask");
    clock.advance(Duration.ofDays(47));
    var all = await().atMost(TaskInbox.PATIENCE).until(() -> escalations(inbox, reportId), e -> e.size() == 3);
    assertThat(all.get(2)).containsEntry("step", "RecordBoardDecisionsTask").containsEntry("notified", List.of("board-secretary", "ciso"));
    assertThat(inbox.list("secretary.finn", "/api/notifications")).anyMatch(n -> n.get("title").toString().startsWith("Overdue: record of the board's decisions of") && n.get("link").toString().endsWith(reportId));
    assertThat(inbox.list("exec.eva", "/api/board-reports")).filteredOn(r -> reportId.equals(r.get("id")))
        .singleElement().satisfies(r -> assertThat(r).containsEntry("escalatedSteps", List.of("WriteCommentaryTask", "SignOffReportTask", "RecordBoardDecisionsTask")));
  }

  @Test
  void aCommentaryRewrittenInTasklistIsAttributedToWhoWroteItThereNotToTheFirstRound() {
    var inbox = new TaskInbox(http);
    var requested = requestReport(inbox, "2024-05-01", "2024-05-31");
    var reportId = requested.reportId();
    var instance = requested.instance();
    inbox.complete("ciso.anna", inbox.task("ciso.anna", instance, "WriteCommentaryTask"), Map.of("postureRating", "adequate", "keyMessages", "First round, by Anna."));
    inbox.complete("exec.eva", inbox.task("exec.eva", instance, "SignOffReportTask"), Map.of("signOffDecision", "changes", "signOffComment", "Add the OT view."));

    // the second round in Tasklist: the task's completion sets no commentaryBy, so the variable still says ciso.anna
    var secondRound = inbox.task("ciso.omar", instance, "WriteCommentaryTask");
    new TasklistLikeCompletion(brokerRestAddress)
        .complete("ciso.omar", secondRound, Map.of("postureRating", "adequate", "keyMessages", "Second round, by Omar, with the OT view."));

    inbox.task("exec.eva", instance, "SignOffReportTask");
    var commentary = (Map<String, Object>) report(inbox, reportId).get("commentary");
    assertThat(commentary).containsEntry("keyMessages", "Second round, by Omar, with the OT view.").containsEntry("writtenBy", "ciso.omar");
  }

  @Test
  void aSignOffByTheCommentarysAuthorInTasklistStopsAtAnIncidentAndIsNotRecorded() {
    var inbox = new TaskInbox(http);
    var requested = requestReport(inbox, "2024-08-01", "2024-08-31");
    var reportId = requested.reportId();
    var instance = requested.instance();
    inbox.complete("ciso.anna", inbox.task("ciso.anna", instance, "WriteCommentaryTask"), Map.of("postureRating", "strong", "keyMessages", "All is well, says Anna."));

    // Tasklist shows every task to everyone: the commentary's author signs off her own report there
    new TasklistLikeCompletion(brokerRestAddress).complete("ciso.anna", inbox.task("exec.eva", instance, "SignOffReportTask"), Map.of("signOffDecision", "approve"));

    var incident = inbox.firstIncident("ciso.anna", instance);
    assertThat(incident).containsEntry("elementId", "RecordSignOffTask");
    assertThat(incident.get("errorMessage").toString()).contains("Four-eyes rule", "ciso.anna", "Write CISO commentary", "Operate");
    var report = report(inbox, reportId);
    assertThat(report.get("status")).isEqualTo("IN_SIGN_OFF");
    assertThat((List<?>) report.get("signOffs")).isEmpty();
    assertThat(report.get("finalVersion")).isNull();
  }

  private record Requested(String reportId, long instance) {}

  /** A report of a past period of the test's own, so that it runs beside the other tests' reports. */
  private static Requested requestReport(TaskInbox inbox, String from, String to) {
    var requested = inbox.as("ciso.anna").postForEntity("/api/board-reports", Map.of("from", from, "to", to), Map.class);
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.CREATED);
    return new Requested((String) requested.getBody().get("reportId"), ((Number) requested.getBody().get("processInstanceKey")).longValue());
  }

  private static List<Map<String, Object>> escalations(TaskInbox inbox, String reportId) {
    return (List<Map<String, Object>>) report(inbox, reportId).get("escalations");
  }

  @Test
  void theQuarterlyTimerStartsTheReportOfTheQuarterThatEnded() {
    var inbox = new TaskInbox(http);
    var clockShows =
        new EngineClock(brokerRestAddress)
            .passNextOccurrence(
                after -> {
                  var start = ReportPeriods.quarterStart(after.toLocalDate()).atStartOfDay(ZoneOffset.UTC).withHour(7);
                  return start.isAfter(after) ? start : start.plusMonths(3);
                });
    var expected = ReportPeriods.reportId(ReportPeriods.previousQuarter(clockShows.atZone(ZoneOffset.UTC).toLocalDate()));

    var report =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(() -> report(inbox, expected), r -> "DRAFT".equals(r.get("status")) && "schedule".equals(r.get("trigger")));

    var instance = ((Number) report.get("processInstanceKey")).longValue();
    assertThat(inbox.task("ciso.omar", instance, "WriteCommentaryTask")).isPositive();
    assertThat(report.get("title").toString()).matches("Security posture, Q[1-4] 20[0-9]{2}");
  }

  private static Map<String, Object> report(TaskInbox inbox, String id) {
    var response = inbox.as("ciso.anna").getForEntity("/api/board-reports/" + id, Map.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static Map<String, Object> treatmentAction(TaskInbox inbox, String riskId, String actionId) {
    var risk = inbox.as("ciso.anna").getForObject("/api/risks/" + riskId, Map.class);
    return ((List<Map<String, Object>>) risk.get("treatmentActions")).stream().filter(a -> actionId.equals(a.get("id"))).findFirst().orElseThrow();
  }
}
