package io.ismsflow.risk;

import io.ismsflow.engine.TimerStartSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sets when scheduled risk reviews start, from {@code isms.risk.review.schedule} (a cron
 * expression, or an ISO 8601 repeating interval such as {@code R/P3M}). Default: at 06:00 UTC on
 * the first day of each quarter.
 */
@Component
class RiskReviewSchedule extends TimerStartSchedule {

  static final String DEFAULT = "0 0 6 1 1,4,7,10 *";

  RiskReviewSchedule(@Value("${isms.risk.review.schedule:" + DEFAULT + "}") String schedule) {
    super("QuarterlyReviewTimerStartEvent", schedule, DEFAULT, "Risk review: scheduled reviews start (isms.risk.review.schedule)");
  }
}
