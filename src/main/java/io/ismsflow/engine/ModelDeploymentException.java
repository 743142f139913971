package io.ismsflow.engine;

import io.ismsflow.platform.StartupException;

/** A process model or form could not be read or deployed; the message names the file and the reason. */
class ModelDeploymentException extends StartupException {

  ModelDeploymentException(String message, Throwable cause) {
    super(
        message,
        "Fix the named file in bpmn/ or forms/ (Camunda Modeler shows the problem), rebuild and start again.",
        cause);
  }
}
