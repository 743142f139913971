package io.ismsflow.risk;

import io.ismsflow.platform.InputCheck;
import io.ismsflow.risk.Risk.RiskStatus;
import io.ismsflow.risk.Risk.TreatmentAction;
import io.ismsflow.risk.Risk.TreatmentAction.ActionStatus;
import io.ismsflow.risk.Risk.TreatmentOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a risk must satisfy, whether it comes from the API or an import; the scores and levels
 * are computed with the risk matrix. No I/O: which assets exist is given.
 */
final class RiskRules {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_THREAT = 1000;
  static final int MAX_VULNERABILITY = 1000;
  static final int MAX_RATIONALE = 4000;
  static final int MAX_ASSETS = 100;
  static final int MAX_ACTIONS = 50;
  static final int MAX_ACTION_TITLE = 200;
  static final int MAX_CONTROLS = 30;
  static final int MAX_CONTROL = 50;
  static final int DEFAULT_REVIEW_INTERVAL_DAYS = 90;
  static final int MAX_REVIEW_INTERVAL_DAYS = 1095;
  static final Pattern ACTION_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

  /**
   * What a check needs besides the input.
   *
   * @param knownAssetIds the asset ids among those the input names that exist
   */
  record Context(RiskMatrix matrix, Set<String> knownAssetIds, LocalDate today, Instant now) {}

  private RiskRules() {}

  /**
   * The risk the input describes, or null with the problems in {@code check}.
   *
   * @param pathId the id the request's path names (update), or null (create, import)
   * @param existing the risk as it is now, or null if new
   */
  static Risk validate(RiskInput in, String pathId, Risk existing, Context context, InputCheck check) {
    var id = check.idMatchingPath(in.id(), pathId, "a risk");
    var title = check.requiredText("title", in.title(), MAX_TITLE);
    var description = check.optionalText("description", in.description(), MAX_DESCRIPTION);
    var threat = check.requiredText("threat", in.threat(), MAX_THREAT);
    var vulnerability = check.requiredText("vulnerability", in.vulnerability(), MAX_VULNERABILITY);
    var owner = check.userName("owner", in.owner(), true);
    var assetIds = assetIds(in.assetIds() != null ? in.assetIds() : existing != null ? existing.assetIds() : List.of(), context, check);

    var matrix = context.matrix();
    var likelihood = check.number("likelihood", in.likelihood(), 1, matrix.size(), true);
    var impact = check.number("impact", in.impact(), 1, matrix.size(), true);
    var option = check.choice("treatmentOption", in.treatmentOption(), TreatmentOption.class, false);
    var residualLikelihood = check.number("residualLikelihood", in.residualLikelihood(), 1, matrix.size(), false);
    var residualImpact = check.number("residualImpact", in.residualImpact(), 1, matrix.size(), false);
    if (in.residualLikelihood() != null && in.residualImpact() == null) {
      check.problem("residualImpact", "is required with a residual likelihood: the expected impact after treatment");
    }
    if (in.residualImpact() != null && in.residualLikelihood() == null) {
      check.problem("residualLikelihood", "is required with a residual impact: the expected likelihood after treatment");
    }
    var actions =
        actions(in.treatmentActions() != null ? in.treatmentActions() : existing != null ? RiskInput.of(existing).treatmentActions() : List.of(), check);

    Integer interval =
        in.reviewIntervalDays() != null
            ? check.number("reviewIntervalDays", in.reviewIntervalDays(), 1, MAX_REVIEW_INTERVAL_DAYS, false)
            : Integer.valueOf(existing != null && existing.reviewIntervalDays() > 0 ? existing.reviewIntervalDays() : DEFAULT_REVIEW_INTERVAL_DAYS);
    var status =
        in.status() != null && !in.status().isBlank()
            ? check.choice("status", in.status(), RiskStatus.class, false)
            : existing != null && existing.status() != null ? existing.status() : RiskStatus.OPEN;
    var rationale =
        in.lastRationale() != null ? check.optionalText("lastRationale", in.lastRationale(), MAX_RATIONALE)
            : existing == null ? null : existing.lastRationale();
    if (check.hasProblems()) {
      return null;
    }
    var nextReview =
        in.nextReviewDate() != null ? in.nextReviewDate()
            : existing != null && existing.nextReviewDate() != null ? existing.nextReviewDate()
            : context.today().plusDays(interval);
    var inherent = matrix.rate(likelihood, impact);
    var residual = residualLikelihood == null || residualImpact == null ? null : matrix.rate(residualLikelihood, residualImpact);
    return new Risk(
        id,
        title,
        description,
        assetIds,
        threat,
        vulnerability,
        owner,
        inherent.likelihood(),
        inherent.impact(),
        inherent.score(),
        inherent.level(),
        option,
        actions,
        residual == null ? null : residual.likelihood(),
        residual == null ? null : residual.impact(),
        residual == null ? null : residual.score(),
        residual == null ? null : residual.level(),
        interval,
        nextReview,
        status,
        rationale,
        existing == null || existing.createdAt() == null ? context.now() : existing.createdAt(),
        context.now(),
        existing == null ? null : existing.version());
  }

