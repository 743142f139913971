package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import io.ismsflow.recordstore.EmbeddedRecordStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import io.ismsflow.identity.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local broker, started when no remote Camunda cluster is configured ({@link LocalEngineEnvironment}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalEngineEnvironment.EMBEDDED_ACTIVE, havingValue = "true")
class EngineConfiguration {

  static final String WEBAPPS_ENABLED = "isms.engine.embedded.webapps.enabled";

  /**
   * Started before the Camunda client is created. The embedded record store, when used, starts
   * first and stops last, so that the journal exporter can flush when the broker stops.
   */
  @Bean(destroyMethod = "close")
  LocalZeebeBroker localZeebeBroker(
      EngineProperties properties,
      MongoConnectionDetails mongo,
      MongoProperties mongoProperties,
      ObjectProvider<EmbeddedRecordStore> embeddedRecordStore,
      ObjectProvider<LocalSearch> search) {
    embeddedRecordStore.ifAvailable(store -> {});
    var exporters = search.stream().map(LocalSearch::brokerExporterEnvironment).findFirst().orElse(java.util.Map.of());
    var broker = new LocalZeebeBroker(
            properties.embedded(),
            mongo.getConnectionString().getConnectionString(),
            mongoProperties.getMongoClientDatabase(),
            exporters);
    broker.start();
    return broker;
  }

  /** OpenSearch for the local Operate and Tasklist: started before the broker, stopped after it. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = WEBAPPS_ENABLED, havingValue = "true", matchIfMissing = true)
  LocalSearch localSearch(EngineProperties properties) {
    var search = new LocalSearch(properties.embedded());
    search.start();
    return search;
  }

  /** Operate and Tasklist: started once the broker is healthy, stopped before it. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = WEBAPPS_ENABLED, havingValue = "true", matchIfMissing = true)
  LocalWebapps localWebapps(EngineProperties properties, LocalSearch search, LocalZeebeBroker broker, UserDirectory users) {
    var webapps = new LocalWebapps(properties.embedded(), search, users.localAccounts());
    webapps.start();
    return webapps;
  }

  @Bean
  @ConditionalOnProperty(name = WEBAPPS_ENABLED, havingValue = "true", matchIfMissing = true)
  HealthIndicator localWebappsHealthIndicator(LocalSearch search, LocalWebapps webapps) {
    return () ->
        search.isRunning() && webapps.isRunning()
            ? Health.up().withDetail("operate", webapps.operateUrl().toString()).withDetail("tasklist", webapps.tasklistUrl().toString()).build()
            : Health.down().withDetail("reason", "OpenSearch, Operate or Tasklist ended").build();
  }

  /** Part of the app's health: DOWN when the local broker process is gone. */
  @Bean
  HealthIndicator localBrokerHealthIndicator(LocalZeebeBroker broker) {
    return () -> broker.isRunning() ? Health.up().build() : Health.down().withDetail("reason", "local broker process ended").build();
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor camundaClientDependsOnLocalBroker() {
    return new AbstractDependsOnBeanFactoryPostProcessor(CamundaClient.class, LocalZeebeBroker.class) {};
  }
}
