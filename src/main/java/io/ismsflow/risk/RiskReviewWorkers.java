package io.ismsflow.risk;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.ismsflow.identity.FourEyes;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.risk.Risk.TreatmentOption;
import io.ismsflow.risk.RiskAssessment.Decision;
import io.ismsflow.risk.RiskReviewService.AssessmentCommand;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code bpmn/risk-review.bpmn}: one per job type, thin (typed variables in, one
 * service call, a few variables out). A risk that is gone becomes the BPMN error RISK_GONE, which
 * the model handles; input no retry can fix becomes an incident at once, with a plain message;
 * anything else (e.g. MongoDB briefly unreachable) fails the job, which the engine retries.
 */
@Component
public class RiskReviewWorkers {

  static final String RISK_GONE = "RISK_GONE";
  /** What an approval or sign-off of a risk's treatment approves: the owner's work, never approved by the owner. */
  static final List<String> APPROVED_STEPS = List.of("AssessRiskTask", "PlanTreatmentTask");

  private final RiskReviewService reviews;
  private final RiskReviewProperties properties;
  private final io.ismsflow.engine.TaskPerformers performers;
  private final FourEyes fourEyes;

  RiskReviewWorkers(
      RiskReviewService reviews, RiskReviewProperties properties, io.ismsflow.engine.TaskPerformers performers, FourEyes fourEyes) {
    this.fourEyes = fourEyes;
    this.reviews = reviews;
    this.properties = properties;
    this.performers = performers;
  }

  @JobWorker(type = "isms.risk.select-due")
  public Map<String, Object> selectDue(
      ActivatedJob job, @Variable(optional = true) List<String> riskIds, @Variable(optional = true) List<String> assetIds) {
    var selection =
        reviews.selectForReview(
            job.getProcessInstanceKey(), riskIds == null ? List.of() : riskIds, assetIds == null ? List.of() : assetIds);
    return Map.of(
        "reviewRiskIds", selection.selected(),
        "risksInOtherReviews", selection.inOtherReviews(),
        "assessmentSla", properties.assessmentSla().toString(),
        "approvalSla", properties.approvalSla().toString());
  }

  @JobWorker(type = "isms.risk.prepare-assessment")
  public Map<String, Object> prepareAssessment(@Variable String riskId) {
    try {
      var risk = reviews.snapshot(riskId);
      var variables = new HashMap<String, Object>();
      variables.put("riskTitle", risk.title());
      variables.put("riskOwner", risk.owner());
      variables.put("likelihood", risk.likelihood());
      variables.put("impact", risk.impact());
      variables.put("rationale", risk.rationale() == null ? "" : risk.rationale());
      return variables;
    } catch (RiskGoneException e) {
      throw CamundaError.bpmnError(RISK_GONE, e.getMessage());
    } catch (RequestRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0);
    }
  }

  @JobWorker(type = "isms.risk.score")
  public Map<String, Object> score(@Variable int likelihood, @Variable int impact) {
    try {
      var rating = reviews.rate(likelihood, impact);
      return Map.of("score", rating.score(), "level", rating.level().name(), "aboveAppetite", rating.aboveAppetite());
    } catch (IllegalArgumentException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0);
    }
  }

  @JobWorker(type = "isms.risk.record-assessment")
  public Map<String, Object> recordAssessment(
      ActivatedJob job,
      @Variable String riskId,
      @Variable int likelihood,
      @Variable int impact,
      @Variable(optional = true) String rationale,
      @Variable boolean aboveAppetite,
      @Variable(optional = true) String treatmentOption,
      @Variable(optional = true) Integer residualLikelihood,
      @Variable(optional = true) Integer residualImpact,
      @Variable(optional = true) String actionTitle,
      @Variable(optional = true) String actionDueDate,
      @Variable(optional = true) String controls,
      @Variable(optional = true) String assessedBy,
      @Variable(optional = true) String approvedBy,
      @Variable(optional = true) String signedOffBy) {
    var performers = this.performers.forJob(job);
    var assessor = performers.of("assessedBy", assessedBy).orElse(null);
    var approver = performers.of("approvedBy", approvedBy).orElse(null);
    var signer = performers.of("signedOffBy", signedOffBy).orElse(null);
    try {
      var option = treatmentOption == null || treatmentOption.isBlank() ? null : TreatmentOption.valueOf(treatmentOption);
      var decision =
          !aboveAppetite
              ? Decision.ACCEPTED
              : option == TreatmentOption.ACCEPT ? Decision.ACCEPTED_BY_EXECUTIVE : Decision.TREATMENT_APPROVED;
      if (decision != Decision.ACCEPTED) {
        var byExecutive = decision == Decision.ACCEPTED_BY_EXECUTIVE;
        fourEyes.requireApprovalByAnother(
            byExecutive ? signer : approver,
            performers.completersOf(APPROVED_STEPS),
            byExecutive ? "Sign off risk acceptance" : "Approve treatment",
            "Assess risk, Plan treatment",
            job.getProcessInstanceKey());
      }
      var assessment =
          reviews.recordAssessment(
              new AssessmentCommand(
                  job.getProcessInstanceKey(),
                  riskId,
                  assessor,
                  approver,
                  signer,
                  likelihood,
                  impact,
                  rationale,
                  option,
                  residualLikelihood,
                  residualImpact,
                  actionTitle,
                  date(actionDueDate),
                  controls == null || controls.isBlank()
                      ? List.of()
                      : Arrays.stream(controls.split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList(),
                  decision));
      return Map.of(
          "outcome",
          Map.of(
              "riskId", riskId,
              "decision", assessment.decision().name(),
              "level", assessment.level().name(),
              "nextReviewDate", assessment.nextReviewDate().toString()));
    } catch (RiskGoneException e) {
      throw CamundaError.bpmnError(RISK_GONE, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CamundaError.jobError("Cannot record the assessment of " + riskId + ": " + e.getMessage(), Map.of(), 0);
    }
  }

  @JobWorker(type = "isms.risk.escalate")
  public void escalate(ActivatedJob job, @Variable String riskId) {
    var step = job.getCustomHeaders().getOrDefault("step", job.getElementId());
    reviews.recordEscalation(job.getProcessInstanceKey(), riskId, step, job.getElementInstanceKey());
  }

  @JobWorker(type = "isms.risk.summarize-review")
  public Map<String, Object> summarizeReview(ActivatedJob job) {
    var summary = reviews.summarize(job.getProcessInstanceKey());
    return Map.of("risksReviewed", summary.risksReviewed(), "newHighRisks", summary.newHighRisks().size());
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the action due date '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }
}
