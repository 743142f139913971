package io.ismsflow.risk;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.ismsflow.engine.ProcessModelCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sets when scheduled risk reviews start: the timer cycle of the review's timer start event, from
 * {@code isms.risk.review.schedule} (a cron expression, or an ISO 8601 repeating interval such as
 * {@code R/P3M}). Default: at 06:00 UTC on the first day of each quarter.
 */
@Component
class RiskReviewSchedule implements ProcessModelCustomizer {

  static final String DEFAULT = "0 0 6 1 1,4,7,10 *";
  private static final String TIMER_START = "QuarterlyReviewTimerStartEvent";
  private static final Logger log = LoggerFactory.getLogger(RiskReviewSchedule.class);

  private final String schedule;

  RiskReviewSchedule(@Value("${isms.risk.review.schedule:" + DEFAULT + "}") String schedule) {
    this.schedule = schedule == null || schedule.isBlank() ? DEFAULT : schedule.strip();
  }

  @Override
  public boolean customize(String resourceName, BpmnModelInstance model) {
    if (!(model.getModelElementById(TIMER_START) instanceof StartEvent start)) {
      return false;
    }
    var cycle =
        start.getEventDefinitions().stream()
            .filter(TimerEventDefinition.class::isInstance)
            .map(d -> ((TimerEventDefinition) d).getTimeCycle())
            .filter(java.util.Objects::nonNull)
            .findFirst();
    if (cycle.isEmpty() || schedule.equals(cycle.get().getTextContent().strip())) {
      return false;
    }
    cycle.get().setTextContent(schedule);
    log.info("Risk review: scheduled reviews start on '{}' (isms.risk.review.schedule)", schedule);
    return true;
  }
}
