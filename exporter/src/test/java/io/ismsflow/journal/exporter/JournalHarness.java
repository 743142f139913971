package io.ismsflow.journal.exporter;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.camunda.zeebe.exporter.test.ExporterTestConfiguration;
import io.camunda.zeebe.exporter.test.ExporterTestContext;
import io.camunda.zeebe.exporter.test.ExporterTestController;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory MongoDB (mongo-java-server) on a free local port, exporters opened against it, and
 * read access to the journal collections. The server can be stopped and restarted on the same
 * port without losing its data, like a MongoDB outage.
 */
final class JournalHarness implements BeforeEachCallback, AfterEachCallback {

  static final String DATABASE = "isms_journal_test";

  /** Keeps its databases when the server shuts down (MongoServer#shutdown closes the backend). */
  private static final class DurableMemoryBackend extends MemoryBackend {
    @Override
    public void close() {}
  }

  private final MemoryBackend backend = new DurableMemoryBackend();
  private final List<JournalExporter> openExporters = new ArrayList<>();
  private MongoServer server;
  private int port;
  private MongoClient client;

  @Override
  public void beforeEach(ExtensionContext context) {
    server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    port = server.getLocalAddress().getPort();
    client = MongoClients.create("mongodb://127.0.0.1:" + port);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      openExporters.forEach(JournalExporter::close);
    } finally {
      client.close();
      if (server != null) {
        server.shutdownNow();
      }
    }
  }

  String url() {
    return "mongodb://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** Configures and opens an exporter writing to this server; closed after the test. */
  RunningExporter open(Map<String, Object> arguments) {
    var args = new HashMap<String, Object>(arguments);
    args.putIfAbsent("url", url());
    var context =
        new ExporterTestContext()
            .setConfiguration(new ExporterTestConfiguration<>("journal", args, a -> a));
    var controller = new ExporterTestController();
    var exporter = new JournalExporter();
    exporter.configure(context);
    exporter.open(controller);
    openExporters.add(exporter);
    return new RunningExporter(exporter, controller, context);
  }

  /** Stops the server and drops its client connections; the data stays. */
  void stopMongo() {
    server.shutdownNow();
    server = null;
  }

  /** A new server on the same port and the same data. */
  void restartMongo() {
    server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
  }

  MongoDatabase database() {
    return client.getDatabase(DATABASE);
  }

  MongoCollection<Document> records() {
    return database().getCollection(JournalCollections.RECORDS);
  }

  MongoCollection<Document> processInstances() {
    return database().getCollection(JournalCollections.PROCESS_INSTANCES);
  }

  MongoCollection<Document> userTasks() {
    return database().getCollection(JournalCollections.USER_TASKS);
  }

  Document variable(long scopeKey, String name) {
    return database().getCollection(JournalCollections.VARIABLES).find(eq("_id", scopeKey + ":" + name)).first();
  }

  /** The journal in position order. */
  List<Document> journal() {
    return records().find().sort(Sorts.ascending("position")).into(new ArrayList<>());
  }

  Document processInstance(long processInstanceKey) {
    return processInstances().find(eq("_id", processInstanceKey)).first();
  }

  Document userTask(long userTaskKey) {
    return userTasks().find(eq("_id", userTaskKey)).first();
  }

  /** An opened exporter with the broker-side test doubles it talks to. */
  record RunningExporter(
      JournalExporter exporter, ExporterTestController controller, ExporterTestContext context) {

    void export(List<Record<?>> records) {
      records.forEach(exporter::export);
    }

    /** The position the broker would consider exported (-1 before any). */
    long exportedPosition() {
      return controller.getPosition();
    }
  }
}
