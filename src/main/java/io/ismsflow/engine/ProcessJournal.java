package io.ismsflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads what the broker's journal exporter wrote to MongoDB (collections {@code journal_*}): open
 * user tasks, process instances with their current elements and incidents, and the raw entries.
 */
@Component
class ProcessJournal {

  static final String RECORDS = "journal_records";
  static final String PROCESS_INSTANCES = "journal_process_instances";
  static final String USER_TASKS = "journal_user_tasks";
  static final String VARIABLES = "journal_variables";

  private final MongoTemplate mongo;
  private final ProcessModels models;
  private final ObjectMapper json;

  ProcessJournal(MongoTemplate mongo, ProcessModels models, ObjectMapper json) {
    this.mongo = mongo;
    this.models = models;
    this.json = json;
  }

  List<UserTaskView> openUserTasks(String candidateGroup, String assignee, Long processInstanceKey, int limit) {
    var criteria = Criteria.where("state").is("CREATED");
    if (candidateGroup != null) {
      criteria = criteria.and("candidateGroups").is(candidateGroup);
    }
    if (assignee != null) {
      criteria = criteria.and("assignee").is(assignee);
    }
    if (processInstanceKey != null) {
      criteria = criteria.and("processInstanceKey").is(processInstanceKey);
    }
    var query = Query.query(criteria).with(Sort.by("createdAt", "_id")).limit(limit);
    return mongo.find(query, Document.class, USER_TASKS).stream().map(this::userTask).toList();
  }

  Optional<UserTaskView> userTask(long key) {
    return Optional.ofNullable(mongo.findById(key, Document.class, USER_TASKS)).map(this::userTask);
  }

