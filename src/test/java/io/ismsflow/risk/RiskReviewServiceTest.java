package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ismsflow.audit.AuditTestStore;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.notification.Notifications;
import io.ismsflow.risk.Risk.RiskStatus;
import io.ismsflow.risk.Risk.TreatmentOption;
import io.ismsflow.risk.RiskAssessment.Decision;
import io.ismsflow.risk.RiskReviewService.AssessmentCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/** The review steps on a real (embedded) record store: idempotent, and the register kept consistent. */
class RiskReviewServiceTest {

  private static final AuditTestStore store = new AuditTestStore();
  private static final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate today = LocalDate.of(2026, 11, 23);

  private MongoTemplate mongo;
  private RiskRepository risks;
  private RiskAssessmentRepository assessments;
  private AuditTrail audit;
  private final Notifications notifications = org.mockito.Mockito.mock(Notifications.class);
  /** The reviews the engine still runs. */
  private final java.util.Set<Long> running = new java.util.HashSet<>();
  private RiskReviewService service;

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void freshRegister() {
    mongo = store.freshDatabase();
    var repositories = new MongoRepositoryFactory(mongo);
    risks = repositories.getRepository(RiskRepository.class);
    assessments = repositories.getRepository(RiskAssessmentRepository.class);
    audit = new AuditTrail(mongo, JsonMapper.builder().findAndAddModules().build(), clock);
    service =
        new RiskReviewService(
            risks, assessments, new RiskMatrix(new RiskMatrixProperties(5, 5, 10, 17, 9)), mongo, audit, notifications,
            running::contains, clock);
    risks.save(risk("R-001", 2, 2, today.minusDays(1), List.of("A-001")));
    risks.save(risk("R-002", 1, 2, today.plusDays(30), List.of("A-002")));
    risks.save(risk("R-003", 4, 4, today.plusDays(30), List.of("A-002")));
  }

  @Test
  void aScheduledReviewSelectsRisksWhoseDateHasComeOrThatAreAboveAppetite() {
    assertThat(service.selectForReview(7L, List.of(), List.of()).selected()).containsExactly("R-001", "R-003");
  }

  @Test
  void aRiskIsInOneRunningReviewAtATime() {
    running.add(7L);
    assertThat(service.selectForReview(7L, List.of(), List.of()).selected()).containsExactly("R-001", "R-003");

    var second = service.selectForReview(8L, List.of("R-001", "R-002"), List.of());

    assertThat(second.selected()).containsExactly("R-002");
    assertThat(second.inOtherReviews()).containsExactly("R-001");
    assertThat(service.selectForReview(7L, List.of(), List.of()).selected()).as("a retried selection").containsExactly("R-001", "R-003");
  }

  @Test
  void aRiskIsFreeAgainOnceItsAssessmentIsWrittenOrItsReviewNoLongerRuns() {
    running.add(7L);
    service.selectForReview(7L, List.of(), List.of());
    service.recordAssessment(treat("R-001"));
    assertThat(service.selectForReview(8L, List.of("R-001", "R-003"), List.of()).selected()).containsExactly("R-001");

    running.remove(7L); // review 7 was cancelled: its claim on R-003 is stale
    assertThat(service.selectForReview(9L, List.of("R-003"), List.of()).selected()).containsExactly("R-003");
  }

  @Test
  void anAdHocReviewSelectsTheRisksOfTheAffectedAssets() {
    assertThat(service.selectForReview(7L, List.of(), List.of("A-002")).selected()).containsExactly("R-002", "R-003");
    assertThat(service.selectForReview(8L, List.of("R-001"), List.of()).selected()).containsExactly("R-001");
  }

