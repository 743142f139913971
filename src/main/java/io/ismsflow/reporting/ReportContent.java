package io.ismsflow.reporting;

import io.ismsflow.reporting.BoardReport.Commentary;
import io.ismsflow.reporting.BoardReport.Comparison;
import io.ismsflow.reporting.BoardReport.SignOff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one rendered version of a board report says: rendered as the PDF a board member reads, and
 * written as it is as the JSON of the same version.
 *
 * @param kind {@code DRAFT} until executive leadership signed off, then {@code FINAL}
 */
public record ReportContent(
    String reportId,
    String title,
    String organization,
    LocalDate periodFrom,
    LocalDate periodTo,
    String periodLabel,
    int version,
    String kind,
    Instant generatedAt,
    Map<String, String> sectionTitles,
    List<BoardMetrics.SectionHeadline> headlines,
    Map<String, Map<String, Object>> figures,
    Comparison comparison,
    Commentary commentary,
    SignOff signOff) {

  public boolean isFinal() {
    return "FINAL".equals(kind);
  }

  /** A headline's value now, 0 when the section did not report it. */
  public long headlineValue(BoardMetrics.SectionHeadline headline) {
    var section = figures.get(headline.section());
    return section != null && section.get(headline.key()) instanceof Number n ? n.longValue() : 0;
  }
}
