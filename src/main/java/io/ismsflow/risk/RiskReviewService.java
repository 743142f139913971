package io.ismsflow.risk;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.engine.ProcessInstanceService;
import io.ismsflow.notification.Notifications;
import io.ismsflow.risk.Risk.RiskStatus;
import io.ismsflow.risk.Risk.TreatmentAction;
import io.ismsflow.risk.Risk.TreatmentOption;
import io.ismsflow.risk.RiskAssessment.Decision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The steps of the risk review cycle ({@code bpmn/risk-review.bpmn}) on the register. Every step
 * is idempotent: its writes are keyed by the review (process instance) and the risk, so a retried
 * job finds what it already wrote and writes nothing twice.
 */
@Service
public class RiskReviewService {

  static final String ESCALATIONS = "risk_escalations";
  static final String SUMMARIES = "risk_review_summaries";
  private static final String ACTOR = "system:risk-review";

  /** What the owner sees when assessing: the current values and the last rationale. */
  public record RiskSnapshot(
      String riskId, String title, String owner, List<String> assetIds, int likelihood, int impact, String rationale) {}

  /**
   * The outcome of one risk's review, as the cycle decided it.
   *
   * @param assessedBy the owner who assessed it
   * @param approvedBy the CISO who approved the treatment, if any
   * @param executiveSignOff the executive who signed off an acceptance, if any
   */
  public record AssessmentCommand(
      long reviewKey,
      String riskId,
      String assessedBy,
      String approvedBy,
      String executiveSignOff,
      int likelihood,
      int impact,
      String rationale,
      TreatmentOption treatmentOption,
      Integer residualLikelihood,
      Integer residualImpact,
      String actionTitle,
      LocalDate actionDueDate,
      List<String> controls,
      Decision decision) {}

  /** What the review changed, for the board report. */
  public record ReviewSummary(
      long reviewKey,
      Instant completedAt,
      int risksReviewed,
      Map<String, Integer> decisions,
      List<String> newHighRisks,
      List<String> overdueTreatmentActions,
      int escalations) {}

  private final RiskRepository risks;
  private final RiskAssessmentRepository assessments;
  private final RiskMatrix matrix;
  private final MongoTemplate mongo;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final RiskReviewLocks locks;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  RiskReviewService(
      RiskRepository risks,
      RiskAssessmentRepository assessments,
      RiskMatrix matrix,
      MongoTemplate mongo,
      AuditTrail audit,
      Notifications notifications,
      ProcessInstanceService processes,
      Clock clock) {
    this(risks, assessments, matrix, mongo, audit, notifications, processes::isRunning, clock);
  }

  RiskReviewService(
      RiskRepository risks,
      RiskAssessmentRepository assessments,
      RiskMatrix matrix,
      MongoTemplate mongo,
      AuditTrail audit,
      Notifications notifications,
      LongPredicate reviewIsRunning,
      Clock clock) {
    this.risks = risks;
    this.assessments = assessments;
    this.matrix = matrix;
    this.mongo = mongo;
    this.audit = audit;
    this.notifications = notifications;
    this.locks = new RiskReviewLocks(mongo, reviewIsRunning, clock);
    this.clock = clock;
  }

  /** The risks a review covers, and those it leaves to another review that is running. */
  public record Selection(List<String> selected, List<String> inOtherReviews) {}

  /**
   * The risks a review covers, by id: for an ad-hoc review those named or linked to the named
   * assets; for a scheduled one those whose review date has come or that are above appetite. Each
   * is claimed for this review; a risk that another running review holds is left to it.
   */
  public Selection selectForReview(long reviewKey, Collection<String> riskIds, Collection<String> assetIds) {
    var today = LocalDate.now(clock);
    var adHoc = !riskIds.isEmpty() || !assetIds.isEmpty();
    var candidates =
        risks.findAll().stream()
            .filter(r -> r.status() != RiskStatus.CLOSED)
            .filter(
                r ->
                    adHoc
                        ? riskIds.contains(r.id()) || r.assetIds().stream().anyMatch(assetIds::contains)
                        : r.isDueForReview(today) || r.currentScore() > matrix.appetite())
            .map(Risk::id)
            .sorted()
            .toList();
    var selected = new ArrayList<String>();
    var elsewhere = new ArrayList<String>();
    for (var id : candidates) {
      (locks.claim(id, reviewKey) ? selected : elsewhere).add(id);
    }
    return new Selection(List.copyOf(selected), List.copyOf(elsewhere));
  }

