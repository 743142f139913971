package io.ismsflow.smoke;

/** The smoke check to close was never recorded: a business error the model handles. */
class SmokeCheckMissingException extends RuntimeException {

  SmokeCheckMissingException(long processInstanceKey) {
    super("No smoke check was recorded for process instance " + processInstanceKey);
  }
}
