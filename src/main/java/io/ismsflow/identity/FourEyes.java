package io.ismsflow.identity;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.platform.RequestRefusedException;
import java.util.Collection;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rule, in one place for every cycle: whoever approves a step may not be a person
 * who performed the step it approves. A refusal is recorded in the audit trail.
 */
@Component
public class FourEyes {

  private final AuditTrail audit;

  FourEyes(AuditTrail audit) {
    this.audit = audit;
  }

  /**
   * @param approver who is about to approve
   * @param performers who performed the approved step; {@code null} entries stand for a performer
   *     that is not known, which is refused too, since the rule cannot then be shown to hold
   * @param approval the approving step, for messages
   * @param performed the approved step, for messages
   */
  public void requireApproverIsNotPerformer(
      IsmsUser approver,
      Collection<String> performers,
      String approval,
      String performed,
      Long processInstanceKey,
      Long taskKey) {
    var unknown = performers.stream().anyMatch(p -> p == null || p.isBlank());
    if (!unknown && !performers.contains(approver.username())) {
      return;
    }
    var detail = refusal(approval, performed, performers);
    audit.append(
        new AuditEvent(
            approver.username(),
            approver.groupList(),
            "four-eyes.refused",
            "user-task",
            taskKey == null ? null : taskKey.toString(),
            null,
            detail,
            processInstanceKey,
            taskKey));
    throw new FourEyesViolationException(
        unknown
            ? "Four-eyes rule: who performed '" + performed + "' is not recorded, so '" + approval + "' cannot be approved here"
            : "Four-eyes rule: you (" + approver.username() + ") performed '" + performed + "', so someone else must do '"
                + approval + "'");
  }

  /**
   * The same rule for an approval that reached the engine without the app's check, i.e. completed
   * in Camunda Tasklist: a worker checks it before the approval takes effect, and a refusal stops
   * the cycle there (an incident) instead of recording it. Only a proven violation is refused: an
   * approver or performers that are not known let it pass, as the app cannot tell.
   */
  public void requireApprovalByAnother(String approver, Collection<String> performers, String approval, String performed, long processInstanceKey) {
    if (approver == null || approver.isBlank() || !performers.contains(approver)) {
      return;
    }
    var detail = refusal(approval, performed, performers);
    detail.put("checkedBy", "worker, after a completion outside ISMS Flow (Camunda Tasklist)");
    audit.append(new AuditEvent(approver, java.util.List.of(), "four-eyes.refused", "process-instance", Long.toString(processInstanceKey), null, detail, processInstanceKey, null));
    throw new FourEyesViolationException(
        "Four-eyes rule: " + approver + " performed '" + performed + "' and also completed '" + approval + "' (outside ISMS Flow,"
            + " e.g. in Camunda Tasklist); the approval is not recorded. Someone else must do '" + approval + "': in Operate,"
            + " modify this instance to activate '" + approval + "' again, or cancel it.");
  }

  /** What the audit entry of a refusal says. */
  private static LinkedHashMap<String, Object> refusal(String approval, String performed, Collection<String> performers) {
    var detail = new LinkedHashMap<String, Object>();
    detail.put("approval", approval);
    detail.put("performed", performed);
    detail.put("performers", performers.stream().map(p -> p == null ? "(unknown)" : p).toList());
    return detail;
  }

  /** The approver performed the step to approve: refused (403). */
  public static class FourEyesViolationException extends RequestRefusedException {
    FourEyesViolationException(String message) {
      super(Reason.FORBIDDEN, message);
    }
  }
}
