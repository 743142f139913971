package io.ismsflow.journal.exporter;

import static io.ismsflow.journal.exporter.TestRecords.ASSIGNEE;
import static io.ismsflow.journal.exporter.TestRecords.PROCESS_INSTANCE_KEY;
import static io.ismsflow.journal.exporter.TestRecords.REVIEW_TASK;
import static io.ismsflow.journal.exporter.TestRecords.USER_TASK_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After a broker restart the records from the last exported position on are exported again, to a
 * fresh exporter instance. Nothing may be duplicated and no projection may go back in time.
 */
class JournalExporterReplayTest {

  @RegisterExtension final JournalHarness journal = new JournalHarness();

  private final TestRecords records = new TestRecords(500);

  @Test
  void replayingTheWholeLogChangesNothing() {
    var log = records.userTaskLifecycle();
    var beforeRestart = journal.open(Map.of("bulkSize", 4));
    beforeRestart.export(log);
    beforeRestart.exporter().close(); // broker shutdown: the last partial bulk is written
    var before = snapshot();

    var afterRestart = journal.open(Map.of("bulkSize", 4));
    afterRestart.export(log);
    afterRestart.exporter().close();

    assertThat(snapshot()).isEqualTo(before);
    assertThat(journal.records().countDocuments()).isEqualTo(11);
    assertThat(journal.processInstances().countDocuments()).isOne();
    assertThat(journal.userTasks().countDocuments()).isOne();
    assertThat(afterRestart.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }

  @Test
  void replayingCreatedAfterCompletedDoesNotReopenTheTask() {
    var log = records.userTaskLifecycle();
    journal.open(Map.of("bulkSize", 1)).export(log);
    var created = recordOf(log, UserTaskIntent.CREATED);
    var assigned = recordOf(log, UserTaskIntent.ASSIGNED);

    var afterRestart = journal.open(Map.of("bulkSize", 1));
    afterRestart.export(List.of(created, assigned));

    var task = journal.userTask(USER_TASK_KEY);
    assertThat(task.getString("state")).isEqualTo("COMPLETED");
    assertThat(task.getString("assignee")).isEqualTo(ASSIGNEE);
    assertThat(task.getDate("completedAt")).isNotNull();
    assertThat(task.getLong("lastPosition")).isEqualTo(recordOf(log, UserTaskIntent.COMPLETED).getPosition());
  }

  @Test
  void replayingActivationsAfterCompletionDoesNotReactivateTheInstance() {
    var log = records.userTaskLifecycle();
    journal.open(Map.of("bulkSize", 1)).export(log);
    var instanceBefore = journal.processInstance(PROCESS_INSTANCE_KEY);

    // the broker replays from the review task's activation on
    var fromReview = new ArrayList<Record<?>>();
    fromReview.add(log.get(1)); // process ELEMENT_ACTIVATED
    fromReview.addAll(
        log.stream()
            .filter(r -> r.getPosition() >= recordOf(log, UserTaskIntent.CREATING).getPosition() - 2)
            .toList());
    var afterRestart = journal.open(Map.of("bulkSize", 1));
    afterRestart.export(fromReview);

    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance).isEqualTo(instanceBefore);
    assertThat(instance.getString("state")).isEqualTo("COMPLETED");
    assertThat(instance.getList("activeElements", Document.class)).isEmpty();
  }

  @Test
  void replayingFromTheMiddleOfAnOpenInstanceDoesNotDuplicateActiveElementsOrIncidents() {
    var log = new ArrayList<Record<?>>();
    log.add(records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED));
    log.addAll(records.userTaskOpened());
    log.add(
        records.element(
            ProcessInstanceIntent.ELEMENT_ACTIVATED,
            TestRecords.SERVICE_TASK_ELEMENT_KEY,
            BpmnElementType.SERVICE_TASK,
            TestRecords.SERVICE_TASK));
    log.add(records.incident(IncidentIntent.CREATED, TestRecords.INCIDENT_KEY, "No more retries left."));
    var beforeRestart = journal.open(Map.of("bulkSize", 2));
    beforeRestart.export(log);
    beforeRestart.exporter().close();
    var before = snapshot();

    var afterRestart = journal.open(Map.of("bulkSize", 2));
    afterRestart.export(log.subList(1, log.size()));
    afterRestart.exporter().close();

    assertThat(snapshot()).isEqualTo(before);
    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance.getList("activeElements", Document.class))
        .extracting(e -> e.getString("elementId"))
        .containsExactly(REVIEW_TASK, TestRecords.SERVICE_TASK);
    assertThat(instance.getList("incidents", Document.class)).hasSize(1);
    assertThat(journal.userTask(USER_TASK_KEY).getString("state")).isEqualTo("CREATED");
  }

  private Map<String, List<Document>> snapshot() {
    return Map.of(
        "records", journal.journal(),
        "instances", journal.processInstances().find().into(new ArrayList<>()),
        "tasks", journal.userTasks().find().into(new ArrayList<>()));
  }

  private static Record<?> recordOf(List<Record<?>> log, UserTaskIntent intent) {
    return log.stream().filter(r -> r.getIntent() == intent).findFirst().orElseThrow();
  }
}
