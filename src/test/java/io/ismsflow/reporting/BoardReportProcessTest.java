package io.ismsflow.reporting;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.ismsflow.RequiresDocker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The board report model with its real workers in Camunda Process Test (engine in a container):
 * needs Docker, and is reported as skipped without it.
 */
@RequiresDocker
@SpringBootTest(
    properties = {
      "isms.engine.mode=remote",
      "isms.data-dir=target/test-data/process-test-board-report",
      "isms.record-store.embedded.port=0",
      "server.port=0"
    })
@CamundaSpringProcessTest
class BoardReportProcessTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTest;
  @Autowired BoardReportRepository reports;
  @Autowired BoardActionRepository actions;

  @Test
  void changesRequestedGoBackToTheCisoAndTheSignedOffReportIsFrozenAndItsActionsTracked() {
    var instance = client.newCreateInstanceCommand().bpmnProcessId(BoardReportService.PROCESS_ID).latestVersion().send().join();

    assertThat(instance).hasActiveElements("WriteCommentaryTask").hasCompletedElements("CollectFiguresTask", "RenderDraftTask");
    processTest.completeUserTask("WriteCommentaryTask", Map.of("postureRating", "adequate", "keyMessages", "Stable quarter.", "commentaryBy", "ciso.anna"));
    assertThat(instance).hasActiveElements("SignOffReportTask");
    processTest.completeUserTask("SignOffReportTask", Map.of("signOffDecision", "changes", "signOffComment", "Add the OT view.", "signedOffBy", "exec.eva"));
    assertThat(instance).hasActiveElements("WriteCommentaryTask");
    processTest.completeUserTask("WriteCommentaryTask", Map.of("postureRating", "adequate", "keyMessages", "Stable quarter; OT patching lags.", "commentaryBy", "ciso.anna"));
    processTest.completeUserTask("SignOffReportTask", Map.of("signOffDecision", "approve", "signedOffBy", "exec.eva"));
    assertThat(instance).hasActiveElements("RecordBoardDecisionsTask").hasCompletedElements("FinalizeReportTask", "DistributeReportTask");
    processTest.completeUserTask(
        "RecordBoardDecisionsTask",
        Map.of("meetingDate", "2026-01-20", "boardMinutes", "Noted.", "boardActions", "Report on OT patching | ciso.anna | 2027-03-31", "decisionsRecordedBy", "secretary.finn"));

    assertThat(instance).isCompleted().hasCompletedElements("CreateBoardActionsTask");
    var report = reports.findFirstByProcessInstanceKey(instance.getProcessInstanceKey()).orElseThrow();
    assertThat(report.status()).isEqualTo(BoardReport.ReportStatus.DECISIONS_RECORDED);
    assertThat(report.finalVersion().number()).isEqualTo(4);
    assertThat(report.signOffs()).extracting(BoardReport.SignOff::decision).containsExactly("changes", "approve");
    assertThat(actions.findByReportIdOrderByIdAsc(report.id())).extracting(BoardAction::owner).containsExactly("ciso.anna");
  }

  @Test
  void anOverdueCommentaryIsEscalatedWithoutTakingTheTaskAway() {
    var instance = client.newCreateInstanceCommand().bpmnProcessId(BoardReportService.PROCESS_ID).latestVersion().send().join();
    assertThat(instance).hasActiveElements("WriteCommentaryTask");

    processTest.increaseTime(Duration.ofDays(11));

    assertThat(instance).hasCompletedElements("EscalateCommentaryTask", "CommentaryEscalatedEndEvent").hasActiveElements("WriteCommentaryTask");
    var report = reports.findFirstByProcessInstanceKey(instance.getProcessInstanceKey()).orElseThrow();
    assertThat(report.escalations()).extracting(BoardReport.Escalation::step).containsExactly("WriteCommentaryTask");
  }
}
