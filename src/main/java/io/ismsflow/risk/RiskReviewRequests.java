package io.ismsflow.risk;

import io.camunda.client.CamundaClient;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.platform.RequestRefusedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Starts risk reviews on demand: a full review by the API, an ad-hoc one by message. */
@Service
public class RiskReviewRequests {

  public static final String PROCESS_ID = "RiskReviewProcess";
  public static final String AD_HOC_MESSAGE = "isms.risk.ad-hoc-review";
  private static final Pattern ID = Pattern.compile("[A-Z]{1,4}-[0-9]{1,5}");

  private final ProcessInstanceService processes;
  private final CamundaClient client;
  private final AuditTrail audit;

  RiskReviewRequests(ProcessInstanceService processes, CamundaClient client, AuditTrail audit) {
    this.processes = processes;
    this.client = client;
    this.audit = audit;
  }

  /** A review of the given risks, or, with none given, of every risk due. */
  public long startReview(IsmsUser actor, List<String> riskIds) {
    var variables = new HashMap<String, Object>();
    if (riskIds != null && !riskIds.isEmpty()) {
      variables.put("riskIds", ids("riskIds", riskIds));
    }
    return processes.start(actor, PROCESS_ID, variables);
  }

  /**
   * An ad-hoc review of the risks of some assets, e.g. after an incident or a new OT vulnerability:
   * published as the message that starts the review, so that other systems can send it too.
   */
  public void requestAdHocReview(IsmsUser actor, List<String> assetIds, String reason) {
    if (!actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN, IsmsGroup.RISK_OWNER)) {
      throw new RequestRefusedException(Reason.FORBIDDEN, "Ad-hoc risk reviews are requested by the CISO, risk owners or admins");
    }
    if (assetIds == null || assetIds.isEmpty()) {
      throw invalid("assetIds", "name at least one affected asset");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw invalid("reason", "say why the review is needed (at most 500 characters)");
    }
    var variables = new HashMap<String, Object>();
    variables.put("assetIds", ids("assetIds", assetIds));
    variables.put("reason", reason.strip());
    variables.put("requestedBy", actor.username());
    client
        .newPublishMessageCommand()
        .messageName(AD_HOC_MESSAGE)
        .withoutCorrelationKey()
        .variables(variables)
        .requestTimeout(Duration.ofSeconds(20))
        .send()
        .join();
    audit.append(
        new AuditEvent(actor.username(), actor.groupList(), "risk.review.ad-hoc-requested", "asset", String.join(",", assetIds), null, variables, null, null));
  }

  private static RequestRefusedException invalid(String field, String problem) {
    return new RequestRefusedException(
        Reason.INVALID_INPUT, "The review request is invalid", List.of(new FieldProblem(field, problem)), null);
  }

  private static List<String> ids(String field, List<String> ids) {
    if (ids.size() > 1000) {
      throw invalid(field, "at most 1000 ids");
    }
    for (var id : ids) {
      if (id == null || !ID.matcher(id).matches()) {
        throw invalid(field, "'" + id + "' is not an id like R-001 or A-001");
      }
    }
    return List.copyOf(ids);
  }
}
