package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.reporting.BoardMetrics.SectionHeadline;
import io.ismsflow.reporting.BoardReport.Change;
import io.ismsflow.reporting.BoardReport.Commentary;
import io.ismsflow.reporting.BoardReport.Comparison;
import io.ismsflow.reporting.BoardReport.SignOff;
import io.ismsflow.reporting.BoardReport.TrendPoint;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BoardReportPdfTest {

  private static final Instant AT = Instant.parse("2027-01-04T09:30:00Z");
  private final BoardReportPdf renderer = new BoardReportPdf();

  @Test
  void theFirstPageSummarisesPostureHeadlinesMessagesAndDecisions() throws IOException {
    var commentary = new Commentary("needs-improvement", "OT patching lags behind on line 3.", "Fund segmentation.", List.of("Approve the OT segmentation budget"), "ciso.anna", AT);

    var pages = pages(renderer.render(content("DRAFT", commentary, null, comparison())));

    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    var summary = pages.getFirst();
    assertThat(summary)
        .contains("Security posture, Q4 2026", "RIVERSIDE PLANT", "DRAFT - not yet signed off", "Needs improvement")
        .contains("Open risks", "12", "+2 since last report", "Risks above appetite", "-1 since last report", "Policies in force")
        .contains("OT patching lags behind on line 3.", "Approve the OT segmentation budget")
        .contains("New among the top risks since Q3 2026: R-007");
    assertThat(String.join("\n", pages)).contains("Top risks", "R-007", "Ransomware on the MES", "ben", "CRITICAL", "Fund segmentation.", "Policies", "Overdue for review");
  }

  @Test
  void theFinalVersionSaysWhoSignedItOff() throws IOException {
    var commentary = new Commentary("adequate", "Stable.", null, List.of(), "ciso.anna", AT);
    var signOff = new SignOff(3, "approve", "Agreed.", "exec.eva", AT);

    var text = String.join("\n", pages(renderer.render(content("FINAL", commentary, signOff, null))));

    assertThat(text).contains("FINAL - signed off by exec.eva on 2027-01-04", "Adequate", "None in this period.", "first report", "This is the first report").doesNotContain("DRAFT - not yet");
  }

  @Test
  void aDraftWithoutCommentarySaysWhatIsStillToCome() throws IOException {
    var text = pages(renderer.render(content("DRAFT", null, null, null))).getFirst();

    assertThat(text).contains("not yet rated by the CISO", "To be written by the CISO.", "To be set out in the CISO's commentary.");
  }

  @Test
  void longTextFlowsOverPagesAndCharactersTheFontLacksAreReplaced() throws IOException {
    var messages = ("Die Straße zur Anlage ✓ ist gesperrt. " + "Segmentation of the plant network continues. ".repeat(12) + "\n").repeat(20);
    var commentary = new Commentary("weak", messages, messages, List.of(), "ciso.anna", AT);

    var pages = pages(renderer.render(content("DRAFT", commentary, null, null)));

    assertThat(pages.size()).isGreaterThan(4);
    assertThat(String.join("\n", pages)).contains("Die Straße zur Anlage ? ist gesperrt.");
  }

  private static ReportContent content(String kind, Commentary commentary, SignOff signOff, Comparison comparison) {
    var risks = new LinkedHashMap<String, Object>();
    risks.put("open", 12);
    risks.put("aboveAppetite", 4);
    risks.put("matrixSize", 5);
    risks.put("appetite", 9);
    var cells = new ArrayList<Map<String, Object>>();
    for (int l = 1; l <= 5; l++) {
      for (int i = 1; i <= 5; i++) {
        var score = l * i;
        cells.add(Map.of("likelihood", l, "impact", i, "count", l == 4 && i == 5 ? 3 : 0, "level", score >= 15 ? "CRITICAL" : score >= 10 ? "HIGH" : score >= 5 ? "MEDIUM" : "LOW"));
      }
    }
    risks.put("heatmapInherent", cells);
    risks.put("heatmapResidual", cells);
    risks.put("topRisks", List.of(Map.of("id", "R-007", "title", "Ransomware on the MES", "owner", "risk.ben", "score", 20, "level", "CRITICAL")));
    risks.put("treatmentActionsOpen", 5);
    risks.put("treatmentActionsOverdue", 1);
    risks.put("reviewsOverdue", 2);
    risks.put("itOtSplit", Map.of("OT", 5, "IT", 6, "noAssets", 1));
    risks.put("reviewsInPeriod", Map.of("completed", 1, "risksReviewed", 12, "escalations", 0, "newHighRisks", List.of("R-007")));
    var policies = new LinkedHashMap<String, Object>();
    policies.put("published", 5);
    policies.put("overdueForReview", 1);
    var figures = new LinkedHashMap<String, Map<String, Object>>();
    figures.put("risks", risks);
    figures.put("policies", policies);
    return new ReportContent(
        "BR-2026-Q4", "Security posture, Q4 2026", "Riverside Plant", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "Q4 2026", 3, kind, AT,
        Map.of("risks", "Risks", "policies", "Policies"), headlines(), figures, comparison, commentary, signOff);
  }

  private static List<SectionHeadline> headlines() {
    return List.of(
        new SectionHeadline("risks", "open", "Open risks", true),
        new SectionHeadline("risks", "aboveAppetite", "Risks above appetite", true),
        new SectionHeadline("policies", "published", "Policies in force", false));
  }

  private static Comparison comparison() {
    return new Comparison(
        "BR-2026-Q3", "Q3 2026",
        List.of(new Change("risks/open", "Open risks", 12, 10L, true), new Change("risks/aboveAppetite", "Risks above appetite", 4, 5L, true)),
        List.of(new TrendPoint("BR-2026-Q3", "Q3 2026", Map.of("risks/open", 10L, "risks/aboveAppetite", 5L)), new TrendPoint("BR-2026-Q4", "Q4 2026", Map.of("risks/open", 12L, "risks/aboveAppetite", 4L))),
        List.of("R-007"));
  }

  static List<String> pages(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf)) {
      var stripper = new PDFTextStripper();
      var pages = new ArrayList<String>();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }
}
