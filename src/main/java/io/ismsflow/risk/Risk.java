package io.ismsflow.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A risk of the register (ISO/IEC 27001 6.1.2, 8.2): what could happen to which assets, how likely
 * and how bad (OT safety and production impact included), how it is treated and when it is next
 * reviewed. Its assessments are kept as immutable {@link RiskAssessment}s.
 *
 * @param id short identifier, e.g. {@code R-001}
 * @param likelihood current likelihood 1..size of the matrix
 * @param impact current impact 1..size (the worst of CIA, safety and production impact)
 * @param inherentScore likelihood x impact before treatment
 * @param residualScore expected score after the planned treatment, if any
 * @param reviewIntervalDays days from one review to the next
 */
@Document("risks")
public record Risk(
    @Id String id,
    String title,
    String description,
    List<String> assetIds,
    String threat,
    String vulnerability,
    String owner,
    int likelihood,
    int impact,
    int inherentScore,
    RiskLevel inherentLevel,
    TreatmentOption treatmentOption,
    List<TreatmentAction> treatmentActions,
    Integer residualLikelihood,
    Integer residualImpact,
    Integer residualScore,
    RiskLevel residualLevel,
    int reviewIntervalDays,
    LocalDate nextReviewDate,
    RiskStatus status,
    String lastRationale,
    Instant createdAt,
    Instant updatedAt,
    @Version Long version) {

  public Risk {
    assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
    treatmentActions = treatmentActions == null ? List.of() : List.copyOf(treatmentActions);
  }

  public enum TreatmentOption {
    MITIGATE,
    ACCEPT,
    TRANSFER,
    AVOID
  }

  public enum RiskStatus {
    OPEN,
    IN_REVIEW,
    TREATING,
    ACCEPTED,
    CLOSED
  }

  /**
   * A planned treatment step.
   *
   * @param controls ISO/IEC 27001:2022 Annex A controls it implements, e.g. {@code A.8.8}
   */
  public record TreatmentAction(
      String id, String title, String owner, LocalDate dueDate, ActionStatus status, List<String> controls) {

    public TreatmentAction {
      controls = controls == null ? List.of() : List.copyOf(controls);
    }

    public enum ActionStatus {
      OPEN,
      DONE,
      CANCELLED
    }

    public boolean isOverdue(LocalDate today) {
      return status == ActionStatus.OPEN && dueDate != null && dueDate.isBefore(today);
    }
  }

  /** This risk with the treatment action added, or replacing the one with the same id. */
  public Risk withTreatmentAction(TreatmentAction action, Instant now) {
    var actions = new java.util.ArrayList<TreatmentAction>();
    boolean replaced = false;
    for (var existing : treatmentActions) {
      if (existing.id().equals(action.id())) {
        actions.add(action);
        replaced = true;
      } else {
        actions.add(existing);
      }
    }
    if (!replaced) {
      actions.add(action);
    }
    return new Risk(
        id, title, description, assetIds, threat, vulnerability, owner, likelihood, impact, inherentScore, inherentLevel, treatmentOption,
        actions, residualLikelihood, residualImpact, residualScore, residualLevel, reviewIntervalDays, nextReviewDate, status, lastRationale,
        createdAt, now, version);
  }

  /** The score that counts now: the residual one once a treatment is planned, else the inherent one. */
  public int currentScore() {
    return residualScore != null ? residualScore : inherentScore;
  }

  public boolean isDueForReview(LocalDate today) {
    return status != RiskStatus.CLOSED && (nextReviewDate == null || !nextReviewDate.isAfter(today));
  }
}
