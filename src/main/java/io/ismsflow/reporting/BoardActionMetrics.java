package io.ismsflow.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The follow-up of earlier board decisions (ISO/IEC 27001 9.3.2 a): the board's actions open,
 * overdue and closed in the period, so each report shows what became of the last one's decisions.
 */
@Component
class BoardActionMetrics implements BoardMetricsContributor {

  private final BoardActionRepository actions;
  private final Clock clock;

  BoardActionMetrics(BoardActionRepository actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "boardActions";
  }

  @Override
  public String title() {
    return "Actions from earlier board decisions";
  }

  @Override
  public int order() {
    return 90;
  }

  @Override
  public List<Headline> headlines() {
    return List.of(new Headline("overdue", "Board actions overdue", true));
  }

  @Override
  public Map<String, Object> figures(ReportPeriod period) {
    var today = LocalDate.now(clock);
    var all = actions.findAll();
    var figures = new LinkedHashMap<String, Object>();
    figures.put("open", all.stream().filter(a -> a.status() == BoardAction.Status.OPEN).count());
    figures.put("overdue", all.stream().filter(a -> a.isOverdue(today)).count());
    figures.put(
        "closedInPeriod",
        all.stream().filter(a -> a.closedAt() != null && period.contains(a.closedAt().atZone(ZoneOffset.UTC).toLocalDate())).count());
    figures.put("overdueActions", all.stream().filter(a -> a.isOverdue(today)).map(a -> a.id() + " (" + a.owner() + ", due " + a.dueDate() + ")").toList());
    return figures;
  }
}
