package io.ismsflow.smoke;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.ismsflow.RequiresDocker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The smoke process with its real workers in Camunda Process Test: the engine runs in a
 * container, so this suite needs Docker and is reported as skipped without it.
 */
@RequiresDocker
@SpringBootTest(
    properties = {
      "isms.engine.mode=remote",
      "isms.data-dir=target/test-data/process-test",
      "isms.record-store.embedded.port=0",
      "server.port=0"
    })
@CamundaSpringProcessTest
class SmokeCheckProcessTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTest;
  @Autowired SmokeCheckService smokeChecks;

  @Test
  void confirmedSmokeCheckIsClosedAfterTheTimer() {
    var instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("SmokeCheckProcess")
            .latestVersion()
            .variables(Map.of("requestedBy", "ciso.anna"))
            .send()
            .join();

    assertThat(instance).hasActiveElements("ConfirmSmokeCheckTask");
    assertThat(smokeChecks.find(instance.getProcessInstanceKey()))
        .hasValueSatisfying(check -> assertThat(check.status()).isEqualTo(SmokeCheck.Status.RECORDED));

    processTest.completeUserTask("ConfirmSmokeCheckTask", Map.of("confirmed", true, "comment", "seen"));
    assertThat(instance).hasActiveElements("WaitBeforeClosingTimer");

    processTest.increaseTime(Duration.ofHours(2));
    assertThat(instance).isCompleted().hasCompletedElements("CloseSmokeCheckTask", "SmokeCheckClosedEndEvent");
    assertThat(smokeChecks.find(instance.getProcessInstanceKey()))
        .hasValueSatisfying(check -> assertThat(check.comment()).isEqualTo("seen"));
  }
}
