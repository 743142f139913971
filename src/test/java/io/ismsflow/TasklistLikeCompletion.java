package io.ismsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Completes a user task the way Camunda Tasklist does, on the broker's REST API and past ISMS
 * Flow's API: assign it to the person, then complete it with the form's values, and nothing else
 * (no completedBy variable, no server rules).
 */
public final class TasklistLikeCompletion {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final URI restAddress;

  public TasklistLikeCompletion(String brokerRestAddress) {
    this.restAddress = URI.create(brokerRestAddress);
  }

  public void complete(String user, long taskKey, Map<String, Object> values) {
    post("/v2/user-tasks/" + taskKey + "/assignment", Map.of("assignee", user, "allowOverride", true));
    post("/v2/user-tasks/" + taskKey + "/completion", Map.of("variables", values));
  }

  private void post(String path, Object body) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(restAddress.resolve(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
