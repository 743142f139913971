package io.ismsflow.engine;

import io.ismsflow.platform.FreePort;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the app runs its own local broker, and if so points the
 * Camunda client at it (gRPC preferred: the 8.6 broker's REST job payloads differ from 8.8's).
 * Ports configured as 0 are replaced by free ones here, so that the client and the broker agree.
 */
class LocalEngineEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String EMBEDDED_ACTIVE = "isms.engine.embedded.active";
  private static final String PREFIX = "isms.engine.embedded.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var binder = Binder.get(environment);
    var mode = binder.bind("isms.engine.mode", String.class).orElse("auto").trim().toLowerCase();
    var remoteConfigured =
        !binder.bind("camunda.client.grpc-address", String.class).orElse("").isBlank()
            || "saas".equalsIgnoreCase(binder.bind("camunda.client.mode", String.class).orElse(""));
    var embedded =
        switch (mode) {
          case "embedded" -> true;
          case "remote" -> false;
          case "auto" -> !remoteConfigured;
          default ->
              throw new IllegalArgumentException(
                  "isms.engine.mode must be auto, embedded or remote, not '" + mode + "'");
        };
    var properties = new HashMap<String, Object>();
    properties.put(EMBEDDED_ACTIVE, embedded);
    if (embedded) {
      var host = binder.bind(PREFIX + "host", String.class).orElse("127.0.0.1");
      var grpc = port(binder, host, "grpc-port", 26500, properties);
      var rest = port(binder, host, "rest-port", 8088, properties);
      port(binder, host, "monitoring-port", 9600, properties);
      port(binder, host, "command-port", 26501, properties);
      port(binder, host, "internal-port", 26502, properties);
      if (binder.bind(PREFIX + "webapps.enabled", Boolean.class).orElse(true)) {
        port(binder, host, "webapps.opensearch-port", 9200, properties);
        port(binder, host, "webapps.opensearch-transport-port", 9300, properties);
        port(binder, host, "webapps.operate-port", 8081, properties);
        port(binder, host, "webapps.tasklist-port", 8082, properties);
        port(binder, host, "webapps.operate-management-port", 9601, properties);
        port(binder, host, "webapps.tasklist-management-port", 9602, properties);
        port(binder, host, "webapps.operate-cluster-port", 26503, properties);
        port(binder, host, "webapps.tasklist-cluster-port", 26504, properties);
      }
      properties.put("camunda.client.mode", "self-managed");
      properties.put("camunda.client.grpc-address", "http://" + host + ":" + grpc);
      properties.put("camunda.client.rest-address", "http://" + host + ":" + rest);
      properties.put("camunda.client.prefer-rest-over-grpc", false);
    }
    environment.getPropertySources().addFirst(new MapPropertySource("isms-local-engine", properties));
  }

  private static int port(Binder binder, String host, String name, int fallback, HashMap<String, Object> out) {
    var port = binder.bind(PREFIX + name, Integer.class).orElse(fallback);
    if (port == 0) {
      port = FreePort.find(host);
    }
    out.put(PREFIX + name, port);
    return port;
  }

  @Override
  public int getOrder() {
    // before Camunda's own CamundaClientPropertiesPostProcessor, which derives defaults from the mode
    return Ordered.LOWEST_PRECEDENCE - 100;
  }
}
