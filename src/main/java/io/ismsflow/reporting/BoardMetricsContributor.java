package io.ismsflow.reporting;

import java.util.Map;

/**
 * One section of the figures a board report shows. Each ISMS cycle contributes its own (risks,
 * policies, later incidents, vulnerabilities, supplier access) by implementing this in its module,
 * so the report grows without the reporting module knowing the cycles.
 */
public interface BoardMetricsContributor {

  /** The section's name in the report, e.g. {@code risks}. */
  String section();

  /** Order of the section in the report; lower first. */
  default int order() {
    return 100;
  }

  /** The section's figures for the period: numbers, lists and small maps, ready to render as JSON. */
  Map<String, Object> figures(ReportPeriod period);
}
