package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import io.ismsflow.engine.EngineRequestException.FieldProblem;
import io.ismsflow.engine.EngineRequestException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * User tasks of the ISMS cycles: listed from the process journal, claimed and completed through
 * the engine. A completion is checked against the task's linked form before it is sent, and it is
 * a single engine command: either the task completes with all its values, or nothing changes.
 */
@Service
public class UserTaskService {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_RESULTS = 500;

  private final CamundaClient client;
  private final ProcessJournal journal;
  private final ProcessModels models;
  private final Variables variables;

  UserTaskService(CamundaClient client, ProcessJournal journal, ProcessModels models, Variables variables) {
    this.client = client;
    this.journal = journal;
    this.models = models;
    this.variables = variables;
  }

  public List<UserTaskView> openTasks(String candidateGroup, String assignee, Long processInstanceKey) {
    return journal.openUserTasks(blankToNull(candidateGroup), blankToNull(assignee), processInstanceKey, MAX_RESULTS);
  }

  public UserTaskView task(long key) {
    return journal
        .userTask(key)
        .orElseThrow(() -> new EngineRequestException(Reason.NOT_FOUND, "There is no user task " + key));
  }

  public UserTaskView claim(long key, String assignee) {
    if (assignee == null || assignee.isBlank() || assignee.length() > 100) {
      throw new EngineRequestException(
          Reason.INVALID_INPUT, "Say who claims the task", List.of(new FieldProblem("assignee", "is required (at most 100 characters)")), null);
    }
    var task = openTask(key);
    if (task.assignee() != null && !task.assignee().equals(assignee)) {
      throw new EngineRequestException(
          Reason.CONFLICT, "Task " + key + " is already claimed by " + task.assignee());
    }
    EngineCalls.call(
        "Claiming task " + key,
        () -> client.newAssignUserTaskCommand(key).assignee(assignee.strip()).allowOverride(false).requestTimeout(TIMEOUT).send().join());
    return task;
  }

  public void unclaim(long key) {
    openTask(key);
    EngineCalls.call(
        "Releasing task " + key,
        () -> client.newUnassignUserTaskCommand(key).requestTimeout(TIMEOUT).send().join());
  }

  public void complete(long key, Map<String, Object> submitted) {
    var values = variables.check(submitted);
    var task = openTask(key);
    models
        .formOf(task.bpmnProcessId(), task.elementId())
        .ifPresent(
            form -> {
              var violations = form.validate(values);
              if (!violations.isEmpty()) {
                throw new EngineRequestException(
                    Reason.INVALID_INPUT,
                    "The values do not satisfy the form '" + form.id() + "' of task '" + task.name() + "'",
                    violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList(),
                    null);
              }
            });
    EngineCalls.call(
        "Completing task " + key,
        () -> client.newCompleteUserTaskCommand(key).variables(values).requestTimeout(TIMEOUT).send().join());
  }

  private UserTaskView openTask(long key) {
    var task = task(key);
    if (!task.isOpen()) {
      throw new EngineRequestException(
          Reason.CONFLICT, "Task " + key + " is " + task.state().toLowerCase() + " and can no longer be changed");
    }
    return task;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
