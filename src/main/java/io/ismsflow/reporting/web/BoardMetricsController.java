package io.ismsflow.reporting.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.reporting.BoardActions;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.reporting.BoardMetrics;
import io.ismsflow.reporting.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Board reporting", description = "The figures of the CISO's report to executive leadership and the board")
class BoardMetricsController {

  private final BoardMetrics metrics;
  private final CurrentUser currentUser;

  BoardMetricsController(BoardMetrics metrics, CurrentUser currentUser) {
    this.metrics = metrics;
    this.currentUser = currentUser;
  }

  @GetMapping("/metrics")
  @Operation(summary = "Security posture figures for a period (YYYY-MM-DD, both days included)")
  BoardMetrics.Figures figures(@RequestParam String from, @RequestParam String to) {
    BoardActions.requireReader(currentUser.get());
    try {
      return metrics.collect(new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw RequestRefusedException.invalid(
          "The period is invalid",
          List.of(new RequestRefusedException.FieldProblem("from/to", "dates as YYYY-MM-DD, the end on or after the start")));
    }
  }
}
