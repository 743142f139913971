package io.ismsflow.journal.exporter;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Context.RecordFilter;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The process journal: a Zeebe exporter that writes process instances, user tasks, incidents and
 * failing jobs to MongoDB.
 *
 * <ul>
 *   <li>Idempotent: every write is keyed by partition and position or guarded by the last applied
 *       position, so a record replayed after a restart never duplicates anything.
 *   <li>Ordered: records are written in position order, in ordered bulk writes.
 *   <li>Loses nothing: the broker's exported position moves only after MongoDB acknowledged the
 *       write. While MongoDB is unreachable the exporter keeps retrying with back-off; once its
 *       buffer is full it refuses further records, and the broker retries them and keeps its log.
 * </ul>
 */
public final class JournalExporter implements Exporter {

  private static final Set<ValueType> EXPORTED_VALUE_TYPES =
      Set.of(ValueType.PROCESS_INSTANCE, ValueType.USER_TASK, ValueType.INCIDENT, ValueType.JOB, ValueType.VARIABLE);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final RecordMapper mapper = new RecordMapper();
  private final List<JournalEntry> buffer = new ArrayList<>();

  private Logger log;
  private JournalConfiguration configuration;
  private Controller controller;
  private MongoClient client;
  private JournalWriter writer;
  private ScheduledTask flushTask;
  private long lastSeenPosition = -1;
  private int consecutiveFailures;

  @Override
  public void configure(Context context) {
    log = context.getLogger();
    configuration = JournalConfiguration.from(context.getConfiguration().getArguments());
    context.setFilter(
        new RecordFilter() {
          @Override
          public boolean acceptType(RecordType recordType) {
            return recordType == RecordType.EVENT;
          }

          @Override
          public boolean acceptValue(ValueType valueType) {
            return EXPORTED_VALUE_TYPES.contains(valueType);
          }
        });
  }

  @Override
  public void open(Controller controller) {
    this.controller = controller;
    var settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(configuration.url()))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
            .applicationName("isms-journal-exporter")
            .build();
    client = MongoClients.create(settings);
    writer = new JournalWriter(client.getDatabase(configuration.database()));
    log.info(
        "Process journal exporter writes to {} (database '{}')",
        configuration.redactedUrl(),
        configuration.database());
    scheduleFlush(configuration.flushInterval());
  }

  @Override
  public void export(Record<?> record) {
    if (buffer.size() >= configuration.maxBufferSize() && !flush()) {
      throw new IllegalStateException(
          "Process journal: MongoDB at "
              + configuration.redactedUrl()
              + " is unreachable and "
              + buffer.size()
              + " records are waiting; the broker keeps this record and retries");
    }
    mapper.map(record).ifPresent(buffer::add);
    lastSeenPosition = record.getPosition();
    if (buffer.isEmpty()) {
      controller.updateLastExportedRecordPosition(lastSeenPosition);
    } else if (buffer.size() >= configuration.bulkSize()) {
      flush();
    }
  }

  @Override
  public void close() {
    if (flushTask != null) {
      flushTask.cancel();
    }
    if (writer != null && !flush()) {
      log.warn(
          "Process journal: {} records not yet written at shutdown; the broker exports them again on its next start",
          buffer.size());
    }
    if (client != null) {
      client.close();
    }
  }

  /** Writes the buffer; moves the exported position only when MongoDB has acknowledged it. */
  private boolean flush() {
    if (buffer.isEmpty()) {
      return true;
    }
    try {
      writer.write(buffer);
      buffer.clear();
      controller.updateLastExportedRecordPosition(lastSeenPosition);
      if (consecutiveFailures > 0) {
        log.info("Process journal: MongoDB reachable again after {} failed writes", consecutiveFailures);
      }
      consecutiveFailures = 0;
      return true;
    } catch (MongoException e) {
      consecutiveFailures++;
      if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
        log.warn(
            "Process journal: cannot write {} records to MongoDB ({} attempts so far), retrying: {}",
            buffer.size(),
            consecutiveFailures,
            e.getMessage());
      }
      return false;
    }
  }

  private void scheduleFlush(Duration delay) {
    flushTask =
        controller.scheduleCancellableTask(
            delay,
            () -> {
              var written = flush();
              scheduleFlush(written ? configuration.flushInterval() : backoff());
            });
  }

  private Duration backoff() {
    var factor = 1L << Math.min(consecutiveFailures, 6);
    var delay = configuration.flushInterval().multipliedBy(factor);
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
