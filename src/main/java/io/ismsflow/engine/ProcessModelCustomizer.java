package io.ismsflow.engine;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Adapts a shipped process model to this installation's configuration before it is deployed, for
 * what BPMN cannot read at run time, such as the cycle of a timer start event.
 */
public interface ProcessModelCustomizer {

  /**
   * @param resourceName e.g. {@code bpmn/risk-review.bpmn}
   * @return whether the model was changed
   */
  boolean customize(String resourceName, BpmnModelInstance model);
}
