package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.ismsflow.IsmsIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@IsmsIntegrationTest
class ProcessModelDeployerIT {

  @Autowired CamundaClient client;
  @Autowired ObjectMapper json;
  @Autowired ProcessModels shippedModels;

  @Test
  void brokenModelFailsWithTheFileNameAndTheEnginesReason() throws Exception {
    var broken =
        ProcessModels.from(
            new PathMatchingResourcePatternResolver(), json, List.of("classpath*:broken-models/*.bpmn"));
    var deployer = new ProcessModelDeployer(client, broken, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(LocalWebapps.class));

    assertThatThrownBy(deployer::afterSingletonsInstantiated)
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("broken-models/broken-service-task.bpmn")
        .hasMessageContaining("UntypedServiceTask")
        .hasMessageContaining("taskDefinition");
  }

  @Test
  void shipsEveryModelAndFormOfTheTopLevelFoldersWithTheirNames() {
    assertThat(shippedModels.resources())
        .extracting(ProcessModels.ModelResource::name)
        .contains("bpmn/smoke-check.bpmn", "forms/smoke-check-confirmation.form");
    assertThat(shippedModels.isProcess("SmokeCheckProcess")).isTrue();
    assertThat(shippedModels.elementName("SmokeCheckProcess", "ConfirmSmokeCheckTask")).isEqualTo("Confirm smoke check");
    assertThat(shippedModels.formOf("SmokeCheckProcess", "ConfirmSmokeCheckTask"))
        .hasValueSatisfying(form -> assertThat(form.fields()).containsOnlyKeys("confirmed", "comment"));
  }
}
