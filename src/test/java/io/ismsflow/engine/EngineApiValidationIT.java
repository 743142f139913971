package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.IsmsIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Bad requests to the engine API get a clear 4xx problem and change nothing. */
@IsmsIntegrationTest
class EngineApiValidationIT {

  @Autowired TestRestTemplate anonymous;
  TestRestTemplate http;

  @org.junit.jupiter.api.BeforeEach
  void signInAsCiso() {
    http = anonymous.withBasicAuth("ciso.anna", "demo");
  }

  @Test
  void startingAnUnknownProcessIsNotFoundAndNamesTheKnownOnes() {
    var response = http.postForEntity("/api/processes/NoSuchProcess/instances", Map.of(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("detail").toString()).contains("NoSuchProcess", "SmokeCheckProcess");
  }

  @Test
  void invalidVariableNamesAreRefusedBeforeAnythingStarts() {
    var before = http.getForObject("/api/process-instances?bpmnProcessId=SmokeCheckProcess", Object[].class).length;
    var response =
        http.postForEntity(
            "/api/processes/SmokeCheckProcess/instances",
            Map.of("variables", Map.of("not a name", 1, "1st", 2)),
            Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("not a name", "1st");
    assertThat(http.getForObject("/api/process-instances?bpmnProcessId=SmokeCheckProcess", Object[].class))
        .hasSize(before);
  }

  @Test
  void oversizedVariablesAreRefused() {
    var response =
        http.postForEntity(
            "/api/processes/SmokeCheckProcess/instances",
            Map.of("variables", Map.of("blob", "x".repeat(Variables.MAX_BYTES + 1))),
            Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("detail").toString()).contains("at most " + Variables.MAX_BYTES);
  }

  @Test
  void malformedJsonIsABadRequest() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        http.postForEntity("/api/tasks/1/complete", new HttpEntity<>("{\"variables\": [1,", headers), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContainKey("trace");
  }

  @Test
  void variablesOfTheWrongShapeAreABadRequest() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        http.postForEntity(
            "/api/processes/SmokeCheckProcess/instances", new HttpEntity<>("{\"variables\": [1, 2]}", headers), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var body = "{\"variables\": {\"blob\": \"" + "x".repeat(300_000) + "\"}}";
    var response = http.postForEntity("/api/processes/SmokeCheckProcess/instances", new HttpEntity<>(body, headers), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getBody().get("detail").toString()).contains("limited to");
  }

  @Test
  void completingOrClaimingAnUnknownTaskIsNotFound() {
    assertThat(http.postForEntity("/api/tasks/123/complete", Map.of("variables", Map.of()), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.postForEntity("/api/tasks/123/claim", Map.of("assignee", "anna"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/api/process-instances/123", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anOverlongAssigneeIsABadRequest() {
    var response = http.postForEntity("/api/tasks/123/claim", Map.of("assignee", "a".repeat(101)), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("assignee");
  }

  @Test
  void unknownInstanceStateFilterIsABadRequest() {
    var response = http.getForEntity("/api/process-instances?state=SLEEPING", Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("problems").toString()).contains("ACTIVE");
  }

  @Test
  void healthIsUpAndTheApiIsDocumented() {
    assertThat(anonymous.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
    var openApi = http.getForObject("/v3/api-docs", String.class);
    assertThat(openApi).contains("/api/tasks/{key}/complete", "/api/processes/{bpmnProcessId}/instances");
  }
}
