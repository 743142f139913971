package io.ismsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code ./isms audit-verify} on the embedded record store's file, with the app stopped. */
class AuditVerifyCommandTest {

  @TempDir Path dataDir;

  @Test
  void anUntouchedTrailIsReportedIntactWithExitCodeZero() throws Exception {
    writeTrail(3, false);
    var out = new ByteArrayOutputStream();
    var code = AuditVerifyCommand.run(List.of("--data-dir=" + dataDir), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact", "3 entries");
  }

  @Test
  void anEditedEntryIsNamedWithExitCodeOne() throws Exception {
    writeTrail(3, true);
    var out = new ByteArrayOutputStream();
    var code = AuditVerifyCommand.run(List.of("--data-dir=" + dataDir), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry 2");
  }

  @Test
  void aMissingStoreOrAnUnknownOptionCannotBeChecked() {
    var out = new ByteArrayOutputStream();
    var stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(AuditVerifyCommand.run(List.of("--data-dir=" + dataDir.resolve("none")), stream)).isEqualTo(2);
    assertThat(AuditVerifyCommand.run(List.of("--bogus"), stream)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no record store", "usage");
  }

  /** Writes a trail as the app does, into the store file of a data directory; optionally edits entry 2. */
  private void writeTrail(int entries, boolean tamper) throws Exception {
    var file = Files.createDirectories(dataDir.resolve("mongo")).resolve("records.mv.db");
    var server = new MongoServer(new H2Backend(file.toString()));
    var address = server.bind();
    try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      var mongo = new MongoTemplate(client, "isms");
      var trail = new AuditTrail(mongo, JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());
      for (int i = 1; i <= entries; i++) {
        trail.append(new AuditEvent("ciso.anna", List.of("ciso"), "risk.assessed", "risk", "R-" + i, null, Map.of("score", i), null, null));
      }
      if (tamper) {
        mongo.getCollection("audit_trail").updateOne(new Document("_id", 2L), new Document("$set", new Document("actor", "someone.else")));
      }
    } finally {
      server.shutdownNow();
    }
  }
}
