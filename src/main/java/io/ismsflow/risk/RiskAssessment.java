package io.ismsflow.risk;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One assessment of a risk in a review, never changed once written. Its id is the review's key and
 * the risk's id, so that a retried worker finds the assessment it already wrote.
 *
 * @param reviewKey the process instance of the review cycle
 * @param decision what came of it
 * @param executiveSignOff who of executive leadership signed off an acceptance, if needed
 * @param previousLevel the risk's level before this review
 */
@Document("risk_assessments")
public record RiskAssessment(
    @Id String id,
    String riskId,
    long reviewKey,
    String assessedBy,
    String approvedBy,
    String executiveSignOff,
    Instant at,
    int likelihood,
    int impact,
    int score,
    RiskLevel level,
    RiskLevel previousLevel,
    boolean aboveAppetite,
    Risk.TreatmentOption treatmentOption,
    Integer residualLikelihood,
    Integer residualImpact,
    Integer residualScore,
    RiskLevel residualLevel,
    String rationale,
    Decision decision,
    LocalDate nextReviewDate) {

  public enum Decision {
    /** At or below appetite: accepted with the owner's rationale. */
    ACCEPTED,
    /** Above appetite, accepted by executive leadership. */
    ACCEPTED_BY_EXECUTIVE,
    /** Above appetite, treatment approved by the CISO. */
    TREATMENT_APPROVED
  }

  static String idFor(long reviewKey, String riskId) {
    return reviewKey + ":" + riskId;
  }
}
