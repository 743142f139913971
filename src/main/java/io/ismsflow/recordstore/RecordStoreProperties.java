package io.ismsflow.recordstore;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded record store, used when no MongoDB URI is configured.
 *
 * @param host loopback address the embedded server binds to
 * @param port its port (0: any free port)
 * @param directory where its data file lives
 * @param database the database name
 */
@ConfigurationProperties("isms.record-store.embedded")
public record RecordStoreProperties(String host, int port, Path directory, String database) {

  public RecordStoreProperties {
    host = host == null || host.isBlank() ? "127.0.0.1" : host;
    directory = directory == null ? Path.of("data", "mongo") : directory;
    database = database == null || database.isBlank() ? "isms" : database;
  }
}
