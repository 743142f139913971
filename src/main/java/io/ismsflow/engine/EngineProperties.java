package io.ismsflow.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the process engine runs.
 *
 * @param mode {@code auto} (default): the local broker unless a remote cluster is configured
 *     ({@code camunda.client.grpc-address} or SaaS mode); {@code embedded}; {@code remote}
 * @param embedded the local broker
 */
@ConfigurationProperties("isms.engine")
record EngineProperties(@DefaultValue("auto") Mode mode, @DefaultValue Embedded embedded) {

  enum Mode {
    AUTO,
    EMBEDDED,
    REMOTE
  }

  /**
   * The local Zeebe broker, a child process of the app.
   *
   * @param distribution the unpacked {@code camunda-zeebe} distribution (the build unpacks it)
   * @param exporterJar the process journal exporter jar (the build makes it)
   * @param dataDirectory the broker's data; it survives restarts
   * @param host loopback address every broker port binds to
   * @param grpcPort gateway gRPC port (0: any free port)
   * @param restPort gateway REST port (0: any free port)
   * @param monitoringPort health and metrics port (0: any free port)
   * @param commandPort broker command API port (0: any free port)
   * @param internalPort broker cluster-internal port (0: any free port)
   * @param startupTimeout how long to wait for the broker to become healthy
   * @param javaOptions JVM options of the broker process
   * @param clockControlled lets tests move the engine clock over {@code /v2/clock}; never in production
   * @param environment further {@code ZEEBE_*} settings passed to the broker as they are
   * @param webapps Camunda Operate and Tasklist next to the broker, on a local OpenSearch
   */
  record Embedded(
      @DefaultValue("target/runtime/camunda-zeebe-8.6.0") Path distribution,
      @DefaultValue("exporter/target/isms-journal-exporter.jar") Path exporterJar,
      @DefaultValue("data/zeebe") Path dataDirectory,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("26500") int grpcPort,
      @DefaultValue("8088") int restPort,
      @DefaultValue("9600") int monitoringPort,
      @DefaultValue("26501") int commandPort,
      @DefaultValue("26502") int internalPort,
      @DefaultValue("120s") Duration startupTimeout,
      @DefaultValue({"-Xms128m", "-Xmx768m"}) List<String> javaOptions,
      @DefaultValue("false") boolean clockControlled,
      Map<String, String> environment,
      @DefaultValue Webapps webapps) {

    Embedded {
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    boolean webappsEnabled() {
      return webapps != null && webapps.enabled();
    }
  }

  /**
   * Camunda Operate and Tasklist 8.6 from the same distribution as the broker, with a local
   * OpenSearch node as their secondary storage; all child processes of the app, on loopback.
   *
   * @param enabled whether they run ({@code false}: the broker alone, lighter and faster to start)
   * @param opensearchHome the built local OpenSearch launcher: {@code isms-local-opensearch.jar} and {@code lib/}
   * @param dataDirectory OpenSearch's data and the webapps' logs; it survives restarts
   * @param opensearchPort OpenSearch HTTP port (0: any free port)
   * @param opensearchTransportPort OpenSearch transport port (0: any free port)
   * @param operatePort Operate's web port (0: any free port)
   * @param tasklistPort Tasklist's web port (0: any free port)
   * @param operateManagementPort Operate's health port (0: any free port)
   * @param tasklistManagementPort Tasklist's health port (0: any free port)
   * @param operateClusterPort the port Operate joins the broker's cluster on (0: any free port)
   * @param tasklistClusterPort the port Tasklist joins the broker's cluster on (0: any free port)
   * @param startupTimeout how long to wait for each of them
   * @param opensearchJavaOptions, operateJavaOptions, tasklistJavaOptions their JVM options
   */
  record Webapps(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("opensearch/target") Path opensearchHome,
      @DefaultValue("data/webapps") Path dataDirectory,
      @DefaultValue("9200") int opensearchPort,
      @DefaultValue("9300") int opensearchTransportPort,
      @DefaultValue("8081") int operatePort,
      @DefaultValue("8082") int tasklistPort,
      @DefaultValue("9601") int operateManagementPort,
      @DefaultValue("9602") int tasklistManagementPort,
      @DefaultValue("26503") int operateClusterPort,
      @DefaultValue("26504") int tasklistClusterPort,
      @DefaultValue("180s") Duration startupTimeout,
      @DefaultValue({"-Xms256m", "-Xmx512m"}) List<String> opensearchJavaOptions,
      @DefaultValue({"-Xms128m", "-Xmx512m"}) List<String> operateJavaOptions,
      @DefaultValue({"-Xms128m", "-Xmx512m"}) List<String> tasklistJavaOptions) {}
}
