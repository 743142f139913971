package io.ismsflow.journal.exporter;

import com.mongodb.client.model.WriteModel;
import java.util.List;
import org.bson.Document;

/**
 * What one exported record becomes: its journal document (none for variables, which only update
 * their projection) and the updates of the projections it causes, in the order they must be applied.
 */
record JournalEntry(long position, Document record, List<ProjectionWrite> projectionWrites) {

  record ProjectionWrite(String collection, WriteModel<Document> model) {}
}
