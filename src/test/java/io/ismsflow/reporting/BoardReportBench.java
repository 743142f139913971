package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.asset.Asset;
import io.ismsflow.risk.Risk;
import io.ismsflow.risk.RiskLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark (run by {@code ./isms bench}, not by the tests): how long generating a board report
 * takes for a register of 10,000 risks on 400 assets: collecting every section's figures from the
 * record store and rendering the PDF. Target: well under 2 seconds. Writes
 * {@code target/bench/board-report.txt}; fails only when the median misses the target.
 */
@IsmsIntegrationTest
class BoardReportBench {

  static final int RISKS = 10_000;
  static final int ASSETS = 400;
  static final int WARMUP = 5;
  static final int RUNS = 20;
  static final double TARGET_SECONDS = 2.0;

  @Autowired MongoTemplate mongo;
  @Autowired BoardReportService reports;

  @Test
  void boardReportForTenThousandRisks() throws IOException {
    seed();
    var today = LocalDate.now(ZoneOffset.UTC);
    var period = ReportPeriods.quarterToDate(today);
    for (int i = 0; i < WARMUP; i++) {
      reports.preview(period);
    }
    var millis = new ArrayList<Double>();
    byte[] pdf = null;
    for (int i = 0; i < RUNS; i++) {
      var start = System.nanoTime();
      pdf = reports.preview(period);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    millis.sort(Double::compare);
    var median = millis.get(RUNS / 2);
    var p95 = millis.get((int) Math.ceil(RUNS * 0.95) - 1);
    var result =
        String.format(
            "board report generation (collect figures + render PDF), %d risks on %d assets, %d runs after %d warm-up runs, %d cores, Java %s%n"
                + "min %.0f ms, median %.0f ms, p95 %.0f ms, max %.0f ms; PDF %d bytes%n"
                + "target: median well under %.1f s: %s%n",
            RISKS, ASSETS, RUNS, WARMUP, Runtime.getRuntime().availableProcessors(), Runtime.version(),
            millis.getFirst(), median, p95, millis.getLast(), pdf.length, TARGET_SECONDS, median < TARGET_SECONDS * 1000 ? "MET" : "MISSED");
    System.out.print(result);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/board-report.txt"), result);
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
    }
    assertThat(median).as("median milliseconds").isLessThan(TARGET_SECONDS * 1000);
  }

  private void seed() {
    var random = new Random(42);
    var now = Instant.now();
    var assets = new ArrayList<Asset>();
    for (int i = 1; i <= ASSETS; i++) {
      var ot = i % 2 == 0;
      assets.add(
          new Asset(String.format("A-%05d", 90_000 + i), "Bench asset " + i, ot ? Asset.AssetType.PLC : Asset.AssetType.SERVER, ot ? Asset.Domain.OT : Asset.Domain.IT,
              "Bench plant", ot ? "cell-" + (i % 7) : "office", null, 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5),
              1 + random.nextInt(5), "risk.ben", null, null, now, null));
    }
    mongo.insertAll(assets);
    var risks = new ArrayList<Risk>();
    var levels = RiskLevel.values();
    for (int i = 1; i <= RISKS; i++) {
      int likelihood = 1 + random.nextInt(5);
      int impact = 1 + random.nextInt(5);
      int residualLikelihood = Math.max(1, likelihood - random.nextInt(3));
      var actions =
          List.of(
              new Risk.TreatmentAction("T-" + i + "-1", "Harden " + i, "risk.lena", LocalDate.now().plusDays(random.nextInt(200) - 100), Risk.TreatmentAction.ActionStatus.OPEN, List.of("A.8.8")));
      risks.add(
          new Risk(
              String.format("R-9%04d", i), "Bench risk " + i, "Generated for the benchmark", List.of(assets.get(random.nextInt(ASSETS)).id()), "Threat", "Weakness",
              i % 3 == 0 ? "risk.ben" : "risk.lena", likelihood, impact, likelihood * impact, levels[Math.min(3, likelihood * impact / 6)], Risk.TreatmentOption.MITIGATE,
              actions, residualLikelihood, impact, residualLikelihood * impact, levels[Math.min(3, residualLikelihood * impact / 6)], 365,
              LocalDate.now().plusDays(random.nextInt(400) - 30), Risk.RiskStatus.TREATING, null, now, now, null));
    }
    mongo.insertAll(risks);
  }
}
