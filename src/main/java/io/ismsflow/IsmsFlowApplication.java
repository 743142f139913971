package io.ismsflow;

import io.ismsflow.audit.AuditVerifyCommand;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ISMS Flow: workflow-driven ISMS automation on Camunda 8 and MongoDB. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IsmsFlowApplication {

  public static void main(String[] args) {
    if (args.length > 0 && AuditVerifyCommand.NAME.equals(args[0])) {
      System.exit(AuditVerifyCommand.run(List.of(args).subList(1, args.length), System.out));
    }
    SpringApplication.run(IsmsFlowApplication.class, args);
  }
}
