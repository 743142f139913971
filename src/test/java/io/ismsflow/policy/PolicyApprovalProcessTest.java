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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The policy approval model with its real workers in Camunda Process Test (engine in a container):
 * needs Docker, and is reported as skipped without it.
 */
@RequiresDocker
@SpringBootTest(
    properties = {
      "isms.engine.mode=remote",
      "isms.data-dir=target/test-data/process-test-policy",
      "isms.record-store.embedded.port=0",
      "server.port=0"
    })
@CamundaSpringProcessTest
class PolicyApprovalProcessTest {

  private static final String TEXT = "# Backup\n## Purpose\nRestore.\n## Scope\nAll.\n## Policy\nDaily.\n";

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTest;
  @Autowired PolicyRepository policies;
  @Autowired PolicyVersionRepository versions;

  @Test
  void aReviewedAndApprovedDraftIsPublished() {
    var now = Instant.now();
    policies.save(new Policy("POL-900", "Backup", Category.PROCEDURE, "policy.carla", PolicyStatus.DRAFT, 12, null, List.of(), null, 1, now, now, null));
    versions.save(new PolicyVersion("POL-900:1", "POL-900", 1, TEXT, "First", "policy.carla", VersionStatus.DRAFT, List.of(), List.of(), null, null, now, null, null));

    var approval =
        client.newCreateInstanceCommand().bpmnProcessId("PolicyApprovalProcess").latestVersion()
            .variables(Map.of("policyId", "POL-900", "versionNumber", 1, "policyTitle", "Backup", "author", "policy.carla",
                "reviewers", List.of("reviewer.dan"), "topLevel", false, "reviewSla", "P10D", "approvalSla", "P5D"))
            .send().join();

    assertThat(approval).hasActiveElements("ReviewDraftTask");
    processTest.completeUserTask("ReviewDraftTask", Map.of("reviewDecision", "approve"));
    assertThat(approval).hasActiveElements("ApprovePolicyTask");
    processTest.completeUserTask("ApprovePolicyTask", Map.of("approvalDecision", "approve", "approvedBy", "ciso.anna"));

    assertThat(approval).isCompleted().hasCompletedElements("PublishPolicyTask");
    assertThat(versions.findById("POL-900:1")).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(VersionStatus.PUBLISHED));
  }
}
