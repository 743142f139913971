package io.ismsflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ismsflow.identity.UserDirectory.LocalAccount;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda Operate and Tasklist 8.6 from the broker's distribution, as child processes of the app
 * on loopback, reading what the broker exports to the local OpenSearch. Without Camunda Identity
 * they know users from their own user index: the app writes its local users there (same names,
 * same bcrypt password hashes), with roles from their ISMS groups.
 */
final class LocalWebapps implements AutoCloseable {

  static final String OPERATE = "io.camunda.application.StandaloneOperate";
  static final String TASKLIST = "io.camunda.application.StandaloneTasklist";
  private static final Logger log = LoggerFactory.getLogger(LocalWebapps.class);

  private final EngineProperties.Embedded settings;
  private final EngineProperties.Webapps webapps;
  private final LocalSearch search;
  private final List<LocalAccount> accounts;
  private final ChildProcess operate;
  private final ChildProcess tasklist;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  LocalWebapps(EngineProperties.Embedded settings, LocalSearch search, List<LocalAccount> accounts) {
    this.settings = settings;
    this.webapps = settings.webapps();
    this.search = search;
    this.accounts = List.copyOf(accounts);
    var logs = webapps.dataDirectory().toAbsolutePath().normalize();
    this.operate = new ChildProcess("Operate", OPERATE, logs.resolve("operate"));
    this.tasklist = new ChildProcess("Tasklist", TASKLIST, logs.resolve("tasklist"));
  }

  URI operateUrl() {
    return URI.create("http://" + settings.host() + ":" + webapps.operatePort() + "/operate");
  }

  URI tasklistUrl() {
    return URI.create("http://" + settings.host() + ":" + webapps.tasklistPort() + "/tasklist");
  }

  /** Starts both, waits for both, then lets the local users sign in to them. */
  void start() {
    var started = System.nanoTime();
    var ports = new LinkedHashMap<String, Integer>();
    ports.put("Operate (isms.engine.embedded.webapps.operate-port)", webapps.operatePort());
    ports.put("Operate health (isms.engine.embedded.webapps.operate-management-port)", webapps.operateManagementPort());
    ports.put("Operate cluster membership (isms.engine.embedded.webapps.operate-cluster-port)", webapps.operateClusterPort());
    ports.put("Tasklist (isms.engine.embedded.webapps.tasklist-port)", webapps.tasklistPort());
    ports.put("Tasklist health (isms.engine.embedded.webapps.tasklist-management-port)", webapps.tasklistManagementPort());
    ports.put("Tasklist cluster membership (isms.engine.embedded.webapps.tasklist-cluster-port)", webapps.tasklistClusterPort());
    operate.stopLeftover(); // ones left by an app killed hard hold the ports
    tasklist.stopLeftover();
    Ports.requireFree(settings.host(), "Operate and Tasklist", ports);
    var distribution = settings.distribution().toAbsolutePath().normalize();
    var classPath = List.of(distribution.resolve("config").toString(), distribution.resolve("lib") + File.separator + "*");
    var password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    log.info("Engine: starting Operate ({}) and Tasklist ({}); logs in {}", operateUrl(), tasklistUrl(), webapps.dataDirectory().toAbsolutePath().normalize());
    operate.start(webapps.operateJavaOptions(), classPath, List.of(), environment("OPERATE", "operate", webapps.operatePort(), webapps.operateManagementPort(), webapps.operateClusterPort(), password));
    tasklist.start(webapps.tasklistJavaOptions(), classPath, List.of(), environment("TASKLIST", "tasklist", webapps.tasklistPort(), webapps.tasklistManagementPort(), webapps.tasklistClusterPort(), password));
    try {
      CompletableFuture.allOf(
              CompletableFuture.runAsync(() -> {
                operate.awaitHealthy(health(webapps.operateManagementPort()), body -> body.contains("\"UP\""), webapps.startupTimeout());
                log.info("Engine: Operate ready at {}", operateUrl());
              }),
              CompletableFuture.runAsync(() -> {
                tasklist.awaitHealthy(health(webapps.tasklistManagementPort()), body -> body.contains("\"UP\""), webapps.startupTimeout());
                log.info("Engine: Tasklist ready at {}", tasklistUrl());
              }))
          .join();
    } catch (CompletionException e) {
      close();
      throw e.getCause() instanceof LocalEngineException failure ? failure : new LocalEngineException("Operate or Tasklist did not start: " + e.getCause(), e);
    }
    writeUsers();
    log.info("Engine: Operate and Tasklist ready in {} s; sign in with the app's local users", String.format("%.1f", (System.nanoTime() - started) / 1e9));
  }

