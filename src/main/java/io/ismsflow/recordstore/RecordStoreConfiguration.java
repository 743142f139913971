package io.ismsflow.recordstore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded record store when no MongoDB URI is configured (see README, "Configuration"). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedRecordStoreEnvironment.ENABLED, havingValue = "true")
class RecordStoreConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedRecordStore embeddedRecordStore(RecordStoreProperties properties) {
    return new EmbeddedRecordStore(properties);
  }

  /**
   * Replaces Spring Boot's MongoDB health check, whose {@code hello} command the embedded server
   * does not know, by a {@code ping} that it answers.
   */
  @Bean
  HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
    return () -> {
      try {
        mongo.executeCommand(new Document("ping", 1));
        return Health.up().withDetail("store", "embedded").build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("store", "embedded").build();
      }
    };
  }

  /** The MongoDB client must not connect before the embedded server listens. */
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor mongoClientDependsOnEmbeddedRecordStore() {
    return new AbstractDependsOnBeanFactoryPostProcessor(MongoClient.class, EmbeddedRecordStore.class) {};
  }
}
