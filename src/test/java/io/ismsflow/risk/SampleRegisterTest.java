package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ismsflow.asset.Asset;
import io.ismsflow.asset.AssetService;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.Reason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleRegisterTest {

  static final IsmsUser CISO = new IsmsUser("ciso.anna", "Anna", Set.of("ciso"));

  AssetService assets = mock(AssetService.class);
  RiskRegisterService risks = mock(RiskRegisterService.class);
  SampleRegister sample = new SampleRegister(assets, risks);

  static Asset asset(String id, String name) {
    return new Asset(id, name, Asset.AssetType.ERP, Asset.Domain.IT, null, null, null, 1, 1, 1, 1, 1, "risk.ben", null, null, null, 0L);
  }

  @Test
  void theSampleFilesArePlannedTogetherSoRisksMayNameAssetsCreatedWithThem() {
    var newAsset = asset("A-001", "ERP");
    when(assets.planImport(any())).thenReturn(new ImportPlan<>(List.of(newAsset), List.of(), 0));
    when(risks.planImport(any(), anySet())).thenReturn(new ImportPlan<>(List.of(), List.of(), 0));
    when(assets.apply(any(), any())).thenReturn(new ImportResult(1, 0, 0));
    when(risks.apply(any(), any())).thenReturn(new ImportResult(0, 0, 0));

    var loaded = sample.load(CISO);

    verify(risks).planImport(any(), org.mockito.ArgumentMatchers.eq(Set.of("A-001")));
    assertThat(loaded.assets()).isEqualTo(new ImportResult(1, 0, 0));
  }

  @Test
  void aSampleRecordChangedSinceItWasLoadedStopsTheLoadBeforeAnythingIsWritten() {
    var change = new ImportPlan.Change<>(asset("A-001", "ERP (renamed by the CISO)"), asset("A-001", "ERP"));
    when(assets.planImport(any())).thenReturn(new ImportPlan<>(List.of(asset("A-002", "MES")), List.of(change), 0));
    when(risks.planImport(any(), anySet())).thenReturn(new ImportPlan<>(List.of(), List.of(), 0));

    var refused = catchThrowableOfType(RequestRefusedException.class, () -> sample.load(CISO));

    assertThat(refused.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(refused.getMessage()).contains("A-001", "nothing was loaded");
    verify(assets, never()).apply(any(), any());
    verify(risks, never()).apply(any(), any());
  }

  @Test
  void assetsCreatedForTheSampleAreRemovedAgainWhenItsRisksCannotBeWritten() {
    when(assets.planImport(any())).thenReturn(new ImportPlan<>(List.of(asset("A-001", "ERP")), List.of(), 0));
    when(risks.planImport(any(), anySet())).thenReturn(new ImportPlan<>(List.of(), List.of(), 0));
    when(risks.apply(any(), any())).thenThrow(new IllegalStateException("record store gone"));

    catchThrowableOfType(IllegalStateException.class, () -> sample.load(CISO));

    verify(assets).delete(CISO, "A-001");
  }

  @Test
  void onlyTheCisoAndAdminsLoadIt() {
    var owner = new IsmsUser("risk.ben", "Ben", Set.of("risk-owner"));

    assertThat(catchThrowableOfType(RequestRefusedException.class, () -> sample.load(owner)).reason()).isEqualTo(Reason.FORBIDDEN);
    verify(assets, never()).planImport(any());
  }
}