  Map<String, String> environment(String app, String memberId, int port, int managementPort, int clusterPort, String password) {
    var env = new LinkedHashMap<String, String>();
    var prefix = "CAMUNDA_" + app + "_";
    env.put("SERVER_ADDRESS", settings.host());
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("MANAGEMENT_SERVER_ADDRESS", settings.host());
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
    env.put("CAMUNDA_DATABASE_TYPE", "opensearch");
    env.put(prefix + "DATABASE", "opensearch");
    env.put(prefix + "OPENSEARCH_URL", search.url().toString());
    env.put(prefix + "ZEEBEOPENSEARCH_URL", search.url().toString());
    env.put(prefix + "ZEEBE_GATEWAYADDRESS", settings.host() + ":" + settings.grpcPort());
    env.put(prefix + "ZEEBE_RESTADDRESS", "http://" + settings.host() + ":" + settings.restPort());
    // the built-in user: unused (the app writes its own users), with a password nobody knows
    env.put(prefix + "USERID", "isms-local-" + memberId);
    env.put(prefix + "PASSWORD", password);
    env.put(prefix + "DISPLAYNAME", "ISMS Flow (local)");
    env.put("ZEEBE_GATEWAY_CLUSTER_MEMBERID", memberId);
    env.put("ZEEBE_GATEWAY_CLUSTER_HOST", settings.host());
    env.put("ZEEBE_GATEWAY_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("ZEEBE_GATEWAY_CLUSTER_INITIALCONTACTPOINTS", settings.host() + ":" + settings.internalPort());
    return env;
  }

  private URI health(int managementPort) {
    return URI.create("http://" + settings.host() + ":" + managementPort + "/actuator/health/readiness");
  }

  /** Writes the local users into Operate's and Tasklist's user indices; runs at every start, so changes in configuration arrive. */
  private void writeUsers() {
    if (accounts.isEmpty()) {
      log.info("Engine: people are managed by an identity provider; Operate and Tasklist know only their built-in user");
      return;
    }
    var written = new ArrayList<String>();
    for (var index : userIndices()) {
      var tasklistIndex = index.startsWith("tasklist-");
      var fields = mappedFields(index);
      for (var account : accounts) {
        var document = new LinkedHashMap<String, Object>();
        if (fields.contains("id")) {
          document.put("id", account.username());
        }
        document.put("userId", account.username());
        document.put("displayName", account.displayName());
        document.put("password", account.bcryptHash());
        document.put("roles", List.of(tasklistIndex ? tasklistRole(account.groups()) : operateRole(account.groups())));
        put(index, account.username(), document);
      }
      written.add(index);
    }
    log.info("Engine: {} local users can sign in to Operate and Tasklist with their ISMS Flow passwords ({})", accounts.size(), written);
  }

  /**
   * Waits until Tasklist has imported the forms: a task it imports before its linked form never
   * shows that form (Tasklist 8.6 then offers a variables editor). Says so, and goes on, if it
   * takes longer than the timeout.
   */
  void awaitFormsImported(java.util.Set<String> formIds, Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var missing = new java.util.TreeSet<>(formIds);
    while (true) {
      try {
        var hits = json.readTree(send(HttpRequest.newBuilder(search.url().resolve("/tasklist-form-*/_search?size=1000&_source_includes=bpmnId")).GET()));
        hits.path("hits").path("hits").forEach(h -> missing.remove(h.path("_source").path("bpmnId").asText()));
      } catch (IOException | LocalEngineException e) {
        // the form index may not exist yet
      }
      if (missing.isEmpty()) {
        log.info("Engine: Tasklist has the {} forms of the ISMS cycles", formIds.size());
        return;
      }
      if (System.nanoTime() > deadline) {
        log.warn("Engine: Tasklist has not imported the forms {} within {} s; tasks created before it does are shown without their form", missing, timeout.toSeconds());
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String tasklistRole(List<String> groups) {
    if (groups.contains("admin")) {
      return "OWNER";
    }
    return groups.size() == 1 && groups.contains("auditor") ? "READER" : "OPERATOR";
  }

  static String operateRole(List<String> groups) {
    if (groups.contains("admin")) {
      return "OWNER";
    }
    return groups.contains("ciso") ? "OPERATOR" : "USER";
  }

  /** The user indices, e.g. {@code operate-user-1.2.0_} and {@code tasklist-user-1.4.0_} (not {@code operate-user-task-...}). */
  private List<String> userIndices() {
    var indices = new ArrayList<String>();
    for (var pattern : List.of("operate-user-*", "tasklist-user-*")) {
      var body = send(HttpRequest.newBuilder(search.url().resolve("/_cat/indices/" + pattern + "?h=index")).GET());
      body.lines().map(String::strip).filter(l -> l.matches("(operate|tasklist)-user-[0-9][0-9.]*_")).forEach(indices::add);
    }
    if (indices.size() < 2) {
      throw new LocalEngineException("Operate and Tasklist started, but their user indices are missing in OpenSearch (found " + indices + ")");
    }
    return indices;
  }

  private java.util.Set<String> mappedFields(String index) {
    try {
      var mapping = json.readTree(send(HttpRequest.newBuilder(search.url().resolve("/" + index + "/_mapping")).GET()));
      var fields = new java.util.HashSet<String>();
      mapping.path(index).path("mappings").path("properties").fieldNames().forEachRemaining(fields::add);
      return fields;
    } catch (IOException e) {
      throw new LocalEngineException("Cannot read the mapping of " + index + ": " + e.getMessage(), e);
    }
  }

  private void put(String index, String id, Map<String, Object> document) {
    try {
      send(
          HttpRequest.newBuilder(search.url().resolve("/" + index + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?refresh=true"))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(document))));
    } catch (IOException e) {
      throw new LocalEngineException("Cannot write user " + id + " for Operate and Tasklist: " + e.getMessage(), e);
    }
  }

  private String send(HttpRequest.Builder request) {
    try {
      var response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new LocalEngineException("OpenSearch refused " + response.request().method() + " " + response.uri().getPath() + ": " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new LocalEngineException("OpenSearch is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalEngineException("Interrupted", e);
    }
  }

  boolean isRunning() {
    return operate.isRunning() && tasklist.isRunning();
  }

  @Override
  public void close() {
    operate.close();
    tasklist.close();
  }
}
