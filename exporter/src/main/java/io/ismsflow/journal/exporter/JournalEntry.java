package io.ismsflow.journal.exporter;

import com.mongodb.client.model.WriteModel;
import java.util.List;
import org.bson.Document;

/**
 * What one exported record becomes: its journal document and the updates of the projections
 * (process instances, user tasks) it causes, in the order they must be applied.
 */
record JournalEntry(long position, Document record, List<ProjectionWrite> projectionWrites) {

  record ProjectionWrite(String collection, WriteModel<Document> model) {}
}
