package io.ismsflow.engine;

import io.camunda.client.CamundaClient;
import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import io.ismsflow.identity.FourEyes;
import io.ismsflow.identity.IsmsGroup;
import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import io.ismsflow.platform.RequestRefusedException.Reason;
import io.ismsflow.platform.RequestRefusedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * User tasks of the ISMS cycles: listed from the process journal, claimed and completed through
 * the engine, whatever the client, only by the people they are offered to.
 *
 * <p>A completion is checked against the task's linked form and, for an approval (a task with the
 * header {@code isms.fourEyesOf} naming the approved tasks' element ids), against the four-eyes
 * rule, and against the {@link TaskCompletionRule}s of the owning module, before the single completion command is sent: either the task completes with all its
 * values, or nothing changes. A task with the header {@code isms.completedByVariable} also gets
 * that variable set to the completing person by the server (never taken from the client). Every
 * claim and completion is written to the audit trail.
 */
@Service
public class UserTaskService {

  static final String FOUR_EYES_HEADER = "isms.fourEyesOf";
  /** Names a process variable holding who performed the approved work (e.g. a policy's author). */
  static final String FOUR_EYES_VARIABLE_HEADER = "isms.fourEyesOfVariable";
  /** Names a process variable that the server sets to the completing person, so that workers know who did a step. */
  static final String COMPLETED_BY_HEADER = "isms.completedByVariable";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  static final int MAX_RESULTS = 500;

  private final CamundaClient client;
  private final ProcessJournal journal;
  private final ProcessModels models;
  private final Variables variables;
  private final FourEyes fourEyes;
  private final AuditTrail audit;
  private final List<TaskCompletionRule> rules;

  UserTaskService(
      CamundaClient client,
      ProcessJournal journal,
      ProcessModels models,
      Variables variables,
      FourEyes fourEyes,
      AuditTrail audit,
      List<TaskCompletionRule> rules) {
    this.client = client;
    this.journal = journal;
    this.models = models;
    this.variables = variables;
    this.fourEyes = fourEyes;
    this.audit = audit;
    this.rules = List.copyOf(rules);
  }

  /** Open tasks; the CISO, admins and auditors see all, everyone else only those offered to them. */
  public List<UserTaskView> openTasks(IsmsUser viewer, String candidateGroup, String assignee, Long processInstanceKey) {
    var tasks =
        journal.openUserTasks(blankToNull(candidateGroup), blankToNull(assignee), processInstanceKey, MAX_RESULTS);
    return seesAll(viewer) ? tasks : tasks.stream().filter(t -> t.isOfferedTo(viewer)).toList();
  }

  public UserTaskView task(IsmsUser viewer, long key) {
    var task = find(key);
    if (!seesAll(viewer) && !task.isOfferedTo(viewer)) {
      throw notOffered(viewer, task);
    }
    return task;
  }

