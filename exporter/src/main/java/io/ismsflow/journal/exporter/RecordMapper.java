package io.ismsflow.journal.exporter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.ismsflow.journal.exporter.JournalEntry.ProjectionWrite;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Turns a broker record into a journal entry. Reads the record's value only through
 * {@link Record#toJson()}, whose field names are the same in Zeebe 8.6 and 8.8, so that one jar
 * serves the local broker and the production cluster.
 *
 * <p>Projection updates are idempotent: a document is created with {@code $setOnInsert} by the
 * record that starts it (process activated, user task created), and every later update applies
 * only while the document's {@code lastPosition} is lower than the record's position. Replaying
 * records after a restart therefore changes nothing that was already written.
 */
final class RecordMapper {

  private static final Set<String> ELEMENT_INTENTS =
      Set.of("ELEMENT_ACTIVATED", "ELEMENT_COMPLETED", "ELEMENT_TERMINATED");
  private static final Set<String> USER_TASK_INTENTS =
      Set.of("CREATED", "ASSIGNED", "UPDATED", "COMPLETED", "CANCELED");
  private static final Set<String> INCIDENT_INTENTS = Set.of("CREATED", "RESOLVED");
  private static final Set<String> JOB_INTENTS = Set.of("FAILED", "ERROR_THROWN", "TIMED_OUT");
  private static final Set<String> VARIABLE_INTENTS = Set.of("CREATED", "UPDATED");
  /** Larger values are noted as such, not copied: forms show short values, not documents. */
  static final int MAX_VARIABLE_CHARS = 16_384;

  Optional<JournalEntry> map(Record<?> record) {
    var valueType = record.getValueType().name();
    var intent = record.getIntent().name();
    if (!isJournaled(valueType, intent)) {
      return Optional.empty();
    }
    var value = RecordValues.valueOf(record.toJson());
    if (value == null) {
      return Optional.empty();
    }
    if ("JOB".equals(valueType)) {
      // a job's variables are the instance's, journaled where they change; its headers are in the model
      value.remove("variables");
      value.remove("customHeaders");
    }
    var position = record.getPosition();
    var timestamp = new Date(record.getTimestamp());
    if ("VARIABLE".equals(valueType)) {
      return Optional.of(new JournalEntry(position, null, variableWrites(intent, value, position)));
    }
    var journal =
        new Document("_id", record.getPartitionId() + "-" + position)
            .append("partitionId", record.getPartitionId())
            .append("position", position)
            .append("key", record.getKey())
            .append("timestamp", timestamp)
            .append("valueType", valueType)
            .append("intent", intent)
            .append("processInstanceKey", longOrNull(value, "processInstanceKey"))
            .append("bpmnProcessId", value.getString("bpmnProcessId"))
            .append("elementId", value.getString("elementId"))
            .append("value", value);

    var writes =
        switch (valueType) {
          case "PROCESS_INSTANCE" -> processInstanceWrites(record.getKey(), intent, value, position, timestamp);
          case "USER_TASK" -> userTaskWrites(record.getKey(), intent, value, position, timestamp);
          case "INCIDENT" -> incidentWrites(record.getKey(), intent, value, position, timestamp);
          default -> List.<ProjectionWrite>of();
        };
    return Optional.of(new JournalEntry(position, journal, writes));
  }

  static boolean isJournaled(String valueType, String intent) {
    return switch (valueType) {
      case "PROCESS_INSTANCE" -> ELEMENT_INTENTS.contains(intent);
      case "USER_TASK" -> USER_TASK_INTENTS.contains(intent);
      case "INCIDENT" -> INCIDENT_INTENTS.contains(intent);
      case "JOB" -> JOB_INTENTS.contains(intent);
      case "VARIABLE" -> VARIABLE_INTENTS.contains(intent);
      default -> false;
    };
  }

  private List<ProjectionWrite> processInstanceWrites(
      long elementInstanceKey, String intent, Document value, long position, Date timestamp) {
    var processInstanceKey = longOrNull(value, "processInstanceKey");
    if (processInstanceKey == null) {
      return List.of();
    }
    var isProcess = "PROCESS".equals(value.getString("bpmnElementType"));
    var writes = new ArrayList<ProjectionWrite>();
    if (isProcess && "ELEMENT_ACTIVATED".equals(intent)) {
      var created =
          Updates.combine(
              Updates.setOnInsert("processInstanceKey", processInstanceKey),
              Updates.setOnInsert("bpmnProcessId", value.getString("bpmnProcessId")),
              Updates.setOnInsert("version", value.get("version")),
              Updates.setOnInsert("processDefinitionKey", longOrNull(value, "processDefinitionKey")),
              Updates.setOnInsert("parentProcessInstanceKey", positiveOrNull(value, "parentProcessInstanceKey")),
              Updates.setOnInsert("tenantId", value.getString("tenantId")),
              Updates.setOnInsert("state", "ACTIVE"),
              Updates.setOnInsert("startedAt", timestamp),
              Updates.setOnInsert("activeElements", List.of()),
              Updates.setOnInsert("completedElementIds", List.of()),
              Updates.setOnInsert("incidents", List.of()),
              Updates.setOnInsert("lastPosition", position));
      writes.add(upsert(JournalCollections.PROCESS_INSTANCES, processInstanceKey, created));
    } else if (isProcess) {
      var state = "ELEMENT_COMPLETED".equals(intent) ? "COMPLETED" : "CANCELED";
      writes.add(
          guarded(
              JournalCollections.PROCESS_INSTANCES,
              processInstanceKey,
              position,
              Updates.combine(
                  Updates.set("state", state),
                  Updates.set("endedAt", timestamp),
                  Updates.set("activeElements", List.of()))));
    } else if ("ELEMENT_ACTIVATED".equals(intent)) {
      var element =
          new Document("elementInstanceKey", elementInstanceKey)
              .append("elementId", value.getString("elementId"))
              .append("elementType", value.getString("bpmnElementType"))
              .append("since", timestamp);
      writes.add(
          guarded(
              JournalCollections.PROCESS_INSTANCES,
              processInstanceKey,
              position,
              Updates.push("activeElements", element)));
    } else {
      var leave = Updates.pull("activeElements", new Document("elementInstanceKey", elementInstanceKey));
      var update =
          "ELEMENT_COMPLETED".equals(intent)
              ? Updates.combine(leave, Updates.addToSet("completedElementIds", value.getString("elementId")))
              : leave;
      writes.add(guarded(JournalCollections.PROCESS_INSTANCES, processInstanceKey, position, update));
    }
    return writes;
  }

  private List<ProjectionWrite> userTaskWrites(
      long recordKey, String intent, Document value, long position, Date timestamp) {
    var userTaskKey = longOrNull(value, "userTaskKey");
    if (userTaskKey == null || userTaskKey <= 0) {
      userTaskKey = recordKey;
    }
    var update =
        switch (intent) {
          case "CREATED" ->
              Updates.combine(
                  Updates.setOnInsert("userTaskKey", userTaskKey),
                  Updates.setOnInsert("elementId", value.getString("elementId")),
                  Updates.setOnInsert("elementInstanceKey", longOrNull(value, "elementInstanceKey")),
                  Updates.setOnInsert("processInstanceKey", longOrNull(value, "processInstanceKey")),
                  Updates.setOnInsert("processDefinitionKey", longOrNull(value, "processDefinitionKey")),
                  Updates.setOnInsert("bpmnProcessId", value.getString("bpmnProcessId")),
                  Updates.setOnInsert("formKey", longOrNull(value, "formKey")),
                  Updates.setOnInsert("tenantId", value.getString("tenantId")),
                  Updates.setOnInsert("candidateGroups", list(value, "candidateGroupsList", "candidateGroups")),
                  Updates.setOnInsert("candidateUsers", list(value, "candidateUsersList", "candidateUsers")),
                  Updates.setOnInsert("assignee", blankToNull(value.getString("assignee"))),
                  Updates.setOnInsert("dueDate", blankToNull(value.getString("dueDate"))),
                  Updates.setOnInsert("followUpDate", blankToNull(value.getString("followUpDate"))),
                  Updates.setOnInsert("priority", value.get("priority")),
                  // JSON text (see RecordValues): the app reads settings such as four-eyes from it
                  Updates.setOnInsert("customHeaders", value.get("customHeaders")),
                  Updates.setOnInsert("state", "CREATED"),
                  Updates.setOnInsert("createdAt", timestamp),
                  Updates.setOnInsert("lastPosition", position));
          case "ASSIGNED" -> Updates.set("assignee", blankToNull(value.getString("assignee")));
          case "UPDATED" ->
              Updates.combine(
                  Updates.set("candidateGroups", list(value, "candidateGroupsList", "candidateGroups")),
                  Updates.set("candidateUsers", list(value, "candidateUsersList", "candidateUsers")),
                  Updates.set("dueDate", blankToNull(value.getString("dueDate"))),
                  Updates.set("followUpDate", blankToNull(value.getString("followUpDate"))),
                  Updates.set("priority", value.get("priority")));
          case "COMPLETED" ->
              Updates.combine(
                  Updates.set("state", "COMPLETED"),
                  Updates.set("completedAt", timestamp),
                  Updates.set("assignee", blankToNull(value.getString("assignee"))));
          default -> Updates.combine(Updates.set("state", "CANCELED"), Updates.set("completedAt", timestamp));
        };
    var write =
        "CREATED".equals(intent)
            ? upsert(JournalCollections.USER_TASKS, userTaskKey, update)
            : guarded(JournalCollections.USER_TASKS, userTaskKey, position, update);
    return List.of(write);
  }

  private List<ProjectionWrite> incidentWrites(
      long incidentKey, String intent, Document value, long position, Date timestamp) {
    var processInstanceKey = longOrNull(value, "processInstanceKey");
    if (processInstanceKey == null || processInstanceKey <= 0) {
      return List.of();
    }
    Bson update;
    if ("CREATED".equals(intent)) {
      update =
          Updates.push(
              "incidents",
              new Document("incidentKey", incidentKey)
                  .append("errorType", value.getString("errorType"))
                  .append("errorMessage", value.getString("errorMessage"))
                  .append("elementId", value.getString("elementId"))
                  .append("elementInstanceKey", longOrNull(value, "elementInstanceKey"))
                  .append("jobKey", positiveOrNull(value, "jobKey"))
                  .append("createdAt", timestamp));
    } else {
      update = Updates.pull("incidents", new Document("incidentKey", incidentKey));
    }
    return List.of(guarded(JournalCollections.PROCESS_INSTANCES, processInstanceKey, position, update));
  }

  private List<ProjectionWrite> variableWrites(String intent, Document value, long position) {
    var scopeKey = longOrNull(value, "scopeKey");
    var name = value.getString("name");
    if (scopeKey == null || name == null) {
      return List.of();
    }
    var json = value.get("value") instanceof String text ? text : null;
    var tooLarge = json != null && json.length() > MAX_VARIABLE_CHARS;
    var id = scopeKey + ":" + name;
    var filter = eq("_id", id);
    var content =
        Updates.combine(
            Updates.set("value", tooLarge ? null : json),
            Updates.set("tooLarge", tooLarge),
            Updates.set("lastPosition", position));
    if ("CREATED".equals(intent)) {
      return List.of(
          new ProjectionWrite(
              JournalCollections.VARIABLES,
              new UpdateOneModel<>(
                  filter,
                  Updates.combine(
                      Updates.setOnInsert("scopeKey", scopeKey),
                      Updates.setOnInsert("name", name),
                      Updates.setOnInsert("processInstanceKey", longOrNull(value, "processInstanceKey")),
                      Updates.setOnInsert("value", tooLarge ? null : json),
                      Updates.setOnInsert("tooLarge", tooLarge),
                      Updates.setOnInsert("lastPosition", position)),
                  new UpdateOptions().upsert(true))));
    }
    return List.of(
        new ProjectionWrite(
            JournalCollections.VARIABLES, new UpdateOneModel<>(and(filter, lt("lastPosition", position)), content)));
  }

  private static ProjectionWrite upsert(String collection, long id, Bson update) {
    return new ProjectionWrite(
        collection, new UpdateOneModel<>(eq("_id", id), update, new UpdateOptions().upsert(true)));
  }

  /** Applies only to an existing document not yet updated by this or a later record. */
  private static ProjectionWrite guarded(String collection, long id, long position, Bson update) {
    return new ProjectionWrite(
        collection,
        new UpdateOneModel<>(
            and(eq("_id", id), lt("lastPosition", position)),
            Updates.combine(update, Updates.set("lastPosition", position))));
  }

  private static Long longOrNull(Document value, String field) {
    return value.get(field) instanceof Number n ? n.longValue() : null;
  }

  private static Long positiveOrNull(Document value, String field) {
    var number = longOrNull(value, field);
    return number == null || number <= 0 ? null : number;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static List<?> list(Document value, String... fields) {
    for (var field : fields) {
      if (value.get(field) instanceof List<?> list) {
        return list;
      }
    }
    return List.of();
  }
}
