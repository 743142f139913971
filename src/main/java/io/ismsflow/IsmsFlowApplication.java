package io.ismsflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ISMS Flow: workflow-driven ISMS automation on Camunda 8 and MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IsmsFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(IsmsFlowApplication.class, args);
  }
}
