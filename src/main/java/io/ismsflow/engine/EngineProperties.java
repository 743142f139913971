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
      Map<String, String> environment) {

    Embedded {
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
  }
}
