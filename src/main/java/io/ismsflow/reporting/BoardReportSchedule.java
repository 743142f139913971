package io.ismsflow.reporting;

import io.ismsflow.engine.TimerStartSchedule;
import org.springframework.stereotype.Component;

/**
 * Sets when the scheduled board report starts, from {@code isms.reporting.schedule}. Default: at
 * 07:00 UTC on the first day of each quarter, an hour after the quarterly risk review starts; the
 * report covers the quarter that just ended.
 */
@Component
class BoardReportSchedule extends TimerStartSchedule {

  static final String DEFAULT = "0 0 7 1 1,4,7,10 *";

  BoardReportSchedule(ReportingProperties properties) {
    super("QuarterEndedTimerStartEvent", properties.schedule(), DEFAULT, "Board report: scheduled reports start (isms.reporting.schedule)");
  }
}
