package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class LocalEngineEnvironmentTest {

  private final LocalEngineEnvironment postProcessor = new LocalEngineEnvironment();

  @Test
  void withoutARemoteAddressTheLocalBrokerIsUsedOverGrpc() {
    var environment = new MockEnvironment();
    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(LocalEngineEnvironment.EMBEDDED_ACTIVE)).isEqualTo("true");
    assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:26500");
    assertThat(environment.getProperty("camunda.client.rest-address")).isEqualTo("http://127.0.0.1:8088");
    assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("false");
  }

  @Test
  void aConfiguredRemoteAddressStartsNothingLocally() {
    var environment = new MockEnvironment().withProperty("camunda.client.grpc-address", "http://zeebe:26500");
    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(LocalEngineEnvironment.EMBEDDED_ACTIVE)).isEqualTo("false");
    assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://zeebe:26500");
  }

  @Test
  void aRemoteAddressFromTheEnvironmentInEitherSpellingStartsNothingLocally() {
    for (var name : List.of("CAMUNDA_CLIENT_GRPCADDRESS", "CAMUNDA_CLIENT_GRPC_ADDRESS")) {
      var environment = new MockEnvironment();
      environment
          .getPropertySources()
          .addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(name, "http://orchestration:26500")));
      postProcessor.postProcessEnvironment(environment, new SpringApplication());

      assertThat(environment.getProperty(LocalEngineEnvironment.EMBEDDED_ACTIVE)).as(name).isEqualTo("false");
    }
  }

  @Test
  void portZeroBecomesTheSameFreePortForClientAndBroker() {
    var environment =
        new MockEnvironment()
            .withProperty("isms.engine.embedded.grpc-port", "0")
            .withProperty("isms.engine.embedded.rest-port", "0");
    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    var grpc = environment.getProperty("isms.engine.embedded.grpc-port", Integer.class);
    var rest = environment.getProperty("isms.engine.embedded.rest-port", Integer.class);
    assertThat(grpc).isPositive();
    assertThat(rest).isPositive().isNotEqualTo(grpc);
    assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:" + grpc);
    assertThat(environment.getProperty("camunda.client.rest-address")).isEqualTo("http://127.0.0.1:" + rest);
  }

  @Test
  void anUnknownModeIsRefusedInPlainWords() {
    var environment = new MockEnvironment().withProperty("isms.engine.mode", "cloudy");
    assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("auto, embedded or remote");
  }
}
