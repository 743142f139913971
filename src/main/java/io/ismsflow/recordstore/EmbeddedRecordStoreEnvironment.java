package io.ismsflow.recordstore;

import io.ismsflow.platform.FreePort;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides between real MongoDB and the embedded record store before any bean exists: with no
 * {@code spring.data.mongodb.uri} (or host) configured, it points Spring Data MongoDB at the
 * embedded server on loopback and picks a free port when the configured port is 0.
 */
class EmbeddedRecordStoreEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String ENABLED = "isms.record-store.embedded.enabled";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var binder = Binder.get(environment);
    var uri = binder.bind("spring.data.mongodb.uri", String.class).orElse("");
    var host = binder.bind("spring.data.mongodb.host", String.class).orElse("");
    if (!uri.isBlank() || !host.isBlank()) {
      environment.getPropertySources().addFirst(new MapPropertySource("isms-record-store", Map.of(ENABLED, false)));
      return;
    }
    var bindHost = binder.bind("isms.record-store.embedded.host", String.class).orElse("127.0.0.1");
    var port = binder.bind("isms.record-store.embedded.port", Integer.class).orElse(27018);
    var database = binder.bind("isms.record-store.embedded.database", String.class).orElse("isms");
    if (port == 0) {
      port = FreePort.find(bindHost);
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "isms-record-store",
                Map.of(
                    ENABLED, true,
                    "isms.record-store.embedded.port", port,
                    "spring.data.mongodb.uri", "mongodb://" + bindHost + ":" + port + "/" + database)));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 100;
  }
}
