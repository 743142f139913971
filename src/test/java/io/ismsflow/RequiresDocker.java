package io.ismsflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers (Camunda Process Test starts its engine in
 * a container). Elsewhere the class is reported as skipped, with the reason, never as passed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.DockerCondition.class)
public @interface RequiresDocker {

  class DockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (isDockerAvailable()) {
        return ConditionEvaluationResult.enabled("Docker is available");
      }
      var reason =
          "SKIPPED " + context.getDisplayName()
              + ": no Docker engine here, so this Camunda Process Test suite did not run (it runs where Docker exists)";
      System.err.println(reason);
      return ConditionEvaluationResult.disabled(reason);
    }

    private static boolean isDockerAvailable() {
      try {
        return DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    }
  }
}
