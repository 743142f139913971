package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.BrowserTests;
import io.ismsflow.TaskInbox;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local runtime with Camunda Operate and Tasklist (OpenSearch, broker exporter, the app's users
 * in their user indices): a risk owner finds the engine's task through Tasklist's API, completes it
 * there, and the cycle moves on with her recorded as the assessor; Operate lists the instance. Its
 * own context and data (the webapps stop when the class is done).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "isms.engine.embedded.webapps.enabled=true",
      "isms.engine.embedded.webapps.opensearch-port=0",
      "isms.engine.embedded.webapps.opensearch-transport-port=0",
      "isms.engine.embedded.webapps.operate-port=0",
      "isms.engine.embedded.webapps.tasklist-port=0",
      "isms.engine.embedded.webapps.operate-management-port=0",
      "isms.engine.embedded.webapps.tasklist-management-port=0",
      "isms.engine.embedded.webapps.operate-cluster-port=0",
      "isms.engine.embedded.webapps.tasklist-cluster-port=0",
      "isms.data-dir=${isms.test.data-root:target/test-data}/webapps-${isms.test.run-id:local}"
    })
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebappsIT {

  @Autowired TestRestTemplate http;

  @Value("${isms.engine.embedded.webapps.tasklist-port}")
  int tasklistPort;

  @Value("${isms.engine.embedded.webapps.operate-port}")
  int operatePort;

  @Value("${isms.engine.embedded.webapps.opensearch-port}")
  int opensearchPort;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aRiskOwnerCompletesHerAssessmentInTasklistAndTheCycleMovesOn() throws Exception {
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of("R-002")), Map.class).getBody().get("processInstanceKey")).longValue();

    var tasklist = new WebappSession(URI.create("http://127.0.0.1:" + tasklistPort));
    assertThat(tasklist.login("risk.lena", "wrong")).isEqualTo(401);
    assertThat(tasklist.login("risk.lena", "demo")).isEqualTo(204);
    var task =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> find(tasklist.post("/v1/tasks/search", "{\"state\": \"CREATED\"}"), review),
                t -> t != null && t.hasNonNull("formId"));
    assertThat(task.path("name").asText()).isEqualTo("Assess risk");
    assertThat(task.path("implementation").asText()).isEqualTo("ZEEBE_USER_TASK");
    assertThat(task.path("formId").asText()).isEqualTo("risk-assessment");
    var form =
        tasklist.get("/v1/forms/" + task.path("formId").asText() + "?processDefinitionKey=" + task.path("processDefinitionKey").asText()
            + (task.path("formVersion").isMissingNode() || task.path("formVersion").isNull() ? "" : "&version=" + task.path("formVersion").asText()));
    assertThat(form.path("schema").asText()).contains("\"likelihood\"", "\"rationale\"");
    if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
      tasklist.patch("/v1/tasks/" + task.path("id").asText() + "/assign", "{}");
    }
    var completed =
        tasklist.patch(
            "/v1/tasks/" + task.path("id").asText() + "/complete",
            "{\"variables\": [{\"name\": \"likelihood\", \"value\": \"2\"}, {\"name\": \"impact\", \"value\": \"3\"},"
                + " {\"name\": \"rationale\", \"value\": \"\\\"PLC firmware patched in the November shutdown\\\"\"}]}");
    assertThat(completed.path("taskState").asText()).isEqualTo("COMPLETED");

    // the workers ran: the assessment is recorded in MongoDB, by the person who completed it in Tasklist
    var assessment =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> inbox.list("ciso.anna", "/api/risks/R-002/assessments").stream().filter(a -> ((Number) a.get("reviewKey")).longValue() == review).findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(assessment).containsEntry("assessedBy", "risk.lena").containsEntry("likelihood", 2).containsEntry("impact", 3);

    var operate = new WebappSession(URI.create("http://127.0.0.1:" + operatePort));
    assertThat(operate.login("exec.eva", "demo")).isEqualTo(204);
    var instances =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(() -> operate.post("/v1/process-instances/search", "{\"filter\": {\"key\": " + review + "}}"), found -> found.path("total").asInt() == 1);
    assertThat(instances.path("items").get(0).path("bpmnProcessId").asText()).isEqualTo("RiskReviewProcess");
    assertThat(instances.path("items").get(0).path("state").asText()).isIn("ACTIVE", "COMPLETED");
  }

  /**
   * Tasklist serves a linked form for a task that uses it (shown above for "Assess risk"); here:
   * it has imported every form that a user task of the ISMS cycles links, at its deployed version.
   */
  @Test
  void tasklistHasEveryFormThatAUserTaskOfTheIsmsCyclesLinks() throws Exception {
    var linked = linkedForms().values().stream().flatMap(java.util.Set::stream).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    assertThat(linked).contains("risk-assessment", "policy-approval", "board-report-signoff");
    var http = HttpClient.newHttpClient();

    var imported =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> {
                  var response =
                      http.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opensearchPort + "/tasklist-form-*/_search?size=200&_source_excludes=schema")).GET().build(),
                          HttpResponse.BodyHandlers.ofString());
                  var ids = new java.util.TreeSet<String>();
                  json.readTree(response.body()).path("hits").path("hits").forEach(h -> {
                    if (!h.path("_source").path("isDeleted").asBoolean(false) && !h.path("_source").path("embedded").asBoolean(false)) {
                      ids.add(h.path("_source").path("bpmnId").asText());
                    }
                  });
                  return ids;
                },
                ids -> ids.containsAll(linked));
    assertThat(imported).containsAll(linked);
  }

  /** The form ids linked from the user tasks of each model in bpmn/. */
  private static Map<String, java.util.Set<String>> linkedForms() throws Exception {
    var linked = new java.util.TreeMap<String, java.util.Set<String>>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var model = io.camunda.zeebe.model.bpmn.Bpmn.readModelFromFile(file.toFile());
        for (var process : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)) {
          for (var task : process.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.UserTask.class)) {
            collect(linked, process.getId(), task);
          }
          for (var sub : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.SubProcess.class)) {
            for (var task : sub.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.UserTask.class)) {
              collect(linked, process.getId(), task);
            }
          }
        }
      }
    }
    return linked;
  }

  private static void collect(Map<String, java.util.Set<String>> linked, String processId, io.camunda.zeebe.model.bpmn.instance.UserTask task) {
    var form = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class);
    if (form != null && form.getFormId() != null && !form.getFormId().isBlank()) {
      linked.computeIfAbsent(processId, k -> new java.util.TreeSet<>()).add(form.getFormId());
    }
  }

  /**
   * In a real browser (Debian's headless Chromium, driven by playwright-core from e2e/): a risk
   * owner signs in to Tasklist, opens "Assess risk", fills its form and completes it; a manager
   * sees the instance in Operate. Screenshots go to target/e2e-screenshots. Without Node.js, the
   * e2e packages or Chromium it is reported as skipped, with what to install.
   */
  @Test
  void inTheBrowserARiskOwnerCompletesAssessRiskInTasklistAndAManagerSeesTheInstanceInOperate() throws Exception {
    BrowserTests.assumeAvailable();
    var inbox = new TaskInbox(http);
    inbox.as("ciso.anna").postForEntity("/api/register/sample", null, Map.class);
    var review = ((Number) inbox.as("ciso.anna").postForEntity("/api/risk-reviews", Map.of("riskIds", List.of("R-005")), Map.class).getBody().get("processInstanceKey")).longValue();
    var owner = (String) inbox.as("ciso.anna").getForObject("/api/risks/R-005", Map.class).get("owner");
    var tasklist = new WebappSession(URI.create("http://127.0.0.1:" + tasklistPort));
    tasklist.login(owner, "demo");
    // Tasklist completes a task's document (form id and version) in a second import step
    var task =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(() -> find(tasklist.post("/v1/tasks/search", "{\"state\": \"CREATED\"}"), review), t -> t != null && t.hasNonNull("formId") && t.hasNonNull("formVersion"));
    // Tasklist imports forms on its own schedule; until it has this one it shows the task's variables instead
    await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
        .until(() -> tasklist.get("/v1/forms/" + task.path("formId").asText() + "?processDefinitionKey=" + task.path("processDefinitionKey").asText() + "&version=" + task.path("formVersion").asText()), f -> f.has("schema"));

    var result =
        BrowserTests.run(
            "tasklist-operate.mjs",
            Map.of(
                "TASKLIST_URL", "http://127.0.0.1:" + tasklistPort + "/tasklist",
                "OPERATE_URL", "http://127.0.0.1:" + operatePort + "/operate",
                "OWNER", owner,
                "VIEWER", "exec.eva",
                "INSTANCE", Long.toString(review),
                "TASK", task.path("id").asText()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    var assessment =
        await().atMost(TaskInbox.PATIENCE).ignoreExceptions()
            .until(
                () -> inbox.list("ciso.anna", "/api/risks/R-005/assessments").stream().filter(a -> ((Number) a.get("reviewKey")).longValue() == review).findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(assessment).containsEntry("assessedBy", owner).containsEntry("likelihood", 1).containsEntry("impact", 3);
    assertThat(BrowserTests.SCREENSHOTS.resolve("tasklist-assess-risk-form.png")).isNotEmptyFile();
    assertThat(BrowserTests.SCREENSHOTS.resolve("operate-instance.png")).isNotEmptyFile();
  }

  @Test
  void theAppsHealthShowsWhereOperateAndTasklistAre() {
    var health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"UP\"");
  }

  private static JsonNode find(JsonNode tasks, long processInstanceKey) {
    for (var task : tasks) {
      if (task.path("processInstanceKey").asText().equals(Long.toString(processInstanceKey))) {
        return task;
      }
    }
    return null;
  }

  /** A signed-in browser-like session with Operate or Tasklist: session cookie and CSRF token. */
  private final class WebappSession {
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf = "";

    WebappSession(URI base) {
      this.base = base;
    }

    int login(String user, String password) throws Exception {
      var response =
          client.send(
              HttpRequest.newBuilder(base.resolve("/api/login?username=" + user + "&password=" + password)).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      csrf = response.headers().firstValue("X-CSRF-TOKEN").orElse("");
      return response.statusCode();
    }

    JsonNode post(String path, String body) throws Exception {
      return send("POST", path, body);
    }

    JsonNode patch(String path, String body) throws Exception {
      return send("PATCH", path, body);
    }

    JsonNode get(String path) throws Exception {
      var response =
          client.send(HttpRequest.newBuilder(base.resolve(path)).header("X-CSRF-TOKEN", csrf).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
      return json.readTree(response.body());
    }

    private JsonNode send(String method, String path, String body) throws Exception {
      var response =
          client.send(
              HttpRequest.newBuilder(base.resolve(path))
                  .header("Content-Type", "application/json")
                  .header("X-CSRF-TOKEN", csrf)
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
      return json.readTree(response.body());
    }
  }
}
