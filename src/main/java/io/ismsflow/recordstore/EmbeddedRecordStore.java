package io.ismsflow.recordstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.ismsflow.platform.FreePort;
import io.ismsflow.platform.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible record store (mongo-java-server with its H2 file backend): used
 * when no MongoDB URI is configured, so that a machine without MongoDB or Docker runs the product.
 * It listens on loopback only; the broker's journal exporter writes to it over TCP as well.
 */
public final class EmbeddedRecordStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRecordStore.class);

  private final MongoServer server;
  private final String connectionString;

  EmbeddedRecordStore(RecordStoreProperties properties) {
    var dataFile = prepareDirectory(properties.directory()).resolve("records.mv.db");
    if (FreePort.isTaken(properties.host(), properties.port())) {
      throw new StartupException(
          "Port " + properties.port() + " for the embedded record store is already in use on " + properties.host()
              + ". Is another ISMS Flow running?",
          "Stop the other instance, or choose another port with isms.record-store.embedded.port"
              + " (ISMS_RECORD_STORE_EMBEDDED_PORT), or use a real MongoDB with spring.data.mongodb.uri.");
    }
    H2Backend backend;
    try {
      backend = new H2Backend(dataFile.toString());
    } catch (RuntimeException e) {
      throw new StartupException(
          "Cannot open the record store file " + dataFile + ": " + e.getMessage(),
          "Another ISMS Flow may be using the same data directory (isms.data-dir); stop it or use another directory.",
          e);
    }
    server = new MongoServer(backend);
    server.bind(properties.host(), properties.port());
    connectionString = "mongodb://" + properties.host() + ":" + properties.port() + "/" + properties.database();
    log.info("Record store: embedded MongoDB-compatible server on {} with data in {}", connectionString, dataFile);
  }

  /** The connection string of the running server. */
  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdownNow(); // closes the backend too, which writes the data file
    log.info("Record store: embedded server stopped, data written");
  }

  private static Path prepareDirectory(Path directory) {
    try {
      return Files.createDirectories(directory.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new StartupException(
          "Cannot create the record store directory " + directory + ": " + e.getMessage(),
          "Check that isms.data-dir points to a writable directory.",
          e);
    }
  }
}
