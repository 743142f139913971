package io.ismsflow.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AssetServiceTest {

  static final IsmsUser CISO = new IsmsUser("ciso.anna", "Anna", Set.of("ciso"));
  static final IsmsUser STAFF = new IsmsUser("staff.hugo", "Hugo", Set.of("staff"));
  static final IsmsUser AUDITING_ADMIN = new IsmsUser("auditor.gina", "Gina", Set.of("auditor", "admin"));

  AssetRepository repository = mock(AssetRepository.class);
  AuditTrail audit = mock(AuditTrail.class);
  List<String> usedBy = List.of();
  AssetService service;

  @BeforeEach
  void setUp() {
    when(repository.insert(any(Asset.class))).thenAnswer(i -> i.getArgument(0));
    when(repository.save(any(Asset.class))).thenAnswer(i -> i.getArgument(0));
    service =
        new AssetService(
            repository, () -> List.of(id -> usedBy), audit, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  }

  static AssetInput plc(String id) {
    return new AssetInput(id, "Line PLC", "PLC", "OT", "Riverside", "Z3-Control", 3, 2, 5, 5, 4, 5, "risk.lena", null, null);
  }

  @Test
  void theCisoAddsAnAssetAndTheAuditTrailHasIt() {
    var created = service.create(CISO, plc("A-1"));

    assertThat(created.zone()).isEqualTo("Z3-Control");
    var event = ArgumentCaptor.forClass(AuditEvent.class);
    verify(audit).append(event.capture());
    assertThat(event.getValue().action()).isEqualTo("asset.created");
    assertThat(event.getValue().actor()).isEqualTo("ciso.anna");
    assertThat(event.getValue().before()).isNull();
    assertThat(event.getValue().after()).isEqualTo(created);
  }

  @Test
  void staffMayNotAddAssets() {
    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.create(STAFF, plc("A-1")));

    assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN);
    verify(repository, never()).insert(any(Asset.class));
  }

  @Test
  void anAuditorChangesNothingEvenWhenAlsoAnAdmin() {
    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.create(AUDITING_ADMIN, plc("A-1")));

    assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN);
    assertThat(refused.getMessage()).contains("Auditors");
  }

  @Test
  void anUpdateIsAuditedWithBeforeAndAfterAndAnIdenticalOneWritesNothing() {
    var before = service.create(CISO, plc("A-1"));
    when(repository.findById("A-1")).thenReturn(Optional.of(before));
    var changed = new AssetInput(null, "Line 1 PLC", "PLC", "OT", "Riverside", "Z3-Control", 3, 2, 5, 5, 4, 5, "risk.lena", null, null);

    var after = service.update(CISO, "A-1", changed);
    service.update(CISO, "A-1", plc("A-1"));

    assertThat(after.name()).isEqualTo("Line 1 PLC");
    var events = ArgumentCaptor.forClass(AuditEvent.class);
    verify(audit, times(2)).append(events.capture());
    var update = events.getAllValues().get(1);
    assertThat(update.action()).isEqualTo("asset.updated");
    assertThat(update.before()).isEqualTo(before);
    assertThat(update.after()).isEqualTo(after);
    verify(repository, times(1)).save(any(Asset.class));
  }

  @Test
  void anAssetARiskNamesIsNotDeleted() {
    var asset = service.create(CISO, plc("A-1"));
    when(repository.findById("A-1")).thenReturn(Optional.of(asset));
    usedBy = List.of("risk R-004");

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> service.delete(CISO, "A-1"));

    assertThat(refused.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(refused.getMessage()).contains("risk R-004");
    verify(repository, never()).deleteById(any());
  }

  @Test
  void aFileWithOneBadRowStoresNothingAndAuditsNothing() {
    var csv =
        AssetCsvTest.HEADER
            + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n"
            + "A-2,PLC,PLC,OT,,,,1,1,1,1,1,risk.ben,,\r\n";

    var refused =
        catchThrowableOfType(
            RequestRefusedException.class, () -> service.importCsv(CISO, csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_INPUT);
    verify(repository, never()).insert(any(Asset.class));
    verify(repository, never()).save(any(Asset.class));
    verify(audit, never()).append(any());
  }

  @Test
  void aGoodFileIsStoredAndEachNewAssetAudited() {
    var csv =
        AssetCsvTest.HEADER
            + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n"
            + "A-2,PLC,PLC,OT,,Z3,2,1,1,1,1,1,risk.ben,,\r\n";

    var result = service.importCsv(CISO, csv.getBytes(StandardCharsets.UTF_8));

    assertThat(result).isEqualTo(new ImportResult(2, 0, 0));
    verify(repository, times(2)).insert(any(Asset.class));
    verify(audit, times(2)).append(any());
  }

  @Test
  void aWriteThatFailsHalfwayIsUndone() {
    when(repository.insert(any(Asset.class)))
        .thenAnswer(i -> i.getArgument(0))
        .thenThrow(new org.springframework.dao.DataAccessResourceFailureException("record store gone"));
    var csv =
        AssetCsvTest.HEADER
            + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n"
            + "A-2,PLC,PLC,OT,,Z3,2,1,1,1,1,1,risk.ben,,\r\n";

    catchThrowableOfType(
        org.springframework.dao.DataAccessResourceFailureException.class,
        () -> service.importCsv(CISO, csv.getBytes(StandardCharsets.UTF_8)));

    verify(repository).deleteById("A-1");
    verify(audit, never()).append(any());
  }
}
