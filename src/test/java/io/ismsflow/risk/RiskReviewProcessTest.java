package io.ismsflow.risk;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.ismsflow.RequiresDocker;
import io.ismsflow.risk.Risk.RiskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The risk review model with its real workers in Camunda Process Test (engine in a container):
 * needs Docker, and is reported as skipped without it.
 */
@RequiresDocker
@SpringBootTest(
    properties = {
      "isms.engine.mode=remote",
      "isms.data-dir=target/test-data/process-test-risk",
      "isms.record-store.embedded.port=0",
      "server.port=0"
    })
@CamundaSpringProcessTest
class RiskReviewProcessTest {

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTest;
  @Autowired RiskRepository risks;
  @Autowired RiskAssessmentRepository assessments;

  @Test
  void aRiskWithinAppetiteIsAcceptedAndAnOverdueAssessmentIsEscalated() {
    risks.save(
        new Risk("R-9001", "Phishing of plant staff", null, List.of(), "Phishing", "Awareness", "risk.ben", 2, 2, 4,
            RiskLevel.LOW, null, List.of(), null, null, null, null, 90, LocalDate.now().minusDays(1), RiskStatus.OPEN,
            null, Instant.now(), Instant.now(), null));
    var review =
        client.newCreateInstanceCommand().bpmnProcessId("RiskReviewProcess").latestVersion()
            .variables(Map.of("riskIds", List.of("R-9001"))).send().join();

    assertThat(review).hasActiveElements("AssessRiskTask");
    processTest.increaseTime(Duration.ofDays(11));
    assertThat(review).hasCompletedElements("EscalateAssessmentTask");

    processTest.completeUserTask("AssessRiskTask", Map.of("likelihood", 2, "impact", 3, "rationale", "Training done"));

    assertThat(review).isCompleted().hasCompletedElements("RecordAssessmentTask", "SummarizeReviewTask");
    assertThat(assessments.findByReviewKey(review.getProcessInstanceKey()))
        .singleElement()
        .satisfies(a -> assertThat(a.decision()).isEqualTo(RiskAssessment.Decision.ACCEPTED));
  }
}
