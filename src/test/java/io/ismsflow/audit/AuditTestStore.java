package io.ismsflow.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The embedded MongoDB-compatible server (mongo-java-server, H2 backend in memory) that the app
 * uses as its default record store, on a free loopback port, reached over TCP with the real MongoDB
 * driver. Each {@link #freshDatabase()} is an empty database. Not a test itself.
 */
public final class AuditTestStore implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;
  private final AtomicInteger databases = new AtomicInteger();

  public AuditTestStore() {
    quiet("de.bwaldvogel.mongo"); // as in application.yml: it logs every connection and database at INFO
    quiet("org.mongodb.driver");
    server = new MongoServer(H2Backend.inMemory());
    server.bind("127.0.0.1", 0);
    client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
  }

  private static void quiet(String loggerName) {
    if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  public MongoTemplate freshDatabase() {
    return new MongoTemplate(client, "audit" + databases.incrementAndGet());
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }

  /** A clock the test moves by hand; {@link #onRead} runs on every read (to stage races). */
  public static final class TestClock extends Clock {

    private volatile Instant now;
    private volatile Runnable onRead = () -> {};

    public TestClock(Instant start) {
      this.now = start;
    }

    public void set(Instant instant) {
      now = instant;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    public void onRead(Runnable action) {
      onRead = action;
    }

    @Override
    public Instant instant() {
      onRead.run();
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
