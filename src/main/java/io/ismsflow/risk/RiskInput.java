package io.ismsflow.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * A risk as a client or an import row gives it; {@link RiskRegisterService} checks it field by
 * field. The inherent and residual scores and levels are never given: they are computed with the
 * {@link RiskMatrix}. See {@link Risk} for the meaning of the fields.
 *
 * <p>On update, the fields the review cycle keeps up to date may be left out (null) and keep their
 * current values: {@code assetIds}, {@code treatmentActions}, {@code reviewIntervalDays}, {@code
 * nextReviewDate}, {@code status}, {@code lastRationale}. An empty list clears a list.
 *
 * @param treatmentOption one of {@link Risk.TreatmentOption}, by name; may be left open
 * @param residualLikelihood expected likelihood after treatment; given together with {@code residualImpact}
 * @param reviewIntervalDays days from one review to the next, 1 to 1095 (new risks: 90)
 * @param nextReviewDate when the risk is next due for review (new risks: today + the interval)
 * @param status one of {@link Risk.RiskStatus}, by name (new risks: OPEN)
 */
public record RiskInput(
    String id,
    String title,
    String description,
    List<String> assetIds,
    String threat,
    String vulnerability,
    String owner,
    Integer likelihood,
    Integer impact,
    String treatmentOption,
    Integer residualLikelihood,
    Integer residualImpact,
    List<TreatmentActionInput> treatmentActions,
    Integer reviewIntervalDays,
    LocalDate nextReviewDate,
    String status,
    String lastRationale) {

  /**
   * A planned treatment step.
   *
   * @param id unique within the risk: letters, digits, {@code . _ : -}, e.g. {@code TA-1}
   * @param status one of {@link Risk.TreatmentAction.ActionStatus}, by name (default OPEN)
   * @param controls ISO/IEC 27001:2022 Annex A controls, e.g. {@code A.8.22}
   */
  public record TreatmentActionInput(
      String id, String title, String owner, LocalDate dueDate, String status, List<String> controls) {}

  /** The input that describes a risk as it is. */
  public static RiskInput of(Risk risk) {
    return new RiskInput(
        risk.id(),
        risk.title(),
        risk.description(),
        risk.assetIds(),
        risk.threat(),
        risk.vulnerability(),
        risk.owner(),
        risk.likelihood(),
        risk.impact(),
        risk.treatmentOption() == null ? null : risk.treatmentOption().name(),
        risk.residualLikelihood(),
        risk.residualImpact(),
        risk.treatmentActions().stream()
            .map(
                a ->
                    new TreatmentActionInput(
                        a.id(), a.title(), a.owner(), a.dueDate(), a.status() == null ? null : a.status().name(), a.controls()))
            .toList(),
        risk.reviewIntervalDays(),
        risk.nextReviewDate(),
        risk.status() == null ? null : risk.status().name(),
        risk.lastRationale());
  }
}
