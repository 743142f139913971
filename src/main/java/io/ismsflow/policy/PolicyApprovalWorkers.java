package io.ismsflow.policy;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.ismsflow.identity.FourEyes;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.policy.PolicyVersion.Approval;
import io.ismsflow.policy.PolicyVersion.Review;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code bpmn/policy-approval.bpmn}: one per job type, thin and idempotent. A policy
 * or version that no longer exists cannot get better by retrying: it becomes an incident at once.
 */
@Component
public class PolicyApprovalWorkers {

  private final PolicyService policies;
  private final Clock clock;
  private final io.ismsflow.engine.TaskPerformers performers;
  private final FourEyes fourEyes;

  PolicyApprovalWorkers(PolicyService policies, Clock clock, io.ismsflow.engine.TaskPerformers performers, FourEyes fourEyes) {
    this.fourEyes = fourEyes;
    this.policies = policies;
    this.clock = clock;
    this.performers = performers;
  }

  @JobWorker(type = "isms.policy.check-draft")
  public Map<String, Object> checkDraft(@Variable String policyId, @Variable int versionNumber) {
    var problems = run(() -> policies.checkDraft(policyId, versionNumber));
    return Map.of("draftProblems", problems, "draftComplete", problems.isEmpty());
  }

  @JobWorker(type = "isms.policy.record-reviews")
  public Map<String, Object> recordReviews(
      @Variable String policyId, @Variable int versionNumber, @Variable List<Map<String, Object>> reviewResults) {
    var reviews = new ArrayList<Review>();
    for (var result : reviewResults) {
      reviews.add(
          new Review(
              String.valueOf(result.get("reviewer")),
              String.valueOf(result.get("decision")),
              result.get("comment") == null ? null : String.valueOf(result.get("comment")),
              clock.instant()));
    }
    return Map.of("changesRequested", run(() -> policies.recordReviews(policyId, versionNumber, reviews)));
  }

  @JobWorker(type = "isms.policy.reopen-draft")
  public void reopenDraft(@Variable String policyId, @Variable int versionNumber) {
    run(
        () -> {
          policies.reopenDraft(policyId, versionNumber);
          return null;
        });
  }

  @JobWorker(type = "isms.policy.publish")
  public Map<String, Object> publish(
      io.camunda.client.api.response.ActivatedJob job,
      @Variable String policyId,
      @Variable int versionNumber,
      @Variable(optional = true) String approvedBy,
      @Variable(optional = true) String executiveApprovedBy,
      @Variable(optional = true) String author) {
    var performers = this.performers.forJob(job);
    approvedBy = performers.of("approvedBy", approvedBy).orElse(null);
    executiveApprovedBy = performers.of("executiveApprovedBy", executiveApprovedBy).orElse(null);
    var authors = author == null ? List.<String>of() : List.of(author);
    var ciso = approvedBy;
    var executive = executiveApprovedBy;
    run(
        () -> {
          fourEyes.requireApprovalByAnother(ciso, authors, "Approve policy", "the draft (as its author)", job.getProcessInstanceKey());
          fourEyes.requireApprovalByAnother(executive, authors, "Approve policy (executive leadership)", "the draft (as its author)", job.getProcessInstanceKey());
          return null;
        });
    var approvals = new ArrayList<Approval>();
    if (approvedBy != null) {
      approvals.add(new Approval(approvedBy, "ciso", clock.instant()));
    }
    if (executiveApprovedBy != null) {
      approvals.add(new Approval(executiveApprovedBy, "executive", clock.instant()));
    }
    var published = run(() -> policies.publish(policyId, versionNumber, approvals));
    return Map.of("publishedSha256", published.sha256());
  }

  @JobWorker(type = "isms.policy.escalate")
  public void escalate(io.camunda.client.api.response.ActivatedJob job, @Variable String policyId, @Variable int versionNumber) {
    var step = job.getCustomHeaders().getOrDefault("step", job.getElementId());
    policies.escalate(policyId, versionNumber, step, job.getProcessInstanceKey(), job.getElementInstanceKey());
  }

  private static <T> T run(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RequestRefusedException e) {
      throw CamundaError.jobError(e.getMessage(), Map.of(), 0);
    }
  }
}
