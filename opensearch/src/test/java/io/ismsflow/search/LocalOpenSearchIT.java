package io.ismsflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalOpenSearchIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void takesTasklistsIndexManagementSettingsAndKeepsItsDataOverARestart(@TempDir Path data) throws Exception {
    int httpPort = freePort();
    int transportPort = freePort();
    var settings = "{\"settings\": {\"index\": {\"plugins.index_state_management.policy_id\": \"tasklist_delete_archived_indices\", \"number_of_replicas\": 0}}}";

    try (var node = LocalOpenSearch.start(data, httpPort, transportPort)) {
      var created = send(httpPort, "PUT", "/tasklist-task-8.5.0_", settings);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      assertThat(send(httpPort, "PUT", "/tasklist-task-8.5.0_/_doc/1?refresh=true", "{\"name\": \"Assess risk\"}").statusCode()).isEqualTo(201);
    }

    try (var node = LocalOpenSearch.start(data, httpPort, transportPort)) {
      var found = send(httpPort, "GET", "/tasklist-task-8.5.0_/_doc/1", null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("Assess risk");
      assertThat(send(httpPort, "GET", "/tasklist-task-8.5.0_/_settings", null).body()).contains("tasklist_delete_archived_indices");
    }
  }

  @Test
  void refusesSettingsNobodyDeclared(@TempDir Path data) throws Exception {
    int httpPort = freePort();
    try (var node = LocalOpenSearch.start(data, httpPort, freePort())) {
      var refused = send(httpPort, "PUT", "/other", "{\"settings\": {\"index\": {\"plugins.unknown_plugin.setting\": \"x\"}}}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("unknown setting");
    }
  }

  private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
