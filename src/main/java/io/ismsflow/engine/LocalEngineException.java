package io.ismsflow.engine;

import io.ismsflow.platform.StartupException;

/** The local broker could not start or stop; the message says why in plain words. */
class LocalEngineException extends StartupException {

  private static final String ACTION =
      "Fix the cause above and start again. To use a remote Camunda cluster instead, set"
          + " camunda.client.grpc-address (CAMUNDA_CLIENT_GRPC_ADDRESS); see README, 'Configuration'.";

  LocalEngineException(String message) {
    super(message, ACTION);
  }

  LocalEngineException(String message, Throwable cause) {
    super(message, ACTION, cause);
  }
}