  @Test
  void recordingTwiceWritesOneAssessmentOneActionAndOneAuditEntry() {
    var command = treat("R-001");

    var first = service.recordAssessment(command);
    var again = service.recordAssessment(command);

    assertThat(again).isEqualTo(first);
    assertThat(assessments.findAll()).hasSize(1);
    var risk = risks.findById("R-001").orElseThrow();
    assertThat(risk.treatmentActions()).hasSize(1);
    assertThat(risk.status()).isEqualTo(RiskStatus.TREATING);
    assertThat(risk.residualScore()).isEqualTo(4);
    assertThat(risk.nextReviewDate()).isEqualTo(today.plusDays(90));
    assertThat(first.previousLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(first.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(audit.entries(null, null)).filteredOn(e -> e.action().equals("risk.assessed")).hasSize(1);
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void aGoneRiskCannotBeAssessed() {
    risks.deleteById("R-001");
    assertThatThrownBy(() -> service.snapshot("R-001")).isInstanceOf(RiskGoneException.class);
    assertThatThrownBy(() -> service.recordAssessment(treat("R-001"))).isInstanceOf(RiskGoneException.class);
  }

  @Test
  void anEscalationIsRecordedOncePerEvent() {
    service.recordEscalation(7L, "R-001", "AssessRiskTask", 42L);
    service.recordEscalation(7L, "R-001", "AssessRiskTask", 42L);
    service.recordEscalation(7L, "R-003", "ApproveTreatmentTask", 43L);

    assertThat(service.escalations(7L)).extracting(e -> e.get("riskId")).containsExactly("R-001", "R-003");
    org.mockito.Mockito.verify(notifications)
        .notify(org.mockito.ArgumentMatchers.eq("risk-escalation-7-42"), org.mockito.ArgumentMatchers.eq("ciso"),
            org.mockito.ArgumentMatchers.contains("R-001"), org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
    org.mockito.Mockito.verify(notifications, org.mockito.Mockito.times(2))
        .notify(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.eq("ciso"), org.mockito.ArgumentMatchers.anyString(),
            org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());
  }

  @Test
  void theSummaryCountsDecisionsNewHighRisksAndEscalationsAndIsWrittenOnce() {
    service.recordAssessment(treat("R-001")); // LOW before, HIGH now: a new high risk
    service.recordAssessment(treat("R-003")); // HIGH before and now: not new
    service.recordAssessment(
        new AssessmentCommand(7L, "R-002", "risk.ben", null, null, 2, 3, "fine", null, null, null, null, null, List.of(), Decision.ACCEPTED));
    service.recordEscalation(7L, "R-001", "AssessRiskTask", 42L);

    var summary = service.summarize(7L);
    var again = service.summarize(7L);

    assertThat(summary.risksReviewed()).isEqualTo(3);
    assertThat(summary.decisions()).containsEntry("ACCEPTED", 1).containsEntry("TREATMENT_APPROVED", 2);
    assertThat(summary.newHighRisks()).containsExactly("R-001");
    assertThat(summary.escalations()).isEqualTo(1);
    assertThat(again.risksReviewed()).isEqualTo(3);
    assertThat(mongo.getCollection(RiskReviewService.SUMMARIES).countDocuments()).isEqualTo(1);
  }

  private static AssessmentCommand treat(String riskId) {
    return new AssessmentCommand(
        7L, riskId, "risk.ben", "ciso.anna", null, 4, 4, "flat network", TreatmentOption.MITIGATE, 2, 2,
        "Segment the OT network", today.plusMonths(3), List.of("A.8.22"), Decision.TREATMENT_APPROVED);
  }

  private static Risk risk(String id, int likelihood, int impact, LocalDate nextReview, List<String> assets) {
    return new Risk(
        id, "Risk " + id, null, assets, "threat", "vulnerability", "risk.ben", likelihood, impact, likelihood * impact,
        likelihood * impact >= 10 ? RiskLevel.HIGH : RiskLevel.LOW, null, List.of(), null, null, null, null, 90, nextReview,
        RiskStatus.OPEN, null, Instant.EPOCH, Instant.EPOCH, null);
  }
}
