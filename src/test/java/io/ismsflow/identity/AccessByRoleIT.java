package io.ismsflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ismsflow.IsmsIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Who may call what: one row per role and endpoint, against the running app. */
@IsmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessByRoleIT {

  @Autowired TestRestTemplate http;

  /** An open "Confirm smoke check" task, offered to the CISO group only. */
  long cisoTask;

  @BeforeAll
  void openACisoTask() {
    var started =
        http.withBasicAuth("ciso.anna", "demo")
            .postForEntity("/api/processes/SmokeCheckProcess/instances", Map.of("variables", Map.of()), Map.class);
    var instanceKey = ((Number) started.getBody().get("processInstanceKey")).longValue();
    cisoTask =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> tasks("ciso.anna", "/api/tasks?processInstanceKey=" + instanceKey), list -> !list.isEmpty())
            .getFirst()
            .get("key") instanceof Number n ? n.longValue() : -1;
  }

  Stream<Arguments> rules() {
    var complete = "/api/tasks/{task}/complete";
    return Stream.of(
        // user, method, path, expected status
        Arguments.of(null, "GET", "/api/tasks", 401),
        Arguments.of(null, "GET", "/v3/api-docs", 401),
        Arguments.of(null, "GET", "/actuator/health", 200),
        Arguments.of("staff.hugo", "GET", "/api/tasks", 200),
        Arguments.of("staff.hugo", "POST", "/api/processes/SmokeCheckProcess/instances", 403),
        Arguments.of("risk.ben", "POST", "/api/processes/SmokeCheckProcess/instances", 403),
        Arguments.of("auditor.gina", "POST", "/api/processes/SmokeCheckProcess/instances", 403),
        Arguments.of("admin.ida", "POST", "/api/processes/SmokeCheckProcess/instances", 201),
        Arguments.of("staff.hugo", "GET", "/api/process-instances", 403),
        Arguments.of("risk.ben", "GET", "/api/process-instances", 403),
        Arguments.of("exec.eva", "GET", "/api/process-instances", 200),
        Arguments.of("auditor.gina", "GET", "/api/process-instances", 200),
        Arguments.of("ciso.anna", "GET", "/api/process-instances", 200),
        Arguments.of("staff.hugo", "GET", "/api/audit/verify", 403),
        Arguments.of("risk.ben", "GET", "/api/audit/verify", 403),
        Arguments.of("auditor.gina", "GET", "/api/audit/verify", 200),
        Arguments.of("admin.ida", "GET", "/api/audit/verify", 200),
        Arguments.of("auditor.gina", "GET", "/api/audit/entries?format=csv", 200),
        Arguments.of("staff.hugo", "GET", "/api/tasks/{task}", 403),
        Arguments.of("auditor.gina", "GET", "/api/tasks/{task}", 200),
        Arguments.of("staff.hugo", "POST", "/api/tasks/{task}/claim", 403),
        Arguments.of("risk.ben", "POST", complete, 403),
        Arguments.of("auditor.gina", "POST", complete, 403),
        Arguments.of("exec.eva", "POST", complete, 403),
        Arguments.of("staff.hugo", "POST", complete, 403));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("rules")
  void roleMayOnlyDoWhatItsGroupsAllow(String user, String method, String path, int expected) {
    var client = user == null ? http : http.withBasicAuth(user, "demo");
    var body = "POST".equals(method) ? new HttpEntity<>(Map.of("variables", Map.of("confirmed", true, "comment", "ok"))) : null;
    var response =
        client.exchange(path.replace("{task}", Long.toString(cisoTask)), HttpMethod.valueOf(method), body, String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
  }

  @Test
  void aRefusedTaskSaysWhomItIsFor() {
    var response =
        http.withBasicAuth("risk.ben", "demo")
            .postForEntity("/api/tasks/" + cisoTask + "/complete", Map.of("variables", Map.of()), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().get("detail").toString()).contains("[ciso]", "risk.ben", "risk-owner");
  }

  @Test
  void tasksOfOtherGroupsAreNotListed() {
    assertThat(tasks("risk.ben", "/api/tasks")).noneMatch(t -> ((Number) t.get("key")).longValue() == cisoTask);
    assertThat(tasks("ciso.anna", "/api/tasks")).anyMatch(t -> ((Number) t.get("key")).longValue() == cisoTask);
  }

  @Test
  void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheSignInForAWhile() throws Exception {
    // a plain client: Apache's (behind TestRestTemplate) would wait out the Retry-After of a 429
    var client = java.net.http.HttpClient.newHttpClient();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(get(client, "nobody.here", "guess").statusCode()).isEqualTo(401);
    }
    var locked = get(client, "nobody.here", "guess");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(locked.body()).contains("Too many failed sign-ins");
    assertThat(get(client, "nobody.here", "even-the-right-one").statusCode()).as("locked whatever the password").isEqualTo(429);
    assertThat(get(client, "ciso.anna", "wrong").statusCode()).as("other users are not locked").isEqualTo(401);
    assertThat(get(client, "ciso.anna", "demo").statusCode()).isEqualTo(200);
  }

  private java.net.http.HttpResponse<String> get(java.net.http.HttpClient client, String user, String password)
      throws Exception {
    var credentials =
        java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/api/tasks"))
            .header("Authorization", "Basic " + credentials)
            .build();
    return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aChangeWithoutCredentialsInAHeaderNeedsACsrfToken() {
    var response = http.postForEntity("/api/tasks/" + cisoTask + "/claim", null, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().get("detail").toString()).contains("CSRF");
  }

  @Test
  void responsesCarrySecurityHeadersAndNoBasicChallenge() {
    var response = http.getForEntity("/api/tasks", String.class);
    assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeaders().get("WWW-Authenticate")).isNull();
  }

  private List<Map<String, Object>> tasks(String user, String url) {
    return http.withBasicAuth(user, "demo")
        .exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
  }
}
