package io.ismsflow.engine;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final EngineProperties.Embedded settings;
  private final String journalMongoUrl;
  private final String journalDatabase;
  private final Map<String, String> exporterEnvironment;
  private ChildProcess process;

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
    requireJava21();
    var dataDirectory = createDirectories(settings.dataDirectory().toAbsolutePath().normalize());
    process = new ChildProcess("the local Zeebe broker", MAIN_CLASS, dataDirectory, "broker").explainingFailuresWith(LocalZeebeBroker::explainFailure);
    process.stopLeftover();
    requirePortsFree();
    var javaOptions = new ArrayList<>(settings.javaOptions());
    javaOptions.addAll(List.of("-Xshare:auto", "-Dapp.name=broker", "-Dapp.home=" + distribution, "-Dbasedir=" + distribution));
    log.info(
        "Engine: starting the local Zeebe broker 8.6 (gRPC {}:{}, REST {}:{}, data in {}, log in {})",
        settings.host(), settings.grpcPort(), settings.host(), settings.restPort(), dataDirectory, process.logFile());
    process.start(
        javaOptions,
        List.of(distribution.resolve("config").toString(), distribution.resolve("lib") + File.separator + "*"),
        List.of(),
        environment(dataDirectory, exporterJar));
    var health = URI.create("http://" + settings.host() + ":" + settings.monitoringPort() + "/actuator/health/status");
    process.awaitHealthy(health, body -> body.contains("\"UP\""), settings.startupTimeout());
    process.awaitHealthy(restAddress().resolve("/v2/topology"), LocalZeebeBroker::hasHealthyLeader, settings.startupTimeout());
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
    return process != null && process.isRunning();
  }

  URI restAddress() {
    return URI.create("http://" + settings.host() + ":" + settings.restPort());
  }

  @Override
  public void close() {
    if (process != null && process.isRunning()) {
      process.close();
      log.info("Engine: local Zeebe broker stopped");
    } else if (process != null) {
      process.close();
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

  private static void requireJava21() {
    if (Runtime.version().feature() < 21) {
      throw new LocalEngineException(
          "The local Zeebe broker needs Java 21 or newer, but the app runs on Java " + Runtime.version()
              + ". Start it with './isms run', which finds a JDK 21+, or set JAVA_HOME to one.");
    }
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

  private static boolean hasHealthyLeader(String topologyJson) {
    return topologyJson.contains("\"role\":\"leader\"") && topologyJson.contains("\"health\":\"healthy\"");
  }

  /** The broker's own words for its common failures, from the end of its log. */
  private static String explainFailure(String logTail) {
    if (logTail.contains("ExporterJarLoadException") || logTail.contains("JournalExporter")) {
      return "It could not load the process journal exporter (rebuild with './isms build').";
    }
    if (logTail.contains("disk") && logTail.contains("free")) {
      return "The disk of its data directory is (nearly) full.";
    }
    return "";
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new LocalEngineException("Cannot create the broker data directory " + directory + ": " + e.getMessage(), e);
    }
  }
}