  public RiskSnapshot snapshot(String riskId) {
    var risk = existing(riskId);
    return new RiskSnapshot(
        risk.id(), risk.title(), risk.owner(), risk.assetIds(), risk.likelihood(), risk.impact(), risk.lastRationale());
  }

  public RiskMatrix.Rating rate(int likelihood, int impact) {
    return matrix.rate(likelihood, impact);
  }

  /** Writes the review's immutable assessment of a risk and brings the register up to date. */
  public RiskAssessment recordAssessment(AssessmentCommand command) {
    var id = RiskAssessment.idFor(command.reviewKey(), command.riskId());
    var written = assessments.findById(id);
    if (written.isPresent()) {
      return written.get();
    }
    var risk = existing(command.riskId());
    var rating = matrix.rate(command.likelihood(), command.impact());
    var treated = command.decision() == Decision.TREATMENT_APPROVED;
    var residual =
        treated && command.residualLikelihood() != null && command.residualImpact() != null
            ? matrix.rate(command.residualLikelihood(), command.residualImpact())
            : null;
    var today = LocalDate.now(clock);
    var nextReview = today.plusDays(risk.reviewIntervalDays() > 0 ? risk.reviewIntervalDays() : 90);
    var option = command.treatmentOption() == null ? TreatmentOption.ACCEPT : command.treatmentOption();
    var assessment =
        new RiskAssessment(
            id,
            risk.id(),
            command.reviewKey(),
            command.assessedBy(),
            command.approvedBy(),
            command.executiveSignOff(),
            clock.instant(),
            rating.likelihood(),
            rating.impact(),
            rating.score(),
            rating.level(),
            risk.inherentLevel(),
            rating.aboveAppetite(),
            option,
            residual == null ? null : residual.likelihood(),
            residual == null ? null : residual.impact(),
            residual == null ? null : residual.score(),
            residual == null ? null : residual.level(),
            command.rationale(),
            command.decision(),
            nextReview);
    try {
      assessments.insert(assessment);
    } catch (DuplicateKeyException alreadyWritten) {
      return assessments.findById(id).orElseThrow();
    }
    var actions = new ArrayList<>(risk.treatmentActions());
    var actionId = "TA-" + command.reviewKey() + "-" + risk.id();
    if (treated
        && command.actionTitle() != null
        && !command.actionTitle().isBlank()
        && actions.stream().noneMatch(a -> a.id().equals(actionId))) {
      actions.add(
          new TreatmentAction(
              actionId,
              command.actionTitle().strip(),
              command.assessedBy(),
              command.actionDueDate(),
              TreatmentAction.ActionStatus.OPEN,
              command.controls()));
    }
    var updated =
        new Risk(
            risk.id(),
            risk.title(),
            risk.description(),
            risk.assetIds(),
            risk.threat(),
            risk.vulnerability(),
            risk.owner(),
            rating.likelihood(),
            rating.impact(),
            rating.score(),
            rating.level(),
            option,
            actions,
            residual == null ? null : residual.likelihood(),
            residual == null ? null : residual.impact(),
            residual == null ? null : residual.score(),
            residual == null ? null : residual.level(),
            risk.reviewIntervalDays(),
            nextReview,
            treated ? RiskStatus.TREATING : RiskStatus.ACCEPTED,
            command.rationale(),
            risk.createdAt(),
            clock.instant(),
            risk.version());
    risks.save(updated);
    locks.release(risk.id(), command.reviewKey());
    audit.append(
        new AuditEvent(
            command.assessedBy(),
            List.of(),
            "risk.assessed",
            "risk",
            risk.id(),
            risk,
            updated,
            command.reviewKey(),
            null));
    return assessment;
  }

