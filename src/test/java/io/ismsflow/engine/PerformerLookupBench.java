package io.ismsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.IsmsIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Benchmark (run by {@code ./isms bench}, not by the tests): how long a worker's look-up of who
 * performed a task takes in the process journal of a large instance on the embedded record store: a
 * risk review of 1,000 risks (one subprocess instance each, three completed user tasks in each) in
 * a journal that also holds 30,000 records of other instances. Every approval worker makes such
 * look-ups (the approver, and everyone whose work it approves). Target: median well under 200 ms.
 * Writes {@code target/bench/performer-lookup.txt}; fails only when the median misses the target.
 */
@IsmsIntegrationTest
class PerformerLookupBench {

  static final int SCOPES = 1_000;
  static final int OTHER_RECORDS = 30_000;
  static final int RUNS = 40;
  static final double TARGET_MILLIS = 200;
  static final long INSTANCE = 7_700_000_000_000_000L + new Random().nextInt(1_000_000) * 10_000L;

  @Autowired MongoTemplate mongo;
  @Autowired ProcessJournal journal;

  @Test
  void performersOfAThousandRiskReview() throws IOException {
    seed();
    var random = new Random(7);
    var millis = new ArrayList<Double>();
    for (int run = 0; run < RUNS; run++) {
      var risk = random.nextInt(SCOPES);
      var start = System.nanoTime();
      var approver = journal.lastCompleterSetting(INSTANCE, scopeKey(risk), "approvedBy");
      var performers = journal.completersInScope(INSTANCE, scopeKey(risk), List.of("AssessRiskTask", "PlanTreatmentTask"));
      millis.add((System.nanoTime() - start) / 1e6);
      assertThat(approver).contains("ciso-" + risk);
      assertThat(performers).containsExactly("owner-" + risk, "owner-" + risk);
    }
    millis.sort(Double::compare);
    var median = millis.get(RUNS / 2);
    var result =
        String.format(
            "performer look-up (approver + performers of one risk's branch), risk review of %d risks, %d other journal records, %d runs, %d cores, Java %s%n"
                + "min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n"
                + "target: median well under %.0f ms: %s%n",
            SCOPES, OTHER_RECORDS, RUNS, Runtime.getRuntime().availableProcessors(), Runtime.version(),
            millis.getFirst(), median, millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.getLast(), TARGET_MILLIS,
            median < TARGET_MILLIS ? "MET" : "MISSED");
    System.out.print(result);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/performer-lookup.txt"), result);
    assertThat(median).as("median milliseconds").isLessThan(TARGET_MILLIS);
  }

  private static long scopeKey(int risk) {
    return INSTANCE + 1 + risk * 10L;
  }

  /** The journal as the exporter writes it: activations, user task completions and their projections. */
  private void seed() {
    var records = new ArrayList<Document>();
    var tasks = new ArrayList<Document>();
    long position = INSTANCE;
    for (int risk = 0; risk < SCOPES; risk++) {
      var steps = List.of("AssessRiskTask", "PlanTreatmentTask", "ApproveTreatmentTask");
      for (int step = 0; step < steps.size(); step++) {
        var elementInstance = scopeKey(risk) + 1 + step;
        var performer = step < 2 ? "owner-" + risk : "ciso-" + risk;
        var variable = step < 2 ? "assessedBy" : "approvedBy";
        records.add(record(++position, elementInstance, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", steps.get(step),
            new Document("flowScopeKey", scopeKey(risk)).append("bpmnElementType", "USER_TASK").append("elementId", steps.get(step))));
        records.add(record(++position, elementInstance + 5, "USER_TASK", "COMPLETED", steps.get(step),
            new Document("elementInstanceKey", elementInstance).append("assignee", performer)
                .append("customHeaders", "{\"isms.completedByVariable\":\"" + variable + "\"}")));
        tasks.add(new Document("_id", elementInstance + 5).append("processInstanceKey", INSTANCE).append("elementId", steps.get(step))
            .append("elementInstanceKey", elementInstance).append("state", "COMPLETED").append("assignee", performer));
      }
    }
    for (int i = 0; i < OTHER_RECORDS; i++) {
      records.add(record(++position, INSTANCE + 100_000_000L + i, i % 2 == 0 ? "PROCESS_INSTANCE" : "USER_TASK", "COMPLETED", "Other",
          new Document("flowScopeKey", 1L).append("elementInstanceKey", 2L)).append("processInstanceKey", INSTANCE + 1_000_000_000L + i % 500));
    }
    mongo.insert(records, ProcessJournal.RECORDS);
    mongo.insert(tasks, ProcessJournal.USER_TASKS);
  }

  private static Document record(long position, long key, String valueType, String intent, String elementId, Document value) {
    return new Document("_id", "1-" + position)
        .append("partitionId", 1)
        .append("position", position)
        .append("key", key)
        .append("timestamp", new Date())
        .append("valueType", valueType)
        .append("intent", intent)
        .append("processInstanceKey", INSTANCE)
        .append("bpmnProcessId", "RiskReviewProcess")
        .append("elementId", elementId)
        .append("value", value.append("processInstanceKey", INSTANCE));
  }
}
