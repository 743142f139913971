package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.platform.RequestRefusedException;
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
  private final AuditTrail audit;

  ProcessInstanceService(
      CamundaClient client, ProcessJournal journal, ProcessModels models, Variables variables, AuditTrail audit) {
    this.client = client;
    this.journal = journal;
    this.models = models;
    this.variables = variables;
    this.audit = audit;
  }

  /** Starts the latest deployed version of one of the app's own process models, if the actor may. */
  public long start(IsmsUser actor, String bpmnProcessId, Map<String, Object> submitted) {
    if (!models.isProcess(bpmnProcessId)) {
      throw new RequestRefusedException(
          Reason.NOT_FOUND, "There is no ISMS process '" + bpmnProcessId + "'; known: " + models.processIds());
    }
    var starters = models.startableBy(bpmnProcessId);
    if (actor.groups().stream().noneMatch(starters::contains)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN,
          "'" + models.elementName(bpmnProcessId, bpmnProcessId) + "' can be started by the groups "
              + starters.stream().sorted().toList() + "; you (" + actor.username() + ") are in " + actor.groupList());
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
    audit.append(
        new AuditEvent(
            actor.username(),
            actor.groupList(),
            "process.started",
            "process-instance",
            Long.toString(created.getProcessInstanceKey()),
            null,
            Map.of("bpmnProcessId", bpmnProcessId, "version", created.getVersion(), "variables", values),
            created.getProcessInstanceKey(),
            null));
    return created.getProcessInstanceKey();
  }

  public List<ProcessInstanceView> instances(String state, String bpmnProcessId) {
    var normalizedState = state == null || state.isBlank() ? null : state.strip().toUpperCase();
    if (normalizedState != null && !STATES.contains(normalizedState)) {
      throw new RequestRefusedException(
          Reason.INVALID_INPUT,
          "Unknown state '" + state + "'",
          List.of(new RequestRefusedException.FieldProblem("state", "must be one of " + STATES)),
          null);
    }
    return journal.processInstances(
        normalizedState, bpmnProcessId == null || bpmnProcessId.isBlank() ? null : bpmnProcessId, UserTaskService.MAX_RESULTS);
  }

  /** Whether the instance may still be running: active in the journal, or not journaled yet. */
  public boolean isRunning(long key) {
    return journal.processInstance(key).map(i -> "ACTIVE".equals(i.state())).orElse(true);
  }

  public ProcessInstanceView instance(long key) {
    return journal
        .processInstance(key)
        .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "There is no process instance " + key));
  }

  public List<JournalEntryView> journal(long key) {
    instance(key);
    return journal.entries(key);
  }

  /** The deployed BPMN of one of the app's processes, to draw its instances. */
  public byte[] modelXml(String bpmnProcessId) {
    return models
        .modelXml(bpmnProcessId)
        .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "There is no ISMS process '" + bpmnProcessId + "'; known: " + models.processIds()));
  }
}
