package io.ismsflow.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Collects the figures of a board report from every cycle that contributes some. */
@Service
public class BoardMetrics {

  /** The figures of a period, section by section. */
  public record Figures(ReportPeriod period, Instant collectedAt, Map<String, Map<String, Object>> sections) {}

  private final List<BoardMetricsContributor> contributors;
  private final Clock clock;

  BoardMetrics(List<BoardMetricsContributor> contributors, Clock clock) {
    this.contributors = contributors.stream().sorted(Comparator.comparingInt(BoardMetricsContributor::order).thenComparing(BoardMetricsContributor::section)).toList();
    this.clock = clock;
  }

  public Figures collect(ReportPeriod period) {
    var sections = new LinkedHashMap<String, Map<String, Object>>();
    for (var contributor : contributors) {
      sections.put(contributor.section(), contributor.figures(period));
    }
    return new Figures(period, clock.instant(), sections);
  }
}