  /** Records that a step of a risk's review is overdue and notifies the CISO group; once per escalation event. */
  public void recordEscalation(long reviewKey, String riskId, String step, long eventKey) {
    var document =
        new org.bson.Document("_id", reviewKey + ":" + eventKey)
            .append("reviewKey", reviewKey)
            .append("riskId", riskId)
            .append("step", step)
            .append("at", java.util.Date.from(clock.instant()));
    try {
      mongo.insert(document, ESCALATIONS);
    } catch (DuplicateKeyException alreadyRecorded) {
      return;
    }
    audit.append(
        new AuditEvent(ACTOR, List.of(), "risk.review.escalated", "risk", riskId, null, Map.of("step", step), reviewKey, null));
    notifications.notify(
        "risk-escalation-" + reviewKey + "-" + eventKey,
        "ciso",
        "Overdue in the risk review: " + riskId,
        "The step " + step + " of the review of " + riskId + " is overdue.",
        "/api/risk-reviews/" + reviewKey + "/escalations");
  }

  /** Writes the review's summary once: what changed, new high risks, overdue treatment actions. */
  public ReviewSummary summarize(long reviewKey) {
    locks.releaseAll(reviewKey);
    var existing = mongo.findById(reviewKey, ReviewSummary.class, SUMMARIES);
    if (existing != null) {
      return existing;
    }
    var reviewed = assessments.findByReviewKey(reviewKey);
    var decisions = new LinkedHashMap<String, Integer>();
    for (var decision : Decision.values()) {
      decisions.put(decision.name(), (int) reviewed.stream().filter(a -> a.decision() == decision).count());
    }
    var high = Set.of(RiskLevel.HIGH, RiskLevel.CRITICAL);
    var newHighs =
        reviewed.stream()
            .filter(a -> high.contains(a.level()) && (a.previousLevel() == null || !high.contains(a.previousLevel())))
            .map(RiskAssessment::riskId)
            .sorted()
            .toList();
    var today = LocalDate.now(clock);
    var overdue =
        risks.findAll().stream()
            .flatMap(r -> r.treatmentActions().stream().filter(a -> a.isOverdue(today)).map(a -> r.id() + "/" + a.id()))
            .sorted(Comparator.naturalOrder())
            .toList();
    var escalations =
        (int) mongo.count(
            org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("reviewKey").is(reviewKey)),
            ESCALATIONS);
    var summary =
        new ReviewSummary(reviewKey, clock.instant(), reviewed.size(), decisions, newHighs, overdue, escalations);
    var document = new org.bson.Document();
    mongo.getConverter().write(summary, document);
    document.put("_id", reviewKey);
    try {
      mongo.insert(document, SUMMARIES);
    } catch (DuplicateKeyException alreadyWritten) {
      return mongo.findById(reviewKey, ReviewSummary.class, SUMMARIES);
    }
    audit.append(
        new AuditEvent(ACTOR, List.of(), "risk.review.summarized", "risk-review", Long.toString(reviewKey), null, summary, reviewKey, null));
    return summary;
  }

  /** The summary a finished review wrote, if it has finished. */
  public java.util.Optional<ReviewSummary> summary(long reviewKey) {
    return java.util.Optional.ofNullable(mongo.findById(reviewKey, ReviewSummary.class, SUMMARIES));
  }

  /** The escalations of a review: which step of which risk was overdue, and when. */
  public List<Map<String, Object>> escalations(long reviewKey) {
    var query =
        org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("reviewKey").is(reviewKey))
            .with(org.springframework.data.domain.Sort.by("at"));
    return mongo.find(query, org.bson.Document.class, ESCALATIONS).stream()
        .map(d -> Map.<String, Object>of("riskId", d.getString("riskId"), "step", d.getString("step"), "at", d.getDate("at").toInstant()))
        .toList();
  }

  public List<RiskAssessment> history(String riskId) {
    return assessments.findByRiskIdOrderByAtAsc(riskId);
  }

  private Risk existing(String riskId) {
    return risks
        .findById(riskId)
        .filter(r -> r.status() != RiskStatus.CLOSED)
        .orElseThrow(() -> new RiskGoneException(riskId));
  }
}
