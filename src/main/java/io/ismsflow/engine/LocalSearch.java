package io.ismsflow.engine;

import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local OpenSearch node, secondary storage of the local Operate and Tasklist: a child process
 * on loopback ({@code opensearch/} module), started before the broker so that the broker's
 * OpenSearch exporter finds it, stopped after the broker.
 */
final class LocalSearch implements AutoCloseable {

  static final String MAIN_CLASS = "io.ismsflow.search.LocalOpenSearch";
  private static final Logger log = LoggerFactory.getLogger(LocalSearch.class);

  private final EngineProperties.Embedded settings;
  private final EngineProperties.Webapps webapps;
  private final ChildProcess process;

  LocalSearch(EngineProperties.Embedded settings) {
    this.settings = settings;
    this.webapps = settings.webapps();
    this.process = new ChildProcess("OpenSearch", MAIN_CLASS, webapps.dataDirectory().toAbsolutePath().normalize());
  }

  URI url() {
    return URI.create("http://" + settings.host() + ":" + webapps.opensearchPort());
  }

  void start() {
    var started = System.nanoTime();
    var home = webapps.opensearchHome().toAbsolutePath().normalize();
    var launcher = home.resolve("isms-local-opensearch.jar");
    if (!Files.isRegularFile(launcher) || !Files.isDirectory(home.resolve("lib"))) {
      throw new LocalEngineException(
          "The local OpenSearch for Operate and Tasklist is not built at " + home + ". Build first with './isms build',"
              + " or run without the webapps (isms.engine.embedded.webapps.enabled=false).");
    }
    process.stopLeftover(); // one left by an app killed hard holds the ports
    Ports.requireFree(
        settings.host(), "OpenSearch",
        Map.of("OpenSearch HTTP (isms.engine.embedded.webapps.opensearch-port)", webapps.opensearchPort(),
            "OpenSearch transport (isms.engine.embedded.webapps.opensearch-transport-port)", webapps.opensearchTransportPort()));
    var data = webapps.dataDirectory().toAbsolutePath().normalize().resolve("opensearch");
    log.info("Engine: starting OpenSearch for Operate and Tasklist ({}, data in {}, log in {})", url(), data, process.logFile());
    process.start(
        webapps.opensearchJavaOptions(),
        List.of(launcher.toString(), home.resolve("lib") + "/*"),
        List.of("--http-port=" + webapps.opensearchPort(), "--transport-port=" + webapps.opensearchTransportPort(), "--data=" + data),
        Map.of());
    process.awaitHealthy(url().resolve("/_cluster/health"), body -> body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""), webapps.startupTimeout());
    log.info("Engine: OpenSearch ready at {} in {} s", url(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
  }

  /** What the broker needs to export its records to this node, for Operate and Tasklist to import. */
  Map<String, String> brokerExporterEnvironment() {
    var env = new LinkedHashMap<String, String>();
    env.put("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_CLASSNAME", "io.camunda.zeebe.exporter.opensearch.OpensearchExporter");
    env.put("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_ARGS_URL", url().toString());
    env.put("ZEEBE_BROKER_EXPORTERS_OPENSEARCH_ARGS_BULK_SIZE", "1");
    return env;
  }

  boolean isRunning() {
    return process.isRunning();
  }

  @Override
  public void close() {
    process.close();
  }
}
