package io.ismsflow.risk;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.reporting.BoardActionTarget;
import io.ismsflow.risk.Risk.TreatmentAction;
import io.ismsflow.risk.Risk.TreatmentAction.ActionStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A board action on a risk becomes one of the risk's treatment actions (same id, owner and due
 * date), so it is tracked with the risk, counted in its figures and shown in the register.
 */
@Component
class RiskBoardActionTarget implements BoardActionTarget {

  private static final Pattern RISK_ID = Pattern.compile("R-[0-9]{1,5}");

  private final RiskRepository risks;
  private final AuditTrail audit;
  private final Clock clock;

  RiskBoardActionTarget(RiskRepository risks, AuditTrail audit, Clock clock) {
    this.risks = risks;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public boolean recognizes(String reference) {
    return reference != null && RISK_ID.matcher(reference).matches();
  }

  @Override
  public Optional<String> problemWith(String reference) {
    return risks.existsById(reference) ? Optional.empty() : Optional.of("there is no risk " + reference + " in the register");
  }

  @Override
  public void link(Link action) {
    var risk = risks.findById(action.reference()).orElseThrow(() -> new RiskGoneException(action.reference()));
    var status =
        switch (action.status()) {
          case "DONE" -> ActionStatus.DONE;
          case "CANCELLED" -> ActionStatus.CANCELLED;
          default -> ActionStatus.OPEN;
        };
    var treatment = new TreatmentAction(action.actionId(), "Board action (" + action.reportId() + "): " + action.title(), action.owner(), action.dueDate(), status, List.of());
    if (risk.treatmentActions().contains(treatment)) {
      return;
    }
    var updated = risks.save(risk.withTreatmentAction(treatment, clock.instant()));
    audit.append(
        new AuditEvent(
            "board-report-worker", List.of(), "risk.board-action-linked", "risk", risk.id(),
            Map.of("treatmentActions", risk.treatmentActions()), Map.of("treatmentActions", updated.treatmentActions()), null, null));
  }
}
