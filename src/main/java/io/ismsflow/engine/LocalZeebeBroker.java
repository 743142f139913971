package io.ismsflow.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Zeebe 8.6 broker (with embedded gateway) as a child process of the app: started with
 * its data under the data directory, awaited until its partition has a healthy leader, and stopped
 * with the app. A broker left running by an app that was killed hard is found by its pid file and
 * stopped at the next start, so no orphan outlives a restart.
 */
final class LocalZeebeBroker implements AutoCloseable {

  static final String MAIN_CLASS = "io.camunda.application.StandaloneBroker";
  private static final Logger log = LoggerFactory.getLogger(LocalZeebeBroker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final EngineProperties.Embedded settings;
  private final String journalMongoUrl;
  private final String journalDatabase;
  private final Map<String, String> exporterEnvironment;
  private final Thread killOnJvmExit = new Thread(this::destroyIfAlive, "local-zeebe-broker-stop");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path pidFile;
  private Path logFile;

  LocalZeebeBroker(EngineProperties.Embedded settings, String journalMongoUrl, String journalDatabase) {
    this(settings, journalMongoUrl, journalDatabase, Map.of());
  }

  /** @param exporterEnvironment settings of further exporters, e.g. to the local OpenSearch */
  LocalZeebeBroker(EngineProperties.Embedded settings, String journalMongoUrl, String journalDatabase, Map<String, String> exporterEnvironment) {
    this.settings = settings;
    this.journalMongoUrl = journalMongoUrl;
    this.journalDatabase = journalDatabase;
    this.exporterEnvironment = Map.copyOf(exporterEnvironment);
  }

  void start() {
    var started = System.nanoTime();
    var distribution = settings.distribution().toAbsolutePath().normalize();
    var exporterJar = settings.exporterJar().toAbsolutePath().normalize();
    requireBuilt(distribution, exporterJar);
    var java = javaExecutable();
    var dataDirectory = createDirectories(settings.dataDirectory().toAbsolutePath().normalize());
    pidFile = dataDirectory.resolve("broker.pid");
    logFile = dataDirectory.resolve("broker.log");
    stopLeftoverBroker();
    requirePortsFree();

    var command = new ArrayList<String>();
    command.add(java);
    command.addAll(settings.javaOptions());
    command.addAll(
        List.of(
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED",
            "-Dfile.encoding=UTF-8",
            "-Xshare:auto",
            "-cp",
            distribution.resolve("config") + File.pathSeparator + distribution.resolve("lib") + File.separator + "*",
            "-Dapp.name=broker",
            "-Dapp.home=" + distribution,
            "-Dbasedir=" + distribution,
            MAIN_CLASS));
    var builder =
        new ProcessBuilder(command)
            .directory(dataDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment(dataDirectory, exporterJar));

    log.info(
        "Engine: starting the local Zeebe broker 8.6 (gRPC {}:{}, REST {}:{}, data in {}, log in {})",
        settings.host(), settings.grpcPort(), settings.host(), settings.restPort(), dataDirectory, logFile);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LocalEngineException("Cannot start the local Zeebe broker with " + java + ": " + e.getMessage(), e);
    }
    writePidFile();
    // a safety net for a JVM that ends before the Spring context could close (e.g. Ctrl-C during startup)
    Runtime.getRuntime().addShutdownHook(killOnJvmExit);
    awaitHealthy();
    log.info(
        "Engine: local Zeebe broker ready in {} s (pid {})",
        String.format("%.1f", (System.nanoTime() - started) / 1e9), process.pid());
  }