  /** The task's linked Camunda Form, as deployed, to render it (form-js). */
  public com.fasterxml.jackson.databind.JsonNode form(IsmsUser viewer, long key) {
    var task = task(viewer, key);
    return models
        .formIdOf(task.bpmnProcessId(), task.elementId())
        .flatMap(models::formDocument)
        .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "Task " + key + " (" + task.name() + ") has no linked form"));
  }

  /** The values the task sees (its form's prefill): a task's own scope first, then the enclosing ones. */
  public Map<String, Object> variables(IsmsUser viewer, long key) {
    return journal.variablesVisibleTo(task(viewer, key));
  }

  /** Claims an open task for the signed-in person (or, for the CISO and admins, for someone else). */
  public void claim(IsmsUser actor, long key, String assignee) {
    var claimant = assignee == null || assignee.isBlank() ? actor.username() : assignee.strip();
    if (claimant.length() > 100) {
      throw new RequestRefusedException(
          Reason.INVALID_INPUT, "The assignee is too long", List.of(new FieldProblem("assignee", "at most 100 characters")), null);
    }
    var task = openTask(key);
    if (!claimant.equals(actor.username()) && !actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN)) {
      throw new RequestRefusedException(Reason.FORBIDDEN, "You can claim tasks only for yourself");
    }
    if (claimant.equals(actor.username()) && !task.isOfferedTo(actor)) {
      throw notOffered(actor, task);
    }
    if (task.assignee() != null && !task.assignee().equals(claimant)) {
      throw new RequestRefusedException(Reason.CONFLICT, "Task " + key + " is already claimed by " + task.assignee());
    }
    if (claimant.equals(task.assignee())) {
      return;
    }
    assign(key, claimant);
    record(actor, "task.claimed", task, Map.of("assignee", claimant));
  }

  public void unclaim(IsmsUser actor, long key) {
    var task = openTask(key);
    if (task.assignee() == null) {
      return;
    }
    if (!task.assignee().equals(actor.username()) && !actor.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN)) {
      throw new RequestRefusedException(
          Reason.FORBIDDEN, "Task " + key + " is claimed by " + task.assignee() + "; only they can give it back");
    }
    EngineCalls.call(
        "Releasing task " + key, () -> client.newUnassignUserTaskCommand(key).requestTimeout(TIMEOUT).send().join());
    record(actor, "task.unclaimed", task, Map.of("previousAssignee", task.assignee()));
  }

  /** Completes a task offered to the actor, with values valid for its form; claims it for them first. */
  public void complete(IsmsUser actor, long key, Map<String, Object> submitted) {
    var values = variables.check(submitted);
    var task = openTask(key);
    if (!task.isOfferedTo(actor)) {
      throw notOffered(actor, task);
    }
    models
        .formOf(task.bpmnProcessId(), task.elementId())
        .ifPresent(
            form -> {
              var violations = form.validate(values);
              if (!violations.isEmpty()) {
                throw new RequestRefusedException(
                    Reason.INVALID_INPUT,
                    "The values do not satisfy the form '" + form.id() + "' of task '" + task.name() + "'",
                    violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList(),
                    null);
              }
            });
    var problems =
        rules.stream()
            .filter(rule -> rule.appliesTo(task.bpmnProcessId(), task.elementId()))
            .flatMap(rule -> rule.check(values).stream())
            .toList();
    if (!problems.isEmpty()) {
      throw new RequestRefusedException(Reason.INVALID_INPUT, "The values of task '" + task.name() + "' are not complete", problems, null);
    }
    checkFourEyes(actor, task);
    if (task.assignee() == null) {
      // the completer is recorded as the task's assignee, which the four-eyes rule relies on
      assign(key, actor.username());
    }
    var completion = new java.util.LinkedHashMap<String, Object>(values);
    var completedBy = task.headers().get(COMPLETED_BY_HEADER);
    if (completedBy != null && !completedBy.isBlank()) {
      completion.put(completedBy.strip(), actor.username());
    }
    EngineCalls.call(
        "Completing task " + key,
        () -> client.newCompleteUserTaskCommand(key).variables(completion).requestTimeout(TIMEOUT).send().join());
    record(actor, "task.completed", task, completion);
  }

  private void checkFourEyes(IsmsUser actor, UserTaskView task) {
    var performerVariable = task.headers().get(FOUR_EYES_VARIABLE_HEADER);
    if (performerVariable != null && !performerVariable.isBlank()) {
      var performer = journal.variablesVisibleTo(task).get(performerVariable.strip());
      fourEyes.requireApproverIsNotPerformer(
          actor,
          java.util.Collections.singletonList(performer == null ? null : performer.toString()),
          task.name(),
          "the work recorded as '" + performerVariable.strip() + "'",
          task.processInstanceKey(),
          task.key());
    }
    var approved = task.headers().get(FOUR_EYES_HEADER);
    if (approved == null || approved.isBlank()) {
      return;
    }
    var elementIds = Arrays.stream(approved.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    var performers = journal.completersInScopeOf(task, elementIds);
    var performed =
        String.join(", ", elementIds.stream().map(id -> models.elementName(task.bpmnProcessId(), id)).toList());
    fourEyes.requireApproverIsNotPerformer(actor, performers, task.name(), performed, task.processInstanceKey(), task.key());
  }

  private void assign(long key, String assignee) {
    EngineCalls.call(
        "Claiming task " + key,
        () -> client.newAssignUserTaskCommand(key).assignee(assignee).allowOverride(false).requestTimeout(TIMEOUT).send().join());
  }

  private void record(IsmsUser actor, String action, UserTaskView task, Map<String, ?> after) {
    audit.append(
        new AuditEvent(
            actor.username(),
            actor.groupList(),
            action,
            "user-task",
            Long.toString(task.key()),
            null,
            Map.of("task", task.name(), "elementId", task.elementId(), "values", after),
            task.processInstanceKey(),
            task.key()));
  }

  private UserTaskView find(long key) {
    return journal
        .userTask(key)
        .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "There is no user task " + key));
  }

  private UserTaskView openTask(long key) {
    var task = find(key);
    if (!task.isOpen()) {
      throw new RequestRefusedException(
          Reason.CONFLICT, "Task " + key + " is " + task.state().toLowerCase() + " and can no longer be changed");
    }
    return task;
  }

  private static boolean seesAll(IsmsUser viewer) {
    return viewer.isInAny(IsmsGroup.CISO, IsmsGroup.ADMIN, IsmsGroup.AUDITOR);
  }

  private static RequestRefusedException notOffered(IsmsUser user, UserTaskView task) {
    var offeredTo =
        task.assignee() != null
            ? "claimed by " + task.assignee()
            : "for the groups " + task.candidateGroups()
                + (task.candidateUsers().isEmpty() ? "" : " and the users " + task.candidateUsers());
    return new RequestRefusedException(
        Reason.FORBIDDEN,
        "Task '" + task.name() + "' (" + task.key() + ") is " + offeredTo + "; you (" + user.username()
            + ") are in " + user.groupList());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
