package io.ismsflow.policy;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of {@code bpmn/policy-review-schedule.bpmn} and {@code bpmn/policy-review.bpmn}.
 * Reviews start by a message correlated by policy id, which the engine does not start twice while
 * a review of that policy runs; the message is not kept, so a policy already in review is skipped.
 */
@Component
public class PolicyReviewWorkers {

  static final String REVIEW_DUE_MESSAGE = "isms.policy.review-due";

  private final PolicyService policies;
  private final CamundaClient client;
  private final io.ismsflow.engine.TaskPerformers performers;

  PolicyReviewWorkers(PolicyService policies, CamundaClient client, io.ismsflow.engine.TaskPerformers performers) {
    this.policies = policies;
    this.client = client;
    this.performers = performers;
  }

  @JobWorker(type = "isms.policy.start-due-reviews")
  public Map<String, Object> startDueReviews() {
    var due = policies.dueForReview();
    for (var policy : due) {
      client
          .newPublishMessageCommand()
          .messageName(REVIEW_DUE_MESSAGE)
          .correlationKey(policy.id())
          .timeToLive(Duration.ZERO)
          .variables(
              Map.of(
                  "policyId", policy.id(),
                  "policyTitle", policy.title(),
                  "owner", policy.owner(),
                  "topLevel", policy.isTopLevel()))
          .send()
          .join();
    }
    return Map.of("policiesDue", due.stream().map(Policy::id).toList());
  }

  @JobWorker(type = "isms.policy.confirm-valid")
  public void confirmValid(
      io.camunda.client.api.response.ActivatedJob job,
      @Variable String policyId,
      @Variable(optional = true) String reviewedBy,
      @Variable(optional = true) String periodicReviewComment) {
    policies.confirmStillValid(policyId, performers.forJob(job).of("reviewedBy", reviewedBy).orElse(null), periodicReviewComment);
  }

  @JobWorker(type = "isms.policy.create-update-draft")
  public Map<String, Object> createUpdateDraft(@Variable String policyId) {
    var draft = policies.createUpdateDraft(policyId);
    List<String> reviewers = policies.previousReviewers(policyId);
    var variables = new java.util.HashMap<String, Object>(policies.serviceLevels());
    variables.put("versionNumber", draft.number());
    variables.put("author", draft.author());
    variables.put("reviewers", reviewers);
    return variables;
  }
}
