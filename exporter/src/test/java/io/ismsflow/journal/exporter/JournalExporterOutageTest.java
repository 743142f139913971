package io.ismsflow.journal.exporter;

import static io.ismsflow.journal.exporter.TestRecords.ASSIGNEE;
import static io.ismsflow.journal.exporter.TestRecords.PROCESS_INSTANCE_KEY;
import static io.ismsflow.journal.exporter.TestRecords.USER_TASK_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker deletes its log up to the exported position, so the position may only move past a
 * record once MongoDB has acknowledged it. While MongoDB is down the exporter buffers, then refuses
 * records (the broker retries them); when MongoDB is back everything is written.
 */
class JournalExporterOutageTest {

  @RegisterExtension final JournalHarness journal = new JournalHarness();

  private final TestRecords records = new TestRecords(100);

  @Test
  void keepsPositionAndRecordsWhileMongoIsDownAndWritesEverythingOnceItIsBack() {
    var exporter = journal.open(Map.of("bulkSize", 2, "maxBufferSize", 2, "flushIntervalMs", 100));
    var log = records.userTaskLifecycle();
    // 100 ACTIVATING, 101 ACTIVATED*, 102, 103*, 104, 105* | 106, 107, 108*, 109 | ... 123*
    // (* = journaled; log.get(i) has position 100 + i)
    exporter.export(log.subList(0, 6)); // 100..105
    assertThat(exporter.exportedPosition()).isEqualTo(104L); // 105 waits in the buffer

    journal.stopMongo();
    exporter.export(log.subList(6, 9)); // 106, 107, 108: the bulk is full, the write fails
    assertThat(exporter.exportedPosition()).isEqualTo(104L);

    var refused = log.get(9); // 109, the buffer holds maxBufferSize records
    assertThatThrownBy(() -> exporter.exporter().export(refused))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unreachable")
        .hasMessageContaining("2 records are waiting");
    assertThat(exporter.exportedPosition()).isEqualTo(104L);

    journal.restartMongo();
    assertThat(journal.journal()).extracting(d -> d.getLong("position")).containsExactly(101L, 103L);

    exporter.controller().runScheduledTasks(Duration.ofSeconds(60));
    assertThat(journal.journal())
        .extracting(d -> d.getLong("position"))
        .containsExactly(101L, 103L, 105L, 108L);
    assertThat(exporter.exportedPosition()).isEqualTo(108L);

    // the broker retries the refused record and goes on
    exporter.export(log.subList(9, log.size()));
    exporter.controller().runScheduledTasks(Duration.ofSeconds(1));

    assertThat(journal.journal())
        .extracting(d -> d.getLong("position"))
        .containsExactly(101L, 103L, 105L, 108L, 110L, 112L, 114L, 116L, 119L, 121L, 123L);
    assertThat(exporter.exportedPosition()).isEqualTo(log.getLast().getPosition());
    assertThat(journal.processInstance(PROCESS_INSTANCE_KEY).getString("state")).isEqualTo("COMPLETED");
    var task = journal.userTask(USER_TASK_KEY);
    assertThat(task.getString("state")).isEqualTo("COMPLETED");
    assertThat(task.getString("assignee")).isEqualTo(ASSIGNEE);
  }

  @Test
  void scheduledFlushBacksOffWhileMongoIsDownAndCatchesUpWhenItIsBack() {
    var exporter = journal.open(Map.of("bulkSize", 50, "flushIntervalMs", 100));
    var activated = records.process(ProcessInstanceIntent.ELEMENT_ACTIVATED);
    exporter.exporter().export(activated);
    exporter.controller().runScheduledTasks(Duration.ofMillis(100));
    assertThat(exporter.exportedPosition()).isEqualTo(activated.getPosition());

    journal.stopMongo();
    var flowTaken = records.sequenceFlowTaken(7, "to-review");
    var reviewActivated = records.userTaskOpened().get(1);
    exporter.exporter().export(reviewActivated);
    exporter.exporter().export(flowTaken);
    exporter.controller().runScheduledTasks(Duration.ofMillis(100));

    assertThat(exporter.exportedPosition()).isEqualTo(activated.getPosition());
    assertThat(exporter.controller().getScheduledTasks().getLast().getDelay())
        .as("the next attempt waits longer than the flush interval")
        .isEqualTo(Duration.ofMillis(200));

    journal.restartMongo();
    exporter.controller().runScheduledTasks(Duration.ofMillis(200));

    assertThat(exporter.exportedPosition()).isEqualTo(flowTaken.getPosition());
    assertThat(journal.journal())
        .extracting(d -> d.getLong("position"))
        .containsExactly(activated.getPosition(), reviewActivated.getPosition());
    assertThat(exporter.controller().getScheduledTasks().getLast().getDelay())
        .as("back to the flush interval after a successful write")
        .isEqualTo(Duration.ofMillis(100));
  }
}
