package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code bpmn/*.bpmn} and {@code forms/*.form} at startup, in one deployment so that
 * linked forms resolve and a broken file deploys nothing. The broker deduplicates unchanged
 * resources, so restarts do not create new versions. A rejected deployment fails startup with the
 * broker's reason, which names the file.
 */
@Component
class ProcessModelDeployer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final CamundaClient client;
  private final ProcessModels models;
  private final org.springframework.beans.factory.ObjectProvider<LocalWebapps> webapps;

  ProcessModelDeployer(CamundaClient client, ProcessModels models, org.springframework.beans.factory.ObjectProvider<LocalWebapps> webapps) {
    this.client = client;
    this.models = models;
    this.webapps = webapps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    var resources = models.resources();
    if (resources.isEmpty()) {
      log.warn("Engine: no process models found under bpmn/ on the class path; nothing deployed");
      return;
    }
    var names = resources.stream().map(ProcessModels.ModelResource::name).collect(Collectors.joining(", "));
    var first = resources.getFirst();
    var command = client.newDeployResourceCommand().addResourceBytes(first.content(), first.name());
    for (var resource : resources.subList(1, resources.size())) {
      command = command.addResourceBytes(resource.content(), resource.name());
    }
    try {
      var deployment = command.requestTimeout(TIMEOUT).send().join();
      var processes =
          deployment.getProcesses().stream()
              .map(p -> p.getBpmnProcessId() + " v" + p.getVersion())
              .collect(Collectors.joining(", "));
      log.info("Engine: deployed {} ({})", names, processes);
    } catch (RuntimeException e) {
      throw new ModelDeploymentException(
          "The engine rejected the deployment of " + names + ": " + e.getMessage(), e);
    }
    // Tasklist 8.6 links a task to its form only if it imported the form first: let it, before tasks come
    webapps.ifAvailable(local -> local.awaitFormsImported(models.formIds(), TIMEOUT));
  }
}
