package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSearchTest {

  @TempDir Path home;

  @Test
  void aTakenPortStopsTheStartWithThePortAndThePropertyThatMovesIt() throws Exception {
    Files.writeString(home.resolve("isms-local-opensearch.jar"), "");
    Files.createDirectories(home.resolve("lib"));
    try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      var search = new LocalSearch(settings(home, taken.getLocalPort()));

      assertThatThrownBy(search::start)
          .isInstanceOf(LocalEngineException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " for the OpenSearch HTTP (isms.engine.embedded.webapps.opensearch-port)")
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void aMissingBuildSaysHowToBuildOrRunWithoutTheWebapps() {
    assertThatThrownBy(new LocalSearch(settings(home.resolve("nothing"), 0))::start)
        .isInstanceOf(LocalEngineException.class)
        .hasMessageContaining("./isms build")
        .hasMessageContaining("isms.engine.embedded.webapps.enabled=false");
    assertThat(home.resolve("nothing")).doesNotExist();
  }

  private EngineProperties.Embedded settings(Path opensearchHome, int port) {
    var webapps =
        new EngineProperties.Webapps(
            true, opensearchHome, home.resolve("data"), port, 0, 0, 0, 0, 0, 0, 0, Duration.ofSeconds(5), List.of(), List.of(), List.of());
    return new EngineProperties.Embedded(
        Path.of("dist"), Path.of("exporter.jar"), home.resolve("zeebe"), "127.0.0.1", 0, 0, 0, 0, 0, Duration.ofSeconds(5), List.of(), false, Map.of(), webapps);
  }
}
