package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ismsflow.asset.Asset;
import io.ismsflow.asset.AssetService;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.risk.RiskInput.TreatmentActionInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Sort;

class RiskRegisterServiceTest {

  static final IsmsUser CISO = new IsmsUser("ciso.anna", "Anna", Set.of("ciso"));
  static final IsmsUser BEN = new IsmsUser("risk.ben", "Ben", Set.of("risk-owner", "staff"));
  static final IsmsUser LENA = new IsmsUser("risk.lena", "Lena", Set.of("risk-owner", "staff"));
  static final IsmsUser STAFF = new IsmsUser("staff.hugo", "Hugo", Set.of("staff"));
  static final IsmsUser AUDITOR = new IsmsUser("auditor.gina", "Gina", Set.of("auditor"));
  static final LocalDate TODAY = LocalDate.parse("2026-11-23");

  RiskRepository repository = mock(RiskRepository.class);
  RiskAssessmentRepository assessments = mock(RiskAssessmentRepository.class);
  AssetService assets = mock(AssetService.class);
  AuditTrail audit = mock(AuditTrail.class);
  RiskMatrix matrix = new RiskMatrix(new RiskMatrixProperties(5, 5, 10, 17, 9));
  List<Risk> stored = new ArrayList<>();
  RiskRegisterService service;

