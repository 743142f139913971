package io.ismsflow.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start of a local service into Spring Boot's plain "APPLICATION FAILED TO START" report. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
