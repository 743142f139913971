package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import io.ismsflow.engine.EngineRequestException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Starts ISMS cycles on demand and shows where running cycles stand, from the process journal. */
@Service
public class ProcessInstanceService {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Set<String> STATES = Set.of("ACTIVE", "COMPLETED", "CANCELED");

  private final CamundaClient client;
  private final ProcessJournal journal;
  private final ProcessModels models;
  private final Variables variables;

  ProcessInstanceService(CamundaClient client, ProcessJournal journal, ProcessModels models, Variables variables) {
    this.client = client;
    this.journal = journal;
    this.models = models;
    this.variables = variables;
  }

  /** Starts the latest deployed version of one of the app's own process models. */
  public long start(String bpmnProcessId, Map<String, Object> submitted) {
    if (!models.isProcess(bpmnProcessId)) {
      throw new EngineRequestException(
          Reason.NOT_FOUND, "There is no ISMS process '" + bpmnProcessId + "'; known: " + models.processIds());
    }
    var values = variables.check(submitted);
    var created =
        EngineCalls.call(
            "Starting " + bpmnProcessId,
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(bpmnProcessId)
                    .latestVersion()
                    .variables(values)
                    .requestTimeout(TIMEOUT)
                    .send()
                    .join());
    return created.getProcessInstanceKey();
  }

  public List<ProcessInstanceView> instances(String state, String bpmnProcessId) {
    var normalizedState = state == null || state.isBlank() ? null : state.strip().toUpperCase();
    if (normalizedState != null && !STATES.contains(normalizedState)) {
      throw new EngineRequestException(
          Reason.INVALID_INPUT,
          "Unknown state '" + state + "'",
          List.of(new EngineRequestException.FieldProblem("state", "must be one of " + STATES)),
          null);
    }
    return journal.processInstances(
        normalizedState, bpmnProcessId == null || bpmnProcessId.isBlank() ? null : bpmnProcessId, UserTaskService.MAX_RESULTS);
  }

  public ProcessInstanceView instance(long key) {
    return journal
        .processInstance(key)
        .orElseThrow(() -> new EngineRequestException(Reason.NOT_FOUND, "There is no process instance " + key));
  }

  public List<JournalEntryView> journal(long key) {
    instance(key);
    return journal.entries(key);
  }
}