  private static List<String> assetIds(List<String> given, RiskRules.Context context, InputCheck check) {
    if (given.size() > MAX_ASSETS) {
      check.problem("assetIds", "may name at most " + MAX_ASSETS + " assets, not " + given.size());
      return List.of();
    }
    var ids = new LinkedHashSet<String>();
    var unknown = new ArrayList<String>();
    for (int i = 0; i < given.size(); i++) {
      var value = given.get(i) == null ? "" : given.get(i).strip();
      if (!InputCheck.ID.matcher(value).matches()) {
        check.problem("assetIds[" + i + "]", "'" + InputCheck.shortened(value) + "' is not an asset id, e.g. A-001");
      } else if (!context.knownAssetIds().contains(value)) {
        unknown.add(value);
      } else {
        ids.add(value);
      }
    }
    if (!unknown.isEmpty()) {
      check.problem(
          "assetIds", (unknown.size() == 1 ? "There is no asset " : "There are no assets ") + String.join(", ", unknown));
    }
    return List.copyOf(ids);
  }

  private static List<TreatmentAction> actions(List<RiskInput.TreatmentActionInput> given, InputCheck check) {
    if (given.size() > MAX_ACTIONS) {
      check.problem("treatmentActions", "may hold at most " + MAX_ACTIONS + " actions, not " + given.size());
      return List.of();
    }
    var actions = new ArrayList<TreatmentAction>();
    var ids = new HashSet<String>();
    for (int i = 0; i < given.size(); i++) {
      var field = "treatmentActions[" + i + "]";
      var in = given.get(i);
      if (in == null) {
        check.problem(field, "is empty");
        continue;
      }
      var id = in.id() == null ? "" : in.id().strip();
      if (id.isEmpty()) {
        check.problem(field + ".id", "is required, e.g. TA-1");
      } else if (!ACTION_ID.matcher(id).matches()) {
        check.problem(field + ".id", "'" + InputCheck.shortened(id) + "' is not an action id: letters, digits, . _ : - only");
      } else if (!ids.add(id)) {
        check.problem(field + ".id", id + " is the id of another action of this risk");
      }
      var title = check.requiredText(field + ".title", in.title(), MAX_ACTION_TITLE);
      var owner = check.userName(field + ".owner", in.owner(), false);
      var status =
          in.status() == null || in.status().isBlank() ? ActionStatus.OPEN : check.choice(field + ".status", in.status(), ActionStatus.class, false);
      var controls = new ArrayList<String>();
      var givenControls = in.controls() == null ? List.<String>of() : in.controls();
      if (givenControls.size() > MAX_CONTROLS) {
        check.problem(field + ".controls", "may name at most " + MAX_CONTROLS + " controls");
      } else {
        for (var control : givenControls) {
          var text = control == null ? "" : control.strip();
          if (text.isEmpty() || text.length() > MAX_CONTROL) {
            check.problem(field + ".controls", "a control must be 1 to " + MAX_CONTROL + " characters, e.g. A.8.22");
          } else if (!controls.contains(text)) {
            controls.add(text);
          }
        }
      }
      actions.add(new TreatmentAction(id, title, owner, in.dueDate(), status, controls));
    }
    return actions;
  }

  /** Whether two risks say the same, whenever and however often they were saved. */
  static boolean sameContent(Risk a, Risk b) {
    return stamped(a, null, null, null).equals(stamped(b, null, null, null));
  }

  static Risk stamped(Risk r, Instant createdAt, Instant updatedAt, Long version) {
    return new Risk(
        r.id(), r.title(), r.description(), r.assetIds(), r.threat(), r.vulnerability(), r.owner(), r.likelihood(),
        r.impact(), r.inherentScore(), r.inherentLevel(), r.treatmentOption(), r.treatmentActions(),
        r.residualLikelihood(), r.residualImpact(), r.residualScore(), r.residualLevel(), r.reviewIntervalDays(),
        r.nextReviewDate(), r.status(), r.lastRationale(), createdAt, updatedAt, version);
  }

  /** Whether the risk is overdue: its review date has passed or an open treatment action is past due. */
  static boolean isOverdue(Risk risk, LocalDate today) {
    return risk.status() != RiskStatus.CLOSED
        && ((risk.nextReviewDate() != null && risk.nextReviewDate().isBefore(today))
            || risk.treatmentActions().stream().anyMatch(a -> a.isOverdue(today)));
  }
}
