package io.ismsflow.audit;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Verifies the audit trail from the command line ({@code ./isms audit-verify}), without starting
 * the app: against a MongoDB URI, or the embedded record store's file in a data directory.
 * Exit codes: 0 intact, 1 broken (the first broken link is printed), 2 could not check.
 */
public final class AuditVerifyCommand {

  public static final String NAME = "audit-verify";
  private static final String USAGE =
      "usage: audit-verify [--mongodb-uri=mongodb://host:27017/isms | --data-dir=DIR]   (default: --data-dir=data)";

  private AuditVerifyCommand() {}

  public static int run(List<String> args, PrintStream out) {
    String uri = null;
    var dataDir = Path.of("data");
    for (var arg : args) {
      if (arg.startsWith("--mongodb-uri=")) {
        uri = arg.substring("--mongodb-uri=".length());
      } else if (arg.startsWith("--data-dir=")) {
        dataDir = Path.of(arg.substring("--data-dir=".length()));
      } else {
        out.println(USAGE);
        return 2;
      }
    }
    try {
      return uri != null ? verifyAt(uri, out) : verifyFile(dataDir.resolve("mongo").resolve("records.mv.db"), out);
    } catch (RuntimeException e) {
      out.println("Could not check the audit trail: " + e.getMessage());
      return 2;
    }
  }

  private static int verifyFile(Path file, PrintStream out) {
    if (!Files.isRegularFile(file)) {
      out.println("There is no record store at " + file.toAbsolutePath() + " (give --data-dir=DIR or --mongodb-uri=URI)");
      return 2;
    }
    H2Backend backend;
    try {
      backend = new H2Backend(file.toString());
    } catch (RuntimeException e) {
      out.println(
          "The record store " + file + " is in use, probably by a running ISMS Flow. Check through it instead:"
              + " --mongodb-uri=mongodb://127.0.0.1:27018/isms (its embedded store), or GET /api/audit/verify");
      return 2;
    }
    var server = new MongoServer(backend);
    try {
      InetSocketAddress address = server.bind();
      return verifyAt("mongodb://127.0.0.1:" + address.getPort() + "/isms", out);
    } finally {
      server.shutdownNow();
    }
  }

  private static int verifyAt(String uri, PrintStream out) {
    var connection = new ConnectionString(uri);
    var database = connection.getDatabase() == null ? "isms" : connection.getDatabase();
    try (var client = MongoClients.create(connection)) {
      var trail = new AuditTrail(new MongoTemplate(client, database), JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());
      var result = trail.verify();
      if (result.intact()) {
        out.println("Audit trail intact: " + result.entriesChecked() + " entries checked.");
        return 0;
      }
      out.println(
          "Audit trail BROKEN at entry " + result.firstBrokenSequence() + ": " + result.problem() + " ("
              + result.entriesChecked() + " entries checked).");
      return 1;
    }
  }
}
