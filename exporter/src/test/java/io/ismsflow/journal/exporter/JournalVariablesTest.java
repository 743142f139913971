package io.ismsflow.journal.exporter;

import static io.ismsflow.journal.exporter.TestRecords.PROCESS_INSTANCE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Variables are kept per scope with their latest value, so that task forms can be filled in. */
class JournalVariablesTest {

  @RegisterExtension final JournalHarness journal = new JournalHarness();

  private final TestRecords records = new TestRecords(500);

  @Test
  void theLatestValueOfEachVariableIsKeptPerScopeAndNotInTheRecordJournal() {
    var exporter = journal.open(Map.of("bulkSize", 1));
    exporter.export(
        List.of(
            records.variable(VariableIntent.CREATED, PROCESS_INSTANCE_KEY, "riskId", "\"R-001\""),
            records.variable(VariableIntent.CREATED, 77L, "riskId", "\"R-002\""),
            records.variable(VariableIntent.UPDATED, PROCESS_INSTANCE_KEY, "riskId", "\"R-003\"")));

    assertThat(journal.variable(PROCESS_INSTANCE_KEY, "riskId").getString("value")).isEqualTo("\"R-003\"");
    assertThat(journal.variable(77L, "riskId").getString("value")).isEqualTo("\"R-002\"");
    assertThat(journal.variable(77L, "riskId").getLong("processInstanceKey")).isEqualTo(PROCESS_INSTANCE_KEY);
    assertThat(journal.journal()).isEmpty();
  }

  @Test
  void replayingOlderValuesDoesNotOverwriteNewerOnes() {
    List<Record<?>> log =
        List.of(
            records.variable(VariableIntent.CREATED, 77L, "likelihood", "2"),
            records.variable(VariableIntent.UPDATED, 77L, "likelihood", "4"));
    journal.open(Map.of("bulkSize", 1)).export(log);

    journal.open(Map.of("bulkSize", 1)).export(log);

    assertThat(journal.variable(77L, "likelihood").getString("value")).isEqualTo("4");
  }

  @Test
  void aHugeValueIsNotedButNotCopied() {
    var huge = "\"" + "x".repeat(RecordMapper.MAX_VARIABLE_CHARS + 1) + "\"";
    journal.open(Map.of("bulkSize", 1)).export(List.of(records.variable(VariableIntent.CREATED, 77L, "blob", huge)));

    var stored = journal.variable(77L, "blob");
    assertThat(stored.getBoolean("tooLarge")).isTrue();
    assertThat(stored.get("value")).isNull();
  }
}
