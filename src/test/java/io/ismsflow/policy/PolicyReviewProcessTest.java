package io.ismsflow.policy;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.ismsflow.RequiresDocker;
import io.ismsflow.policy.Policy.Category;
import io.ismsflow.policy.Policy.PolicyStatus;
import io.ismsflow.policy.PolicyVersion.VersionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The periodic policy review model with its real workers in Camunda Process Test (engine in a
 * container): needs Docker, and is reported as skipped without it.
 */
@RequiresDocker
@SpringBootTest(
    properties = {
      "isms.engine.mode=remote",
      "isms.data-dir=target/test-data/process-test-policy-review",
      "isms.record-store.embedded.port=0",
      "server.port=0"
    })
@CamundaSpringProcessTest
class PolicyReviewProcessTest {

  private static final String TEXT = "# Backup\n## Purpose\nRestore.\n## Scope\nAll.\n## Policy\nDaily.\n";

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTest;
  @Autowired PolicyRepository policies;
  @Autowired PolicyVersionRepository versions;

  @Test
  void aPolicyFoundStillValidGetsItsNextReviewDateMoved() {
    var now = Instant.now();
    policies.save(new Policy("POL-901", "Backup", Category.PROCEDURE, "policy.carla", PolicyStatus.PUBLISHED, 12,
        LocalDate.now().minusDays(1), List.of(), 1, 1, now, now, null));
    versions.save(new PolicyVersion("POL-901:1", "POL-901", 1, TEXT, "First", "policy.carla", VersionStatus.PUBLISHED,
        List.of(), List.of(), LocalDate.now().minusYears(1), PolicyService.sha256(TEXT), now, now, null));

    client.newPublishMessageCommand().messageName("isms.policy.review-due").correlationKey("POL-901")
        .variables(Map.of("policyId", "POL-901", "policyTitle", "Backup", "owner", "policy.carla", "topLevel", false))
        .send().join();

    processTest.completeUserTask("ReviewPolicyTask", Map.of("periodicReviewDecision", "still-valid", "periodicReviewComment", "Fine"));

    io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance(
            io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byProcessId("PolicyReviewProcess"))
        .isCompleted()
        .hasCompletedElements("ConfirmPolicyValidTask");
    assertThat(policies.findById("POL-901").orElseThrow().nextReviewDate()).isAfter(LocalDate.now().plusMonths(11));
  }
}