  List<ProcessInstanceView> processInstances(String state, String bpmnProcessId, int limit) {
    var criteria = new Criteria();
    if (state != null) {
      criteria = criteria.and("state").is(state);
    }
    if (bpmnProcessId != null) {
      criteria = criteria.and("bpmnProcessId").is(bpmnProcessId);
    }
    var query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit);
    return mongo.find(query, Document.class, PROCESS_INSTANCES).stream().map(this::processInstance).toList();
  }

  Optional<ProcessInstanceView> processInstance(long key) {
    return Optional.ofNullable(mongo.findById(key, Document.class, PROCESS_INSTANCES)).map(this::processInstance);
  }

  List<JournalEntryView> entries(long processInstanceKey) {
    var query =
        Query.query(Criteria.where("processInstanceKey").is(processInstanceKey)).with(Sort.by("position"));
    return mongo.find(query, Document.class, RECORDS).stream()
        .map(
            d ->
                new JournalEntryView(
                    number(d, "position"),
                    instant(d, "timestamp"),
                    d.getString("valueType"),
                    d.getString("intent"),
                    d.getString("elementId"),
                    number(d, "key")))
        .toList();
  }

  /**
   * Who completed the tasks with these element ids in the same scope as the given task (the same
   * instance of a multi-instance subprocess, say); an unknown completer comes back as null.
   */
  List<String> completersInScopeOf(UserTaskView task, List<String> elementIds) {
    return completersInScope(task.processInstanceKey(), flowScopeOf(task.processInstanceKey(), task.elementInstanceKey()), elementIds);
  }

  /** Who completed the tasks with these element ids in the given scope (any scope if null); unknown ones as null. */
  List<String> completersInScope(long processInstanceKey, Long scope, List<String> elementIds) {
    var query =
        Query.query(
            Criteria.where("processInstanceKey")
                .is(processInstanceKey)
                .and("elementId")
                .in(elementIds)
                .and("state")
                .is("COMPLETED"));
    if (scope != null) {
      query.addCriteria(Criteria.where("elementInstanceKey").in(userTasksIn(processInstanceKey, scope)));
    }
    return mongo.find(query, Document.class, USER_TASKS).stream().map(d -> d.getString("assignee")).toList();
  }

  /**
   * The variables a task sees, as its form would be filled: those of its own scope first, then of
   * each enclosing scope up to the process instance. Values too large to journal are left out.
   */
  Map<String, Object> variablesVisibleTo(UserTaskView task) {
    var chain = new java.util.ArrayList<Long>();
    Long scope = task.elementInstanceKey();
    while (scope != null && chain.size() < 50) {
      chain.add(scope);
      if (scope == task.processInstanceKey()) {
        break;
      }
      scope = flowScopeOf(task.processInstanceKey(), scope);
    }
    if (!chain.contains(task.processInstanceKey())) {
      chain.add(task.processInstanceKey());
    }
    var query =
        Query.query(Criteria.where("processInstanceKey").is(task.processInstanceKey()).and("scopeKey").in(chain));
    var nearest = new java.util.HashMap<String, Document>();
    for (var variable : mongo.find(query, Document.class, VARIABLES)) {
      var name = variable.getString("name");
      var current = nearest.get(name);
      if (current == null || chain.indexOf(number(variable, "scopeKey")) < chain.indexOf(number(current, "scopeKey"))) {
        nearest.put(name, variable);
      }
    }
    var values = new java.util.TreeMap<String, Object>();
    nearest.forEach(
        (name, variable) -> {
          var text = variable.getString("value");
          if (text != null) {
            try {
              values.put(name, json.readValue(text, Object.class));
            } catch (JsonProcessingException e) {
              values.put(name, text);
            }
          }
        });
    return values;
  }

  /** Whether the journal has any record of the process instance (false where no exporter feeds it). */
  boolean knows(long processInstanceKey) {
    return mongo.exists(Query.query(Criteria.where("processInstanceKey").is(processInstanceKey)), RECORDS);
  }

  /** The scope (flow scope key) of an element instance once the journal has its activation; empty until then. */
  java.util.Optional<Long> scopeOf(long processInstanceKey, long elementInstanceKey) {
    return java.util.Optional.ofNullable(flowScopeOf(processInstanceKey, elementInstanceKey));
  }

  /**
   * Who completed the latest user task in the given scope whose header {@code isms.completedByVariable}
   * names this variable: the person a step's worker needs when the task was completed outside the
   * app (in Tasklist), where nobody set the variable.
   */
  java.util.Optional<String> lastCompleterSetting(long processInstanceKey, long scope, String variable) {
    // the raw records, not the user task projection: the exporter writes a batch's records before its
    // projections, so records up to the job's own activation are there once that activation is
    var tasks = userTasksIn(processInstanceKey, scope);
    if (tasks.isEmpty()) {
      return java.util.Optional.empty();
    }
    var query =
        Query.query(
            Criteria.where("processInstanceKey")
                .is(processInstanceKey)
                .and("valueType")
                .is("USER_TASK")
                .and("intent")
                .is("COMPLETED")
                .and("value.elementInstanceKey")
                .in(tasks));
    return mongo.find(query, Document.class, RECORDS).stream()
        .filter(r -> variable.equals(completedByHeaderOf(r)))
        .filter(r -> r.get("value", Document.class).getString("assignee") != null)
        .max(java.util.Comparator.comparingLong(r -> number(r, "position")))
        .map(r -> r.get("value", Document.class).getString("assignee"));
  }

  /**
   * The element instances of the user tasks activated directly in a scope, in one query (a lookup
   * per task would scan the records once per task, as the embedded store has no compound indexes).
   */
  private List<Long> userTasksIn(long processInstanceKey, long scope) {
    var query =
        Query.query(
            Criteria.where("processInstanceKey")
                .is(processInstanceKey)
                .and("valueType")
                .is("PROCESS_INSTANCE")
                .and("intent")
                .is("ELEMENT_ACTIVATED")
                .and("value.flowScopeKey")
                .is(scope)
                .and("value.bpmnElementType")
                .is("USER_TASK"));
    return mongo.find(query, Document.class, RECORDS).stream().map(d -> number(d, "key")).toList();
  }

  private String completedByHeaderOf(Document record) {
    var header = headers(record.get("value", Document.class).getString("customHeaders")).get(UserTaskService.COMPLETED_BY_HEADER);
    if (header != null) {
      return header;
    }
    var task = mongo.findById(record.get("key"), Document.class, USER_TASKS);
    return task == null ? null : headers(task.getString("customHeaders")).get(UserTaskService.COMPLETED_BY_HEADER);
  }

  /** The element instance that contains this one (the process, or a subprocess instance). */
  private Long flowScopeOf(long processInstanceKey, long elementInstanceKey) {
    var query =
        Query.query(
            Criteria.where("processInstanceKey")
                .is(processInstanceKey)
                .and("key")
                .is(elementInstanceKey)
                .and("valueType")
                .is("PROCESS_INSTANCE")
                .and("intent")
                .is("ELEMENT_ACTIVATED"));
    var activated = mongo.findOne(query, Document.class, RECORDS);
    return activated == null ? null : number(activated.get("value", Document.class), "flowScopeKey");
  }

  private Map<String, String> headers(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return this.json.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private UserTaskView userTask(Document d) {
    var processId = d.getString("bpmnProcessId");
    var elementId = d.getString("elementId");
    return new UserTaskView(
        number(d, "_id"),
        models.elementName(processId, elementId),
        elementId,
        processId,
        number(d, "processInstanceKey"),
        number(d, "elementInstanceKey"),
        d.getString("state"),
        d.getString("assignee"),
        strings(d, "candidateGroups"),
        strings(d, "candidateUsers"),
        models.formIdOf(processId, elementId).orElse(null),
        headers(d.getString("customHeaders")),
        d.getString("dueDate"),
        instant(d, "createdAt"),
        instant(d, "completedAt"));
  }

  private ProcessInstanceView processInstance(Document d) {
    var processId = d.getString("bpmnProcessId");
    var active =
        d.getList("activeElements", Document.class, List.of()).stream()
            .map(
                e ->
                    new ProcessInstanceView.ActiveElement(
                        number(e, "elementInstanceKey"),
                        e.getString("elementId"),
                        models.elementName(processId, e.getString("elementId")),
                        e.getString("elementType"),
                        instant(e, "since")))
            .toList();
    var incidents =
        d.getList("incidents", Document.class, List.of()).stream()
            .map(
                i ->
                    new ProcessInstanceView.Incident(
                        number(i, "incidentKey"),
                        i.getString("errorType"),
                        i.getString("errorMessage"),
                        i.getString("elementId"),
                        instant(i, "createdAt")))
            .toList();
    return new ProcessInstanceView(
        number(d, "_id"),
        processId,
        models.elementName(processId, processId),
        d.get("version") instanceof Number n ? n.intValue() : null,
        d.getString("state"),
        instant(d, "startedAt"),
        instant(d, "endedAt"),
        active,
        strings(d, "completedElementIds"),
        incidents);
  }

  private static long number(Document d, String field) {
    return d.get(field) instanceof Number n ? n.longValue() : 0L;
  }

  private static Instant instant(Document d, String field) {
    return d.get(field) instanceof Date date ? date.toInstant() : null;
  }

  private static List<String> strings(Document d, String field) {
    return d.getList(field, String.class, List.of());
  }
}
