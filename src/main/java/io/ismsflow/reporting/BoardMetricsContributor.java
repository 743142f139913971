package io.ismsflow.reporting;

import java.util.List;
import java.util.Map;

/**
 * One section of the figures a board report shows. Each ISMS cycle contributes its own (risks,
 * policies, later incidents, vulnerabilities, supplier access) by implementing this in its module,
 * so the report grows without the reporting module knowing the cycles: its headline figures go on
 * the summary page, into the trends and the changes since the last report; the rest of its figures
 * into the JSON and the section pages.
 */
public interface BoardMetricsContributor {

  /** A figure of the section that belongs on the summary page, e.g. open risks. */
  record Headline(String key, String label, boolean lowerIsBetter) {}

  /** The section's name in the report, e.g. {@code risks}. */
  String section();

  /** The section's title in the report, e.g. {@code Risks}. */
  default String title() {
    return Character.toUpperCase(section().charAt(0)) + section().substring(1);
  }

  /** Order of the section in the report; lower first. */
  default int order() {
    return 100;
  }

  /** The figures (keys of {@link #figures}, whole numbers) that the summary page shows. */
  default List<Headline> headlines() {
    return List.of();
  }

  /** The section's figures for the period: numbers, lists and small maps, ready to render as JSON. */
  Map<String, Object> figures(ReportPeriod period);
}
