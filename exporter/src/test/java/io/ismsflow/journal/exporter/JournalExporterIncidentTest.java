package io.ismsflow.journal.exporter;

import static io.ismsflow.journal.exporter.TestRecords.INCIDENT_KEY;
import static io.ismsflow.journal.exporter.TestRecords.JOB_KEY;
import static io.ismsflow.journal.exporter.TestRecords.PROCESS_INSTANCE_KEY;
import static io.ismsflow.journal.exporter.TestRecords.SERVICE_TASK;
import static io.ismsflow.journal.exporter.TestRecords.SERVICE_TASK_ELEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalExporterIncidentTest {

  private static final String FAILURE = "Mail server refused the connection (retries exhausted)";

  @RegisterExtension final JournalHarness journal = new JournalHarness();

  private final TestRecords records = new TestRecords(900);
  private JournalHarness.RunningExporter exporter;

  @BeforeEach
  void startInstanceAtServiceTask() {
    exporter = journal.open(Map.of("bulkSize", 1));
    exporter.export(
        List.of(
            records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED),
            records.element(
                ProcessInstanceIntent.ELEMENT_ACTIVATED,
                SERVICE_TASK_ELEMENT_KEY,
                BpmnElementType.SERVICE_TASK,
                SERVICE_TASK)));
  }

  @Test
  void incidentCreatedIsAddedToTheInstanceAndRemovedWhenResolved() {
    var created = records.incident(IncidentIntent.CREATED, INCIDENT_KEY, FAILURE);
    exporter.exporter().export(created);

    var incidents = journal.processInstance(PROCESS_INSTANCE_KEY).getList("incidents", Document.class);
    assertThat(incidents)
        .extracting(
            i -> i.getLong("incidentKey"),
            i -> i.getString("errorType"),
            i -> i.getString("errorMessage"),
            i -> i.getString("elementId"),
            i -> i.getLong("elementInstanceKey"),
            i -> i.getLong("jobKey"))
        .containsExactly(
            tuple(INCIDENT_KEY, "JOB_NO_RETRIES", FAILURE, SERVICE_TASK, SERVICE_TASK_ELEMENT_KEY, JOB_KEY));
    assertThat(incidents.getFirst().getDate("createdAt")).isNotNull();

    exporter.exporter().export(records.incident(IncidentIntent.RESOLVED, INCIDENT_KEY, FAILURE));

    var instance = journal.processInstance(PROCESS_INSTANCE_KEY);
    assertThat(instance.getList("incidents", Document.class)).isEmpty();
    assertThat(instance.getString("state")).isEqualTo("ACTIVE");
    assertThat(journal.journal())
        .extracting(d -> d.getString("valueType"), d -> d.getString("intent"))
        .endsWith(tuple("INCIDENT", "CREATED"), tuple("INCIDENT", "RESOLVED"));
  }

  @Test
  void resolvingOneIncidentKeepsTheOthers() {
    exporter.export(
        List.of(
            records.incident(IncidentIntent.CREATED, INCIDENT_KEY, FAILURE),
            records.incident(IncidentIntent.CREATED, INCIDENT_KEY + 1, "second"),
            records.incident(IncidentIntent.RESOLVED, INCIDENT_KEY, FAILURE)));

    assertThat(journal.processInstance(PROCESS_INSTANCE_KEY).getList("incidents", Document.class))
        .extracting(i -> i.getLong("incidentKey"))
        .containsExactly(INCIDENT_KEY + 1);
  }

  @Test
  void journalsOnlyJobsThatWentWrong() {
    var log =
        List.<Record<?>>of(
            records.job(JobIntent.CREATED, 3, ""),
            records.job(JobIntent.TIMED_OUT, 3, ""),
            records.job(JobIntent.RETRIES_UPDATED, 5, ""),
            records.job(JobIntent.ERROR_THROWN, 3, "Owner unknown"),
            records.job(JobIntent.COMPLETED, 3, ""));

    exporter.export(log);

    assertThat(journal.journal())
        .filteredOn(d -> "JOB".equals(d.getString("valueType")))
        .extracting(d -> d.getString("intent"))
        .containsExactly("TIMED_OUT", "ERROR_THROWN");
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }

  @Test
  void failedJobIsJournaledWithItsErrorMessageButWithoutVariablesOrHeaders() {
    var log =
        List.<Record<?>>of(
            records.job(JobIntent.CREATED, 3, ""),
            records.job(JobIntent.FAILED, 0, FAILURE),
            records.incident(IncidentIntent.CREATED, INCIDENT_KEY, FAILURE));

    exporter.export(log);

    var jobs = new ArrayList<Document>();
    journal.records().find(new Document("valueType", "JOB")).into(jobs);
    assertThat(jobs).singleElement().satisfies(
        job -> {
          assertThat(job.getString("intent")).isEqualTo("FAILED");
          assertThat(job.getLong("position")).isEqualTo(log.get(1).getPosition());
          assertThat(job.getLong("key")).isEqualTo(JOB_KEY);
          assertThat(job.getLong("processInstanceKey")).isEqualTo(PROCESS_INSTANCE_KEY);
          assertThat(job.getString("elementId")).isEqualTo(SERVICE_TASK);
          var value = job.get("value", Document.class);
          assertThat(value.getString("errorMessage")).isEqualTo(FAILURE);
          assertThat(value.getInteger("retries")).isZero();
          assertThat(value.getString("type")).isEqualTo("notify-owner");
          assertThat(value).doesNotContainKeys("variables", "customHeaders");
          assertThat(job.toJson()).doesNotContain("secret-token");
        });
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
  }
}
