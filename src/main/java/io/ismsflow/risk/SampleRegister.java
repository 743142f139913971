package io.ismsflow.risk;

import io.ismsflow.asset.Asset;
import io.ismsflow.asset.AssetService;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.RequestRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The sample register of the demo plant, Riverside Plant: its assets and risks, from the CSV files
 * under {@code samples/riverside-plant/} on the class path (the same files the import takes).
 * Loading is idempotent: what exists as in the sample stays as it is, what is missing is created;
 * and it never overwrites: if a record of the sample was changed since, nothing is loaded (409).
 */
@Service
public class SampleRegister {

  static final String ASSETS = "samples/riverside-plant/assets.csv";
  static final String RISKS = "samples/riverside-plant/risks.csv";

  private static final Logger log = LoggerFactory.getLogger(SampleRegister.class);

  public record Loaded(ImportResult assets, ImportResult risks) {}

  private final AssetService assets;
  private final RiskRegisterService risks;

  SampleRegister(AssetService assets, RiskRegisterService risks) {
    this.assets = assets;
    this.risks = risks;
  }

  public Loaded load(IsmsUser actor) {
    RiskRegisterService.requireWriter(actor, "load the sample register");
    var assetPlan = assets.planImport(read(ASSETS));
    var riskPlan =
        risks.planImport(read(RISKS), assetPlan.creates().stream().map(Asset::id).collect(Collectors.toSet()));
    var changed = new ArrayList<String>();
    assetPlan.updates().forEach(c -> changed.add(c.before().id()));
    riskPlan.updates().forEach(c -> changed.add(c.before().id()));
    if (!changed.isEmpty()) {
      throw RequestRefusedException.conflict(
          "The register holds records of the sample that were changed since it was loaded: " + String.join(", ", changed)
              + ". Loading it again would overwrite them, so nothing was loaded.");
    }
    var loadedAssets = assets.apply(actor, assetPlan);
    try {
      return new Loaded(loadedAssets, risks.apply(actor, riskPlan));
    } catch (RuntimeException e) {
      removeAgain(actor, assetPlan);
      throw e;
    }
  }

  private void removeAgain(IsmsUser actor, ImportPlan<Asset> assetPlan) {
    for (var asset : assetPlan.creates()) {
      try {
        assets.delete(actor, asset.id());
      } catch (RuntimeException e) {
        log.error("Loading the sample register failed and its asset {} could not be removed again", asset.id(), e);
      }
    }
  }

  private static byte[] read(String path) {
    try (var in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The sample file " + path + " is missing from the class path", e);
    }
  }
}