  Map<String, String> environment(Path dataDirectory, Path exporterJar) {
    var env = new LinkedHashMap<String, String>();
    env.put("ZEEBE_BROKER_GATEWAY_ENABLE", "true");
    env.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", settings.host());
    env.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(settings.grpcPort()));
    env.put("ZEEBE_BROKER_NETWORK_HOST", settings.host());
    env.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(settings.commandPort()));
    env.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(settings.internalPort()));
    env.put("SERVER_ADDRESS", settings.host());
    env.put("SERVER_PORT", Integer.toString(settings.restPort()));
    env.put("MANAGEMENT_SERVER_ADDRESS", settings.host());
    env.put("MANAGEMENT_SERVER_PORT", Integer.toString(settings.monitoringPort()));
    env.put("ZEEBE_BROKER_DATA_DIRECTORY", dataDirectory.resolve("broker").toString());
    env.put("ZEEBE_BROKER_EXPORTERS_JOURNAL_CLASSNAME", "io.ismsflow.journal.exporter.JournalExporter");
    env.put("ZEEBE_BROKER_EXPORTERS_JOURNAL_JARPATH", exporterJar.toString());
    env.put("ZEEBE_BROKER_EXPORTERS_JOURNAL_ARGS_URL", journalMongoUrl);
    env.put("ZEEBE_BROKER_EXPORTERS_JOURNAL_ARGS_DATABASE", journalDatabase);
    env.put("ZEEBE_CLOCK_CONTROLLED", Boolean.toString(settings.clockControlled()));
    env.putAll(exporterEnvironment);
    env.putAll(settings.environment());
    return env;
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  URI restAddress() {
    return URI.create("http://" + settings.host() + ":" + settings.restPort());
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      log.info("Engine: stopping the local Zeebe broker (pid {})", process.pid());
      destroyIfAlive();
      log.info("Engine: local Zeebe broker stopped");
    }
    deletePidFile();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnJvmExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutdown in progress, or the hook was never added: nothing to remove
    }
  }

  /** Asks the broker to stop (SIGTERM) and kills it if it has not stopped in time. */
  private void destroyIfAlive() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("Engine: the broker did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void requireBuilt(Path distribution, Path exporterJar) {
    if (!Files.isDirectory(distribution.resolve("lib"))) {
      throw new LocalEngineException(
          "The local Zeebe broker is not unpacked at " + distribution + ". Build first with './isms build'"
              + " (it unpacks io.camunda:camunda-zeebe:8.6.0 from Maven Central), or point"
              + " isms.engine.embedded.distribution at an unpacked camunda-zeebe-8.6.0.");
    }
    if (!Files.isRegularFile(exporterJar)) {
      throw new LocalEngineException(
          "The process journal exporter jar is missing at " + exporterJar + ". Build first with './isms build',"
              + " or point isms.engine.embedded.exporter-jar at it.");
    }
  }

  private static String javaExecutable() {
    if (Runtime.version().feature() < 21) {
      throw new LocalEngineException(
          "The local Zeebe broker needs Java 21 or newer, but the app runs on Java " + Runtime.version()
              + ". Start it with './isms run', which finds a JDK 21+, or set JAVA_HOME to one.");
    }
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private void requirePortsFree() {
    var ports = new LinkedHashMap<String, Integer>();
    ports.put("Zeebe gRPC gateway (isms.engine.embedded.grpc-port)", settings.grpcPort());
    ports.put("Zeebe REST API (isms.engine.embedded.rest-port)", settings.restPort());
    ports.put("Zeebe monitoring (isms.engine.embedded.monitoring-port)", settings.monitoringPort());
    ports.put("Zeebe command API (isms.engine.embedded.command-port)", settings.commandPort());
    ports.put("Zeebe internal API (isms.engine.embedded.internal-port)", settings.internalPort());
    Ports.requireFree(settings.host(), "the local Zeebe broker", ports);
  }

  private void stopLeftoverBroker() {
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try {
      var pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(MAIN_CLASS)).orElse(false))
          .ifPresent(
              leftover -> {
                log.warn(
                    "Engine: a broker from an earlier run is still running on this data directory (pid {}); stopping it",
                    pid);
                leftover.destroy();
                try {
                  leftover.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                  leftover.destroyForcibly();
                }
              });
    } catch (IOException | NumberFormatException e) {
      log.debug("Ignoring unreadable pid file {}", pidFile, e);
    }
    deletePidFile();
  }

  private void awaitHealthy() {
    var deadline = System.nanoTime() + settings.startupTimeout().toNanos();
    var health = URI.create("http://" + settings.host() + ":" + settings.monitoringPort() + "/actuator/health/status");
    var topology = restAddress().resolve("/v2/topology");
    var lastProgress = System.nanoTime();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new LocalEngineException(
            "The local Zeebe broker exited during startup (exit code " + process.exitValue() + "). "
                + explainFailure() + " Its log: " + logFile);
      }
      if (get(health).contains("\"UP\"") && hasHealthyLeader(get(topology))) {
        return;
      }
      if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(10)) {
        log.info("Engine: waiting for the local Zeebe broker to become healthy...");
        lastProgress = System.nanoTime();
      }
      sleep(250);
    }
    close();
    throw new LocalEngineException(
        "The local Zeebe broker did not become healthy within " + settings.startupTimeout().toSeconds()
            + " s (isms.engine.embedded.startup-timeout). " + explainFailure() + " Its log: " + logFile);
  }

  private static boolean hasHealthyLeader(String topologyJson) {
    return topologyJson.contains("\"role\":\"leader\"") && topologyJson.contains("\"health\":\"healthy\"");
  }

  private String get(URI uri) {
    try {
      var response =
          http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalEngineException("Interrupted while waiting for the local Zeebe broker", e);
    }
  }

  /** The broker's own words for the most common failures, from the end of its log. */
  private String explainFailure() {
    var tail = tail(logFile, 200);
    if (tail.contains("Address already in use")) {
      return "A port it needs is already in use (another ISMS Flow or Zeebe running?).";
    }
    if (tail.contains("UnsupportedClassVersionError")) {
      return "Its Java is too old: it needs Java 21+.";
    }
    if (tail.contains("ExporterJarLoadException") || tail.contains("JournalExporter")) {
      return "It could not load the process journal exporter (rebuild with './isms build').";
    }
    if (tail.contains("disk") && tail.contains("free")) {
      return "The disk of its data directory is (nearly) full.";
    }
    return "";
  }

  private static String tail(Path file, int lines) {
    try {
      var all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private void writePidFile() {
    try {
      Files.writeString(pidFile, Long.toString(process.pid()));
    } catch (IOException e) {
      log.warn("Engine: cannot write the broker pid file {}: {}", pidFile, e.getMessage());
    }
  }

  private void deletePidFile() {
    try {
      if (pidFile != null) {
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      log.debug("Cannot delete {}", pidFile, e);
    }
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new LocalEngineException("Cannot create the broker data directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalEngineException("Interrupted while waiting for the local Zeebe broker", e);
    }
  }
}
