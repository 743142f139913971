package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local broker's start-up checks, which fail in plain words before anything is started. */
class LocalZeebeBrokerTest {

  @TempDir Path temp;

  @Test
  void aMissingDistributionSaysHowToBuildIt() {
    var broker = new LocalZeebeBroker(settings(temp.resolve("nowhere"), temp.resolve("exporter.jar"), 26500), "mongodb://x/isms", "isms");
    assertThatThrownBy(broker::start)
        .isInstanceOf(LocalEngineException.class)
        .hasMessageContaining("not unpacked")
        .hasMessageContaining("./isms build");
  }

  @Test
  void aMissingExporterJarSaysHowToBuildIt() throws Exception {
    var distribution = Files.createDirectories(temp.resolve("dist/lib")).getParent();
    var broker = new LocalZeebeBroker(settings(distribution, temp.resolve("missing.jar"), 26500), "mongodb://x/isms", "isms");
    assertThatThrownBy(broker::start)
        .isInstanceOf(LocalEngineException.class)
        .hasMessageContaining("exporter jar is missing");
  }

  @Test
  void aBusyPortIsNamedWithTheSettingThatMovesIt() throws Exception {
    var distribution = Files.createDirectories(temp.resolve("dist/lib")).getParent();
    var exporter = Files.createFile(temp.resolve("exporter.jar"));
    try (var busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      var broker = new LocalZeebeBroker(settings(distribution, exporter, busy.getLocalPort()), "mongodb://x/isms", "isms");
      assertThatThrownBy(broker::start)
          .isInstanceOf(LocalEngineException.class)
          .hasMessageContaining("port " + busy.getLocalPort())
          .hasMessageContaining("isms.engine.embedded.grpc-port")
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void theBrokerGetsLoopbackPortsTheJournalAndExtraSettings() {
    var broker =
        new LocalZeebeBroker(settings(temp, temp.resolve("exporter.jar"), 26600), "mongodb://127.0.0.1:1/isms", "isms");
    var env = broker.environment(temp.resolve("data"), temp.resolve("exporter.jar"));
    assertThat(env)
        .containsEntry("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", "127.0.0.1")
        .containsEntry("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", "26600")
        .containsEntry("SERVER_PORT", "18088")
        .containsEntry("MANAGEMENT_SERVER_PORT", "19600")
        .containsEntry("ZEEBE_BROKER_EXPORTERS_JOURNAL_CLASSNAME", "io.ismsflow.journal.exporter.JournalExporter")
        .containsEntry("ZEEBE_BROKER_EXPORTERS_JOURNAL_ARGS_URL", "mongodb://127.0.0.1:1/isms")
        .containsEntry("ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING", "512MB")
        .containsEntry("ZEEBE_CLOCK_CONTROLLED", "false");
  }

  private static EngineProperties.Embedded settings(Path distribution, Path exporterJar, int grpcPort) {
    return new EngineProperties.Embedded(
        distribution,
        exporterJar,
        distribution.resolve("data"),
        "127.0.0.1",
        grpcPort,
        18088,
        19600,
        26601,
        26602,
        Duration.ofSeconds(5),
        List.of(),
        false,
        Map.of("ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING", "512MB"),
        null);
  }
}
