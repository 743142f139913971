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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local broker, started when no remote Camunda cluster is configured ({@link LocalEngineEnvironment}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalEngineEnvironment.EMBEDDED_ACTIVE, havingValue = "true")
class EngineConfiguration {

  /**
   * Started before the Camunda client is created. The embedded record store, when used, starts
   * first and stops last, so that the journal exporter can flush when the broker stops.
   */
  @Bean(destroyMethod = "close")
  LocalZeebeBroker localZeebeBroker(
      EngineProperties properties,
      MongoConnectionDetails mongo,
      MongoProperties mongoProperties,
      ObjectProvider<EmbeddedRecordStore> embeddedRecordStore) {
    embeddedRecordStore.ifAvailable(store -> {});
    var broker = new LocalZeebeBroker(
            properties.embedded(),
            mongo.getConnectionString().getConnectionString(),
            mongoProperties.getMongoClientDatabase());
    broker.start();
    return broker;
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
