package io.ismsflow.journal.exporter;

import static io.ismsflow.journal.exporter.TestRecords.ASSIGNEE;
import static io.ismsflow.journal.exporter.TestRecords.BPMN_PROCESS_ID;
import static io.ismsflow.journal.exporter.TestRecords.CANDIDATE_GROUP;
import static io.ismsflow.journal.exporter.TestRecords.DUE_DATE;
import static io.ismsflow.journal.exporter.TestRecords.END_EVENT;
import static io.ismsflow.journal.exporter.TestRecords.FORM_KEY;
import static io.ismsflow.journal.exporter.TestRecords.PARTITION_ID;
import static io.ismsflow.journal.exporter.TestRecords.PROCESS_DEFINITION_KEY;
import static io.ismsflow.journal.exporter.TestRecords.PROCESS_INSTANCE_KEY;
import static io.ismsflow.journal.exporter.TestRecords.REVIEW_TASK;
import static io.ismsflow.journal.exporter.TestRecords.REVIEW_TASK_ELEMENT_KEY;
import static io.ismsflow.journal.exporter.TestRecords.SECOND_CANDIDATE_GROUP;
import static io.ismsflow.journal.exporter.TestRecords.START_EVENT;
import static io.ismsflow.journal.exporter.TestRecords.USER_TASK_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalExporterTest {

  @RegisterExtension final JournalHarness journal = new JournalHarness();

  private final TestRecords records = new TestRecords(100);

  @Test
  void journalsUserTaskLifecycleInPositionOrderAndProjectsFinalStates() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var log = records.userTaskLifecycle();

    exporter.export(log);

    assertThat(journal.journal())
        .extracting(
            d -> d.getLong("position"), d -> d.getString("valueType"), d -> d.getString("intent"), d -> d.getString("elementId"))
        .containsExactly(
            tuple(101L, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", BPMN_PROCESS_ID),
            tuple(103L, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", START_EVENT),
            tuple(105L, "PROCESS_INSTANCE", "ELEMENT_COMPLETED", START_EVENT),
            tuple(108L, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", REVIEW_TASK),
            tuple(110L, "USER_TASK", "CREATED", REVIEW_TASK),
            tuple(112L, "USER_TASK", "ASSIGNED", REVIEW_TASK),
            tuple(114L, "USER_TASK", "COMPLETED", REVIEW_TASK),
            tuple(116L, "PROCESS_INSTANCE", "ELEMENT_COMPLETED", REVIEW_TASK),
            tuple(119L, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", END_EVENT),
            tuple(121L, "PROCESS_INSTANCE", "ELEMENT_COMPLETED", END_EVENT),
            tuple(123L, "PROCESS_INSTANCE", "ELEMENT_COMPLETED", BPMN_PROCESS_ID));

    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance.getString("state")).isEqualTo("COMPLETED");
    assertThat(instance.getString("bpmnProcessId")).isEqualTo(BPMN_PROCESS_ID);
    assertThat(instance.getLong("processDefinitionKey")).isEqualTo(PROCESS_DEFINITION_KEY);
    assertThat(instance.get("version")).isEqualTo(3);
    assertThat(instance.get("parentProcessInstanceKey")).isNull();
    assertThat(instance.getList("activeElements", Document.class)).isEmpty();
    assertThat(instance.getList("completedElementIds", String.class))
        .containsExactlyInAnyOrder(START_EVENT, REVIEW_TASK, END_EVENT);
    assertThat(instance.getList("incidents", Document.class)).isEmpty();
    assertThat(instance.getDate("startedAt")).isEqualTo(new Date(log.get(1).getTimestamp()));
    assertThat(instance.getDate("endedAt")).isEqualTo(new Date(log.getLast().getTimestamp()));
    assertThat(instance.getLong("lastPosition")).isEqualTo(123L);

    var task = journal.userTask(USER_TASK_KEY);
    assertThat(task.getString("state")).isEqualTo("COMPLETED");
    assertThat(task.getString("assignee")).isEqualTo(ASSIGNEE);
    assertThat(task.getList("candidateGroups", String.class))
        .containsExactly(CANDIDATE_GROUP, SECOND_CANDIDATE_GROUP);
    assertThat(task.getList("candidateUsers", String.class)).isEmpty();
    assertThat(task.getLong("formKey")).isEqualTo(FORM_KEY);
    assertThat(task.getString("dueDate")).isEqualTo(DUE_DATE);
    assertThat(task.get("followUpDate")).isNull();
    assertThat(task.getString("elementId")).isEqualTo(REVIEW_TASK);
    assertThat(task.getLong("elementInstanceKey")).isEqualTo(REVIEW_TASK_ELEMENT_KEY);
    assertThat(task.getLong("processInstanceKey")).isEqualTo(PROCESS_INSTANCE_KEY);
    assertThat(task.getDate("completedAt")).isNotNull();
    assertThat(task.getLong("lastPosition")).isEqualTo(114L);

    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }

  @Test
  void projectsOpenUserTaskAndActiveElementWhileTheTaskWaits() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var log = new ArrayList<Record<?>>();
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATING));
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(records.userTaskOpened());

    exporter.export(log);

    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance.getString("state")).isEqualTo("ACTIVE");
    assertThat(instance.getList("activeElements", Document.class))
        .singleElement()
        .satisfies(
            element -> {
              assertThat(element.getLong("elementInstanceKey")).isEqualTo(REVIEW_TASK_ELEMENT_KEY);
              assertThat(element.getString("elementId")).isEqualTo(REVIEW_TASK);
              assertThat(element.getString("elementType")).isEqualTo("USER_TASK");
            });
    var task = journal.userTask(USER_TASK_KEY);
    assertThat(task.getString("state")).isEqualTo("CREATED");
    assertThat(task.get("assignee")).as("an empty assignee is stored as null").isNull();
    assertThat(task.getList("candidateGroups", String.class))
        .containsExactly(CANDIDATE_GROUP, SECOND_CANDIDATE_GROUP);
    assertThat(task.getLong("formKey")).isEqualTo(FORM_KEY);
    assertThat(task.getString("dueDate")).isEqualTo(DUE_DATE);
  }

  @Test
  void journalDocumentKeepsRecordMetadataAndBrokerValue() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var log = new ArrayList<Record<?>>();
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(records.userTaskOpened());

    exporter.export(log);

    var created = log.getLast();
    var document = journal.records().find(new Document("_id", PARTITION_ID + "-" + created.getPosition())).first();
    assertThat(document).isNotNull();
    assertThat(document.getInteger("partitionId")).isEqualTo(PARTITION_ID);
    assertThat(document.getLong("key")).isEqualTo(USER_TASK_KEY);
    assertThat(document.getDate("timestamp")).isEqualTo(new Date(created.getTimestamp()));
    assertThat(document.getLong("processInstanceKey")).isEqualTo(PROCESS_INSTANCE_KEY);
    assertThat(document.getString("bpmnProcessId")).isEqualTo(BPMN_PROCESS_ID);
    var value = document.get("value", Document.class);
    assertThat(value.getLong("userTaskKey")).isEqualTo(USER_TASK_KEY);
    assertThat(value.getList("candidateGroupsList", String.class))
        .containsExactly(CANDIDATE_GROUP, SECOND_CANDIDATE_GROUP);
    assertThat(value.getString("dueDate")).isEqualTo(DUE_DATE);
    assertThat(journal.records().countDocuments()).isEqualTo(3);
  }

  @Test
  void advancesExportedPositionOverRecordsItDoesNotJournal() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var activating = records.process(ProcessInstanceIntent.ELEMENT_ACTIVATING);
    var activated = records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED);
    var flowTaken = records.sequenceFlowTaken(7, "to-review");
    var creating = records.userTask(UserTaskIntent.CREATING, "");

    exporter.exporter().export(activating);
    assertThat(exporter.exportedPosition()).isEqualTo(activating.getPosition());
    assertThat(journal.records().countDocuments()).isZero();

    exporter.exporter().export(activated);
    assertThat(exporter.exportedPosition()).isEqualTo(activated.getPosition());

    exporter.exporter().export(flowTaken);
    exporter.exporter().export(creating);
    assertThat(exporter.exportedPosition()).isEqualTo(creating.getPosition());
    assertThat(journal.journal())
        .extracting(d -> d.getLong("position"))
        .containsExactly(activated.getPosition());
  }

  @Test
  void doesNotMovePositionPastBufferedRecordsUntilTheScheduledFlushWritesThem() {
    var exporter = journal.open(Map.of("bulkSize", 100, "flushIntervalMs", 1000));
    var activated = records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED);
    var flowTaken = records.sequenceFlowTaken(7, "to-review");

    exporter.exporter().export(activated);
    exporter.exporter().export(flowTaken);

    assertThat(exporter.exportedPosition())
        .as("a not-journaled record behind a buffered one must not move the position")
        .isEqualTo(-1);
    assertThat(journal.records().countDocuments()).isZero();

    exporter.controller().runScheduledTasks(Duration.ofMillis(999));
    assertThat(journal.records().countDocuments()).isZero();

    exporter.controller().runScheduledTasks(Duration.ofMillis(1));
    assertThat(journal.records().countDocuments()).isOne();
    assertThat(journal.processInstance(PROCESS_INSTANCE_KEY)).isNotNull();
    assertThat(exporter.exportedPosition()).isEqualTo(flowTaken.getPosition());
  }

  @Test
  void writesAFullBulkWithoutWaitingForTheFlushInterval() {
    var exporter = journal.open(Map.of("bulkSize", 3, "flushIntervalMs", 60_000));
    // 100..108: journaled are 101, 103, 105 (a full bulk) and 108 (buffered)
    var log = records.userTaskLifecycle().subList(0, 9);

    exporter.export(log);

    assertThat(journal.journal())
        .extracting(d -> d.getLong("position"))
        .containsExactly(101L, 103L, 105L);
    assertThat(exporter.exportedPosition())
        .as("past the written bulk and the not-journaled 106, 107; not past the buffered 108")
        .isEqualTo(107L);
  }

  @Test
  void closeWritesWhatIsStillBuffered() {
    var exporter = journal.open(Map.of("bulkSize", 100));
    var log = records.userTaskLifecycle();
    exporter.export(log);
    assertThat(journal.records().countDocuments()).isZero();

    exporter.exporter().close();

    assertThat(journal.records().countDocuments()).isEqualTo(11);
    assertThat(journal.userTask(USER_TASK_KEY).getString("state")).isEqualTo("COMPLETED");
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }

  @Test
  void cancelingTheInstanceCancelsItsOpenUserTask() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var log = new ArrayList<Record<?>>();
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(records.userTaskOpened());
    log.add(records.process(ProcessInstanceIntent.ELEMENT_TERMINATING));
    log.add(records.userTask(UserTaskIntent.CANCELING, ""));
    log.add(records.userTask(UserTaskIntent.CANCELED, ""));
    log.add(records.element(ProcessInstanceIntent.ELEMENT_TERMINATING, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK));
    log.add(records.element(ProcessInstanceIntent.ELEMENT_TERMINATED, REVIEW_TASK_ELEMENT_KEY, BpmnElementType.USER_TASK, REVIEW_TASK));
    log.add(records.process(ProcessInstanceIntent.ELEMENT_TERMINATED));

    exporter.export(log);

    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance.getString("state")).isEqualTo("CANCELED");
    assertThat(instance.getDate("endedAt")).isEqualTo(new Date(log.getLast().getTimestamp()));
    assertThat(instance.getList("activeElements", Document.class)).isEmpty();
    var task = journal.userTask(USER_TASK_KEY);
    assertThat(task.getString("state")).isEqualTo("CANCELED");
    assertThat(task.getDate("completedAt")).isNotNull();
    assertThat(journal.journal())
        .extracting(d -> d.getString("valueType"), d -> d.getString("intent"))
        .containsSubsequence(
            tuple("USER_TASK", "CANCELED"),
            tuple("PROCESS_INSTANCE", "ELEMENT_TERMINATED"),
            tuple("PROCESS_INSTANCE", "ELEMENT_TERMINATED"))
        .doesNotContain(tuple("PROCESS_INSTANCE", "ELEMENT_TERMINATING"), tuple("USER_TASK", "CANCELING"));
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }

  @Test
  void variablesThatLookLikeExtendedJsonDoNotStopTheExporter() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    var log = new ArrayList<Record<?>>();
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(records.userTaskOpened());
    log.add(
        records.userTask(
            UserTaskIntent.COMPLETED,
            ASSIGNEE,
            Map.of("nextReview", Map.of("$date", "next spring"), "ticket", new BigInteger("12345678901234567890"))));

    exporter.export(log);

    assertThat(journal.userTask(USER_TASK_KEY).getString("state")).isEqualTo("COMPLETED");
    assertThat(journal.journal()).extracting(d -> d.getLong("position")).contains(log.getLast().getPosition());
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
    var completed =
        journal.journal().stream().filter(d -> d.getLong("position") == log.getLast().getPosition()).findFirst().orElseThrow();
    assertThat(completed.get("value", org.bson.Document.class).getString("variables"))
        .as("user-chosen variables are kept verbatim as JSON text")
        .contains("\"$date\":\"next spring\"", "12345678901234567890");
  }

  @Test
  void acceptsOnlyEventsOfProcessInstancesUserTasksIncidentsAndJobs() {
    var exporter = journal.open(Map.of());
    var filter = exporter.context().getRecordFilter();

    assertThat(filter.acceptType(RecordType.EVENT)).isTrue();
    assertThat(filter.acceptType(RecordType.COMMAND)).isFalse();
    assertThat(filter.acceptType(RecordType.COMMAND_REJECTION)).isFalse();
    assertThat(List.of(ValueType.values()))
        .filteredOn(filter::acceptValue)
        .containsExactlyInAnyOrder(
            ValueType.PROCESS_INSTANCE, ValueType.USER_TASK, ValueType.INCIDENT, ValueType.JOB, ValueType.VARIABLE);
  }
}
