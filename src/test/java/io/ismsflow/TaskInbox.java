package io.ismsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The demo users working through their tasks over the REST API, as integration tests of the
 * cycles need them: find the task a person is offered, complete it, wait for an instance to end.
 */
public final class TaskInbox {

  public static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate http;

  public TaskInbox(TestRestTemplate http) {
    this.http = http;
  }

  /** The API as a demo user (password "demo"). */
  public TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }

  public List<Map<String, Object>> list(String user, String url) {
    return as(user).exchange(url, HttpMethod.GET, null, LIST).getBody();
  }

  /** Waits for the open task of this element in the instance that is offered to the user (assigned to them or their group). */
  public long task(String user, long instance, String elementId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                list(user, "/api/tasks?processInstanceKey=" + instance).stream()
                    .filter(t -> elementId.equals(t.get("elementId")))
                    .filter(t -> t.get("assignee") == null || t.get("assignee").equals(user))
                    .map(t -> ((Number) t.get("key")).longValue())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Completes the task as the user and expects it to be accepted. */
  public void complete(String user, long task, Map<String, Object> values) {
    var response = as(user).postForEntity("/api/tasks/" + task + "/complete", Map.of("variables", values), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Waits until the instance has an incident and returns the first, as a manager sees it. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> firstIncident(String manager, long instance) {
    var stopped =
        await().atMost(PATIENCE).ignoreExceptions()
            .until(() -> as(manager).getForObject("/api/process-instances/" + instance, Map.class), i -> !((List<?>) i.get("incidents")).isEmpty());
    return (Map<String, Object>) ((List<?>) stopped.get("incidents")).getFirst();
  }

  public String instanceState(long instance) {
    return (String) as("ciso.anna").getForObject("/api/process-instances/" + instance, Map.class).get("state");
  }

  public void awaitCompleted(long instance) {
    await().atMost(PATIENCE).ignoreExceptions().until(() -> instanceState(instance), "COMPLETED"::equals);
  }
}
