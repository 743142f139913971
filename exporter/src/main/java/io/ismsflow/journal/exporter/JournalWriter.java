package io.ismsflow.journal.exporter;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.bson.Document;

/** Writes buffered journal entries to MongoDB: the records first, then the projections, in order. */
final class JournalWriter {

  private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);
  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  private final MongoDatabase database;
  private boolean indexesEnsured;

  JournalWriter(MongoDatabase database) {
    this.database = database;
  }

  void write(List<JournalEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    ensureIndexes();
    var records = new ArrayList<WriteModel<Document>>(entries.size());
    var projections = new LinkedHashMap<String, List<WriteModel<Document>>>();
    for (var entry : entries) {
      if (entry.record() != null) {
        records.add(new ReplaceOneModel<>(Filters.eq("_id", entry.record().get("_id")), entry.record(), UPSERT));
      }
      for (var write : entry.projectionWrites()) {
        projections.computeIfAbsent(write.collection(), c -> new ArrayList<>()).add(write.model());
      }
    }
    if (!records.isEmpty()) {
      database.getCollection(JournalCollections.RECORDS).bulkWrite(records, IN_ORDER);
    }
    projections.forEach((collection, writes) -> database.getCollection(collection).bulkWrite(writes, IN_ORDER));
  }

  private void ensureIndexes() {
    if (indexesEnsured) {
      return;
    }
    database
        .getCollection(JournalCollections.RECORDS)
        .createIndex(Indexes.ascending("processInstanceKey", "position"), new IndexOptions().name("by_instance"));
    database
        .getCollection(JournalCollections.RECORDS)
        .createIndex(Indexes.ascending("valueType", "position"), new IndexOptions().name("by_type"));
    database
        .getCollection(JournalCollections.USER_TASKS)
        .createIndex(Indexes.ascending("state", "candidateGroups"), new IndexOptions().name("open_by_group"));
    database
        .getCollection(JournalCollections.USER_TASKS)
        .createIndex(Indexes.ascending("state", "assignee"), new IndexOptions().name("open_by_assignee"));
    database
        .getCollection(JournalCollections.PROCESS_INSTANCES)
        .createIndex(Indexes.ascending("state", "bpmnProcessId"), new IndexOptions().name("by_state"));
    database
        .getCollection(JournalCollections.VARIABLES)
        .createIndex(Indexes.ascending("processInstanceKey", "scopeKey"), new IndexOptions().name("by_scope"));
    indexesEnsured = true;
  }
}