  @BeforeEach
  void setUp() {
    when(repository.insert(any(Risk.class)))
        .thenAnswer(
            i -> {
              stored.add(i.getArgument(0));
              return i.getArgument(0);
            });
    when(repository.save(any(Risk.class)))
        .thenAnswer(
            i -> {
              Risk saved = i.getArgument(0);
              stored.replaceAll(r -> r.id().equals(saved.id()) ? saved : r);
              return saved;
            });
    when(repository.findAll(any(Sort.class))).thenAnswer(i -> stored);
    when(repository.findById(any())).thenAnswer(i -> stored.stream().filter(r -> r.id().equals(i.getArgument(0))).findFirst());
    when(assets.existingIds(anyCollection()))
        .thenAnswer(i -> new HashSet<>(((Collection<String>) i.getArgument(0)).stream().filter(id -> id.startsWith("A-")).toList()));
    service =
        new RiskRegisterService(
            repository, assessments, matrix, assets, audit, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  }

  static RiskInput input(String id, String owner, int likelihood, int impact) {
    return new RiskInput(
        id, "Ransomware on MES", null, List.of("A-1"), "Ransomware", "Open SMB shares", owner, likelihood, impact,
        null, null, null, null, null, null, null, null);
  }

  Risk stored(String id, String owner, int likelihood, int impact) {
    return service.create(CISO, input(id, owner, likelihood, impact));
  }

  @Test
  void theScoreAndLevelAreComputedWithTheMatrix() {
    var risk = service.create(CISO, input("R-1", "risk.ben", 4, 3));

    assertThat(risk.inherentScore()).isEqualTo(12);
    assertThat(risk.inherentLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.status()).isEqualTo(Risk.RiskStatus.OPEN);
    assertThat(risk.nextReviewDate()).isEqualTo(TODAY.plusDays(90));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    var bad =
        new RiskInput(
            "r1", " ", "d".repeat(4001), List.of("A-1", "nonsense"), "t", "v", "risk ben", 6, null, "SOMETIMES", 2, null,
            List.of(new TreatmentActionInput("TA 1", "", null, null, "LATER", null)), 0, null, "GONE", null);

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.create(CISO, bad));

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_INPUT);
    assertThat(refused.problems())
        .extracting(p -> ((FieldProblem) p).field())
        .containsExactlyInAnyOrder(
            "id", "title", "description", "assetIds[1]", "owner", "likelihood", "impact", "treatmentOption", "residualImpact",
            "treatmentActions[0].id", "treatmentActions[0].title", "treatmentActions[0].status", "reviewIntervalDays", "status");
    verify(repository, never()).insert(any(Risk.class));
  }

  @Test
  void aRiskOwnerChangesTheirOwnRiskAndTheChangeIsAuditedWithBeforeAndAfter() {
    var before = stored("R-1", "risk.ben", 4, 3);

    var after = service.update(BEN, "R-1", input("R-1", "risk.ben", 2, 3));

    assertThat(after.inherentScore()).isEqualTo(6);
    var events = ArgumentCaptor.forClass(AuditEvent.class);
    verify(audit, times(2)).append(events.capture());
    var update = events.getAllValues().get(1);
    assertThat(update.actor()).isEqualTo("risk.ben");
    assertThat(update.action()).isEqualTo("risk.updated");
    assertThat(update.before()).isEqualTo(before);
    assertThat(update.after()).isEqualTo(after);
  }

  @Test
  void aRiskOwnerMayNotChangeAnotherOwnersRisk() {
    stored("R-1", "risk.lena", 4, 3);

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.update(BEN, "R-1", input("R-1", "risk.lena", 1, 1)));

    assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN);
    assertThat(refused.getMessage()).contains("risk.lena");
    verify(repository, never()).save(any(Risk.class));
  }

  @Test
  void aRiskOwnerNeitherHandsTheirRiskToAnotherOwnerNorClosesIt() {
    stored("R-1", "risk.ben", 4, 3);
    var closing =
        new RiskInput("R-1", "t", null, null, "t", "v", "risk.ben", 4, 3, null, null, null, null, null, null, "CLOSED", null);

    assertThat(catchThrowableOfType(RequestRefusedException.class, () -> service.update(BEN, "R-1", input("R-1", "risk.lena", 4, 3))).reason())
        .isEqualTo(Reason.FORBIDDEN);
    assertThat(catchThrowableOfType(RequestRefusedException.class, () -> service.update(BEN, "R-1", closing)).reason())
        .isEqualTo(Reason.FORBIDDEN);
    assertThat(catchThrowableOfType(RequestRefusedException.class, () -> service.delete(BEN, "R-1")).reason())
        .isEqualTo(Reason.FORBIDDEN);
    verify(repository, never()).save(any(Risk.class));
  }

  @Test
  void staffAndAuditorsWriteNothing() {
    stored("R-1", "risk.ben", 4, 3);

    for (var user : List.of(STAFF, AUDITOR)) {
      assertThat(catchThrowableOfType(RequestRefusedException.class, () -> service.create(user, input("R-2", "risk.ben", 1, 1))).reason())
          .isEqualTo(Reason.FORBIDDEN);
      assertThat(catchThrowableOfType(RequestRefusedException.class, () -> service.update(user, "R-1", input("R-1", "risk.ben", 1, 1))).reason())
          .isEqualTo(Reason.FORBIDDEN);
    }
    verify(repository, times(1)).insert(any(Risk.class));
  }

  @Test
  void updatingLeavesTheReviewCyclesFieldsAsTheyAreWhenLeftOut() {
    var first =
        service.create(
            CISO,
            new RiskInput(
                "R-1", "t", null, List.of("A-1"), "t", "v", "risk.ben", 4, 3, "MITIGATE", 2, 2,
                List.of(new TreatmentActionInput("TA-1", "Segment", "risk.ben", LocalDate.parse("2027-01-31"), null, List.of("A.8.22"))),
                30, LocalDate.parse("2027-01-01"), "TREATING", "why"));

    var after =
        service.update(
            CISO, "R-1", new RiskInput(null, "t2", null, null, "t", "v", "risk.ben", 4, 3, "MITIGATE", 2, 2, null, null, null, null, null));

    assertThat(after.title()).isEqualTo("t2");
    assertThat(after.assetIds()).containsExactly("A-1");
    assertThat(after.treatmentActions()).isEqualTo(first.treatmentActions());
    assertThat(after.reviewIntervalDays()).isEqualTo(30);
    assertThat(after.nextReviewDate()).isEqualTo(LocalDate.parse("2027-01-01"));
    assertThat(after.status()).isEqualTo(Risk.RiskStatus.TREATING);
    assertThat(after.lastRationale()).isEqualTo("why");
  }

  @Test
  void deletingClosesTheRiskOnceAndClosedRisksLeaveTheListUnlessAskedFor() {
    stored("R-1", "risk.ben", 4, 3);
    stored("R-2", "risk.ben", 1, 1);

    service.delete(CISO, "R-1");
    service.delete(CISO, "R-1");

    assertThat(service.get("R-1").status()).isEqualTo(Risk.RiskStatus.CLOSED);
    verify(repository, times(1)).save(any(Risk.class));
    assertThat(service.list(RiskRegisterService.Filter.none())).extracting(Risk::id).containsExactly("R-2");
    assertThat(service.list(new RiskRegisterService.Filter(null, null, null, null, null, null, "CLOSED")))
        .extracting(Risk::id)
        .containsExactly("R-1");
    var events = ArgumentCaptor.forClass(AuditEvent.class);
    verify(audit, times(3)).append(events.capture());
    assertThat(events.getAllValues().get(2).action()).isEqualTo("risk.closed");
  }

  @Test
  void filtersSelectByLevelOwnerAssetZoneAndOverdue() {
    stored.add(risk("R-1", "risk.ben", 4, 5, List.of("A-1"), LocalDate.parse("2026-11-22"), List.of(), 2, 2));
    stored.add(risk("R-2", "risk.lena", 2, 2, List.of("A-2"), LocalDate.parse("2027-01-01"), List.of(action("2026-11-01", "OPEN")), null, null));
    stored.add(risk("R-3", "risk.lena", 3, 4, List.of("A-2"), LocalDate.parse("2026-11-23"), List.of(action("2026-11-01", "DONE")), 1, 1));
    when(assets.list(any())).thenReturn(List.of(asset("A-2", "Z3-Control")));

    assertThat(ids(new RiskRegisterService.Filter("CRITICAL,HIGH", null, null, null, null, null, null))).containsExactly("R-1", "R-3");
    assertThat(ids(new RiskRegisterService.Filter("LOW", "residual", null, null, null, null, null))).containsExactly("R-1", "R-3");
    assertThat(ids(new RiskRegisterService.Filter(null, null, "risk.lena", null, null, null, null))).containsExactly("R-2", "R-3");
    assertThat(ids(new RiskRegisterService.Filter(null, null, null, "A-1", null, null, null))).containsExactly("R-1");
    assertThat(ids(new RiskRegisterService.Filter(null, null, null, null, "z3-control", null, null))).containsExactly("R-2", "R-3");
    assertThat(ids(new RiskRegisterService.Filter(null, null, null, null, null, "true", null))).containsExactly("R-1", "R-2");
    assertThat(ids(new RiskRegisterService.Filter(null, null, null, null, null, "false", null))).containsExactly("R-3");
  }

  @Test
  void unknownFilterValuesAreRefusedListingTheAllowedOnes() {
    var refused =
        catchThrowableOfType(
            RequestRefusedException.class,
            () -> service.list(new RiskRegisterService.Filter("HUGE", "later", null, "x", null, "maybe", "DONE")));

    assertThat(refused.problems())
        .extracting(p -> ((FieldProblem) p).field())
        .containsExactlyInAnyOrder("level", "levelOf", "assetId", "overdue", "status");
    assertThat(refused.problems().toString()).contains("LOW, MEDIUM, HIGH, CRITICAL");
  }

  @Test
  void theHeatmapCountsRisksPerCellAndThoseWithoutAResidualRating() {
    stored.add(risk("R-1", "risk.ben", 4, 5, List.of(), TODAY, List.of(), 2, 2));
    stored.add(risk("R-2", "risk.ben", 4, 5, List.of(), TODAY, List.of(), null, null));
    stored.add(risk("R-3", "risk.ben", 1, 2, List.of(), TODAY, List.of(), 1, 1));

    var inherent = service.heatmap("inherent", RiskRegisterService.Filter.none());
    var residual = service.heatmap("residual", RiskRegisterService.Filter.none());

    assertThat(inherent.size()).isEqualTo(5);
    assertThat(inherent.appetite()).isEqualTo(9);
    assertThat(inherent.cells()).hasSize(25);
    assertThat(count(inherent, 4, 5)).isEqualTo(2);
    assertThat(count(inherent, 1, 2)).isEqualTo(1);
    assertThat(inherent.total()).isEqualTo(3);
    assertThat(residual.total()).isEqualTo(2);
    assertThat(residual.notRated()).isEqualTo(1);
    assertThat(count(residual, 2, 2)).isEqualTo(1);
    assertThat(inherent.cells().stream().filter(c -> c.likelihood() == 4 && c.impact() == 5).findFirst().orElseThrow().aboveAppetite()).isTrue();
  }

  @Test
  void anImportWithOneBadRowStoresNothing() {
    var csv =
        RiskCsvTest.HEADER
            + RiskCsvTest.row("R-1", "A-1", "3", "3", ",,,,,,,")
            + RiskCsvTest.row("R-2", "X-9", "3", "3", ",,,,,,,");
    when(assets.existingIds(anyCollection())).thenReturn(Set.of("A-1"));

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.importCsv(CISO, csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.problems()).hasSize(1);
    verify(repository, never()).insert(any(Risk.class));
    verify(repository, never()).save(any(Risk.class));
    verify(audit, never()).append(any());
  }

  @Test
  void onlyTheCisoAndAdminsImport() {
    var csv = RiskCsvTest.HEADER + RiskCsvTest.row("R-1", "A-1", "3", "3", ",,,,,,,");

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.importCsv(BEN, csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN);
  }

  private List<String> ids(RiskRegisterService.Filter filter) {
    return service.list(filter).stream().map(Risk::id).toList();
  }

  private static int count(RiskRegisterService.Heatmap map, int likelihood, int impact) {
    return map.cells().stream().filter(c -> c.likelihood() == likelihood && c.impact() == impact).findFirst().orElseThrow().count();
  }

  private Risk risk(
      String id, String owner, int l, int i, List<String> assetIds, LocalDate next, List<Risk.TreatmentAction> actions, Integer rl, Integer ri) {
    var inherent = matrix.rate(l, i);
    var residual = rl == null ? null : matrix.rate(rl, ri);
    return new Risk(
        id, "t", null, assetIds, "t", "v", owner, l, i, inherent.score(), inherent.level(), null, actions, rl, ri,
        residual == null ? null : residual.score(), residual == null ? null : residual.level(), 90, next, Risk.RiskStatus.OPEN, null,
        null, null, 0L);
  }

  private static Risk.TreatmentAction action(String due, String status) {
    return new Risk.TreatmentAction("TA-1", "a", "risk.ben", LocalDate.parse(due), Risk.TreatmentAction.ActionStatus.valueOf(status), List.of());
  }

  private static Asset asset(String id, String zone) {
    return new Asset(id, "x", Asset.AssetType.PLC, Asset.Domain.OT, null, zone, 3, 1, 1, 1, 1, 1, "risk.lena", null, null, null, 0L);
  }
}
