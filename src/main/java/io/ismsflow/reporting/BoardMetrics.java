package io.ismsflow.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Collects the figures of a board report from every cycle that contributes some. */
@Service
public class BoardMetrics {

  /** The figures of a period, section by section, and which of them are headlines. */
  public record Figures(
      ReportPeriod period, Instant collectedAt, Map<String, Map<String, Object>> sections, List<SectionHeadline> headlines) {}

  /** A headline figure: its section, key and label, and whether a fall is good news. */
  public record SectionHeadline(String section, String key, String label, boolean lowerIsBetter) {

    public String path() {
      return section + "/" + key;
    }
  }

  private final List<BoardMetricsContributor> contributors;
  private final Clock clock;

  BoardMetrics(List<BoardMetricsContributor> contributors, Clock clock) {
    this.contributors = contributors.stream().sorted(Comparator.comparingInt(BoardMetricsContributor::order).thenComparing(BoardMetricsContributor::section)).toList();
    this.clock = clock;
  }

  public Figures collect(ReportPeriod period) {
    var sections = new LinkedHashMap<String, Map<String, Object>>();
    var headlines = new ArrayList<SectionHeadline>();
    for (var contributor : contributors) {
      sections.put(contributor.section(), contributor.figures(period));
      contributor.headlines().forEach(h -> headlines.add(new SectionHeadline(contributor.section(), h.key(), h.label(), h.lowerIsBetter())));
    }
    return new Figures(period, clock.instant(), sections, List.copyOf(headlines));
  }

  /** Section titles by section name, in report order. */
  public Map<String, String> sectionTitles() {
    var titles = new LinkedHashMap<String, String>();
    contributors.forEach(c -> titles.put(c.section(), c.title()));
    return titles;
  }
}
