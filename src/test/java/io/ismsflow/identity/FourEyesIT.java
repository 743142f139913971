package io.ismsflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.audit.AuditTrail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The four-eyes rule in a real process on the local broker, enforced by the server. */
@IsmsIntegrationTest
class FourEyesIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;
  @Autowired AuditTrail audit;

  @Test
  void whoPerformedAStepCannotApproveItButSomeoneElseCan() {
    client.newDeployResourceCommand().addResourceFromClasspath("four-eyes/four-eyes-test.bpmn").send().join();
    var instanceKey =
        client.newCreateInstanceCommand().bpmnProcessId("FourEyesTestProcess").latestVersion().send().join().getProcessInstanceKey();
    var anna = http.withBasicAuth("ciso.anna", "demo");
    var omar = http.withBasicAuth("ciso.omar", "demo");

    var perform = awaitTask(anna, instanceKey, "PerformStepTask");
    assertThat(anna.postForEntity("/api/tasks/" + perform + "/complete", Map.of("variables", Map.of()), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    var approve = awaitTask(anna, instanceKey, "ApproveStepTask");
    var refused = anna.postForEntity("/api/tasks/" + approve + "/complete", Map.of("variables", Map.of()), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("detail").toString())
        .contains("Four-eyes", "ciso.anna", "PerformStepTask", "someone else");
    assertThat(audit.entries(null, null))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("four-eyes.refused");
              assertThat(entry.actor()).isEqualTo("ciso.anna");
              assertThat(entry.taskKey()).isEqualTo(approve);
            });

    assertThat(omar.postForEntity("/api/tasks/" + approve + "/complete", Map.of("variables", Map.of()), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    await()
        .atMost(PATIENCE)
        .ignoreExceptions()
        .until(() -> anna.getForObject("/api/process-instances/" + instanceKey, Map.class).get("state"), "COMPLETED"::equals);
    assertThat(audit.verify().intact()).isTrue();
  }

  private static long awaitTask(TestRestTemplate user, long instanceKey, String elementId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                user.exchange(
                        "/api/tasks?processInstanceKey=" + instanceKey,
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .getBody()
                    .stream()
                    .filter(t -> elementId.equals(t.get("elementId")))
                    .map(t -> ((Number) t.get("key")).longValue())
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }
}
