package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.ismsflow.risk.RiskAssessment.Decision;
import io.ismsflow.risk.RiskReviewService.AssessmentCommand;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The review's workers map variables to one service call and failures to BPMN errors or incidents. */
class RiskReviewWorkersTest {

  private final RiskReviewService service = mock(RiskReviewService.class);
  private final RiskReviewWorkers workers =
      new RiskReviewWorkers(
          service, new RiskReviewProperties(Duration.ofDays(10), Duration.ofDays(5)), performersAsGiven(), mock(io.ismsflow.identity.FourEyes.class));
  private final ActivatedJob job = mock(ActivatedJob.class);

  @Test
  void selectionHandsOverTheRisksAndTheServiceLevels() {
    when(job.getProcessInstanceKey()).thenReturn(7L);
    when(service.selectForReview(7L, List.of(), List.of("A-001")))
        .thenReturn(new RiskReviewService.Selection(List.of("R-001"), List.of("R-002")));
    var variables = workers.selectDue(job, null, List.of("A-001"));
    assertThat(variables)
        .containsEntry("reviewRiskIds", List.of("R-001"))
        .containsEntry("risksInOtherReviews", List.of("R-002"))
        .containsEntry("assessmentSla", "PT240H")
        .containsEntry("approvalSla", "PT120H");
  }

  @Test
  void aGoneRiskBecomesTheBpmnErrorTheModelHandles() {
    when(service.snapshot("R-404")).thenThrow(new RiskGoneException("R-404"));
    assertThatThrownBy(() -> workers.prepareAssessment("R-404"))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("RISK_GONE"));
  }

  @Test
  void aRatingOutsideTheMatrixIsAnIncidentAtOnce() {
    when(service.rate(7, 1)).thenThrow(new IllegalArgumentException("likelihood must be from 1 to 5, not 7"));
    assertThatThrownBy(() -> workers.score(7, 1))
        .isInstanceOfSatisfying(JobError.class, e -> {
          assertThat(e.getMessage()).contains("likelihood must be from 1 to 5");
          assertThat(e.getRetries()).isZero();
        });
  }

  @Test
  void theDecisionFollowsFromAppetiteAndTheChosenTreatment() {
    when(job.getProcessInstanceKey()).thenReturn(7L);
    when(service.recordAssessment(any())).thenAnswer(call -> assessment(call.getArgument(0)));
    var commands = ArgumentCaptor.forClass(AssessmentCommand.class);

    workers.recordAssessment(job, "R-1", 2, 2, "ok", false, null, null, null, null, null, null, "risk.ben", null, null);
    workers.recordAssessment(job, "R-2", 4, 4, "treat", true, "MITIGATE", 2, 2, "Segment", "2027-03-01", "A.8.22; A.8.20", "risk.ben", "ciso.anna", null);
    workers.recordAssessment(job, "R-3", 5, 4, "accept", true, "ACCEPT", null, null, null, null, null, "risk.ben", null, "exec.eva");

    verify(service, org.mockito.Mockito.times(3)).recordAssessment(commands.capture());
    assertThat(commands.getAllValues())
        .extracting(AssessmentCommand::decision)
        .containsExactly(Decision.ACCEPTED, Decision.TREATMENT_APPROVED, Decision.ACCEPTED_BY_EXECUTIVE);
    var treated = commands.getAllValues().get(1);
    assertThat(treated.controls()).containsExactly("A.8.22", "A.8.20");
    assertThat(treated.actionDueDate()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(treated.reviewKey()).isEqualTo(7L);
  }

  @Test
  void anUnreadableDueDateIsAnIncidentNamingTheRisk() {
    when(job.getProcessInstanceKey()).thenReturn(7L);
    assertThatThrownBy(
            () -> workers.recordAssessment(job, "R-2", 4, 4, "x", true, "MITIGATE", 2, 2, "Segment", "next spring", null, "risk.ben", "ciso.anna", null))
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getMessage()).contains("R-2", "next spring"));
  }

  private static RiskAssessment assessment(AssessmentCommand c) {
    return new RiskAssessment(
        RiskAssessment.idFor(c.reviewKey(), c.riskId()), c.riskId(), c.reviewKey(), c.assessedBy(), c.approvedBy(),
        c.executiveSignOff(), java.time.Instant.EPOCH, c.likelihood(), c.impact(), c.likelihood() * c.impact(),
        RiskLevel.HIGH, RiskLevel.LOW, true, c.treatmentOption(), null, null, null, null, c.rationale(), c.decision(),
        LocalDate.of(2027, 2, 21));
  }

  /** Performers as the app sets them (the journal fallback for Tasklist is tested against the real journal). */
  private static io.ismsflow.engine.TaskPerformers performersAsGiven() {
    var performers = org.mockito.Mockito.mock(io.ismsflow.engine.TaskPerformers.class);
    org.mockito.Mockito.when(performers.forJob(any()))
        .thenReturn(
            new io.ismsflow.engine.TaskPerformers.Performers() {
              @Override
              public java.util.Optional<String> of(String variable, String given) {
                return java.util.Optional.ofNullable(given);
              }

              @Override
              public List<String> completersOf(List<String> elementIds) {
                return List.of();
              }
            });
    return performers;
  }
}
