package io.ismsflow.engine;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets when a scheduled cycle starts: the time cycle of one timer start event, taken from a
 * configuration property (a cron expression, or an ISO 8601 repeating interval such as
 * {@code R/P3M}), so that operators change the schedule without editing the model.
 */
public abstract class TimerStartSchedule implements ProcessModelCustomizer {

  private static final Logger log = LoggerFactory.getLogger(TimerStartSchedule.class);

  private final String timerStartEventId;
  private final String schedule;
  private final String description;

  /**
   * @param timerStartEventId the id of the timer start event in its model
   * @param configured the configured schedule; blank means the default
   * @param defaultSchedule the schedule when none is configured
   * @param description what starts and the property that says when, for the log
   */
  protected TimerStartSchedule(String timerStartEventId, String configured, String defaultSchedule, String description) {
    this.timerStartEventId = timerStartEventId;
    this.schedule = configured == null || configured.isBlank() ? defaultSchedule : configured.strip();
    this.description = description;
  }

  public String schedule() {
    return schedule;
  }

  @Override
  public boolean customize(String resourceName, BpmnModelInstance model) {
    if (!(model.getModelElementById(timerStartEventId) instanceof StartEvent start)) {
      return false;
    }
    var cycle =
        start.getEventDefinitions().stream()
            .filter(TimerEventDefinition.class::isInstance)
            .map(d -> ((TimerEventDefinition) d).getTimeCycle())
            .filter(Objects::nonNull)
            .findFirst();
    if (cycle.isEmpty() || schedule.equals(cycle.get().getTextContent().strip())) {
      return false;
    }
    cycle.get().setTextContent(schedule);
    log.info("{} on '{}'", description, schedule);
    return true;
  }
}
