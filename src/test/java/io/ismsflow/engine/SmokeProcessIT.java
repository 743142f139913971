package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.EngineClock;
import io.ismsflow.IsmsIntegrationTest;
import io.ismsflow.smoke.SmokeCheck;
import io.ismsflow.smoke.SmokeCheckService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** The smoke process end to end through the app's REST API, on the real local broker. */
@IsmsIntegrationTest
class SmokeProcessIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired TestRestTemplate anonymous;
  TestRestTemplate http;
  @Autowired SmokeCheckService smokeChecks;

  @Value("${camunda.client.rest-address}")
  String brokerRestAddress;

  @org.junit.jupiter.api.BeforeEach
  void signInAsCiso() {
    http = anonymous.withBasicAuth("ciso.anna", "demo");
  }

  @AfterEach
  void releaseEngineClock() {
    new EngineClock(brokerRestAddress).reset();
  }

  @Test
  void smokeCheckRunsFromStartThroughFormAndTimerToClosedRecord() {
    var started =
        http.postForEntity(
            "/api/processes/SmokeCheckProcess/instances",
            Map.of("variables", Map.of("requestedBy", "ciso.anna")),
            Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var instanceKey = ((Number) started.getBody().get("processInstanceKey")).longValue();
    assertThat(started.getHeaders().getLocation()).hasToString("/api/process-instances/" + instanceKey);

    // the worker wrote its record and the user task shows in the CISO group's inbox
    var task = await().atMost(PATIENCE).until(() -> openTaskOf(instanceKey), t -> t != null);
    assertThat(task.name()).isEqualTo("Confirm smoke check");
    assertThat(task.elementId()).isEqualTo("ConfirmSmokeCheckTask");
    assertThat(task.candidateGroups()).containsExactly("ciso");
    assertThat(task.formId()).isEqualTo("smoke-check-confirmation");
    assertThat(task.dueDate()).isNotBlank();
    assertThat(tasks("/api/tasks?candidateGroup=ciso")).extracting(UserTaskView::key).contains(task.key());
    assertThat(tasks("/api/tasks?candidateGroup=board")).extracting(UserTaskView::key).doesNotContain(task.key());
    var recorded = smokeChecks.find(instanceKey).orElseThrow();
    assertThat(recorded.status()).isEqualTo(SmokeCheck.Status.RECORDED);
    assertThat(recorded.requestedBy()).isEqualTo("ciso.anna");

    // values that break the form's rules are refused field by field, and the task stays open
    var refused =
        http.postForEntity(
            "/api/tasks/" + task.key() + "/complete",
            Map.of("variables", Map.of("confirmed", false, "comment", "x", "extra", 1)),
            Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("problems").toString())
        .contains("confirmed", "comment", "at least 3 characters", "extra", "not a field");
    assertThat(openTaskOf(instanceKey)).isNotNull();

    // a claim, then a valid completion moves the instance to the timer
    assertThat(http.postForEntity("/api/tasks/" + task.key() + "/claim", null, Void.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    await().atMost(PATIENCE).until(() -> tasks("/api/tasks?assignee=ciso.anna").stream().anyMatch(t -> t.key() == task.key()));
    var completed =
        http.postForEntity(
            "/api/tasks/" + task.key() + "/complete",
            Map.of("variables", Map.of("confirmed", true, "comment", "Seen <script>alert(1)</script>")),
            Void.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    await().atMost(PATIENCE).until(() -> activeElementIds(instanceKey).contains("WaitBeforeClosingTimer"));
    assertThat(http.getForObject("/api/tasks/" + task.key(), UserTaskView.class).state()).isEqualTo("COMPLETED");
    assertThat(smokeChecks.find(instanceKey).orElseThrow().status()).isEqualTo(SmokeCheck.Status.RECORDED);

    // the one-hour timer fires once the engine clock has moved past it
    new EngineClock(brokerRestAddress).advance(Duration.ofHours(2));
    await().atMost(PATIENCE).ignoreExceptions().until(() -> instance(instanceKey).state().equals("COMPLETED"));
    var closed = smokeChecks.find(instanceKey).orElseThrow();
    assertThat(closed.status()).isEqualTo(SmokeCheck.Status.CLOSED);
    assertThat(closed.confirmed()).isTrue();
    assertThat(closed.comment()).as("text is stored as it was sent").isEqualTo("Seen <script>alert(1)</script>");

    var finished = instance(instanceKey);
    assertThat(finished.activeElements()).isEmpty();
    assertThat(finished.completedElementIds())
        .contains("RecordSmokeCheckTask", "ConfirmSmokeCheckTask", "WaitBeforeClosingTimer", "CloseSmokeCheckTask", "SmokeCheckClosedEndEvent");

    // the journal holds the instance's story in position order
    var journal = journal(instanceKey);
    assertThat(journal).extracting(JournalEntryView::position).isSorted().doesNotHaveDuplicates();
    assertThat(journal)
        .extracting(e -> e.valueType() + ":" + e.intent() + ":" + e.elementId())
        .contains(
            "USER_TASK:CREATED:ConfirmSmokeCheckTask",
            "USER_TASK:ASSIGNED:ConfirmSmokeCheckTask",
            "USER_TASK:COMPLETED:ConfirmSmokeCheckTask",
            "PROCESS_INSTANCE:ELEMENT_COMPLETED:WaitBeforeClosingTimer",
            "PROCESS_INSTANCE:ELEMENT_COMPLETED:SmokeCheckProcess");
  }

  @Test
  void failingWorkerShowsAsIncidentOfTheInstance() {
    var started =
        http.postForEntity(
            "/api/processes/SmokeCheckProcess/instances",
            Map.of("variables", Map.of("requestedBy", "x".repeat(101))),
            Map.class);
    var instanceKey = ((Number) started.getBody().get("processInstanceKey")).longValue();

    var withIncident = await().atMost(PATIENCE).ignoreExceptions().until(() -> instance(instanceKey), i -> !i.incidents().isEmpty());
    assertThat(withIncident.state()).isEqualTo("ACTIVE");
    assertThat(withIncident.activeElements()).extracting(ProcessInstanceView.ActiveElement::elementId)
        .containsExactly("RecordSmokeCheckTask");
    var incident = withIncident.incidents().getFirst();
    assertThat(incident.elementId()).isEqualTo("RecordSmokeCheckTask");
    assertThat(incident.errorMessage()).contains("requestedBy must be at most 100 characters");
    assertThat(journal(instanceKey)).extracting(e -> e.valueType() + ":" + e.intent())
        .contains("JOB:FAILED", "INCIDENT:CREATED");
    assertThat(smokeChecks.find(instanceKey)).isEmpty();
  }

  private UserTaskView openTaskOf(long instanceKey) {
    var open = tasks("/api/tasks?processInstanceKey=" + instanceKey);
    return open.isEmpty() ? null : open.getFirst();
  }

  private List<UserTaskView> tasks(String url) {
    return http.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<List<UserTaskView>>() {}).getBody();
  }

  private ProcessInstanceView instance(long key) {
    return http.getForObject("/api/process-instances/" + key, ProcessInstanceView.class);
  }

  private List<String> activeElementIds(long key) {
    var response = http.getForEntity("/api/process-instances/" + key, ProcessInstanceView.class);
    if (response.getStatusCode() != HttpStatus.OK) {
      return List.of();
    }
    return response.getBody().activeElements().stream().map(ProcessInstanceView.ActiveElement::elementId).toList();
  }

  private List<JournalEntryView> journal(long key) {
    return http.exchange(
            "/api/process-instances/" + key + "/journal",
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<List<JournalEntryView>>() {})
        .getBody();
  }
}
