package io.ismsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit trail against the embedded MongoDB-compatible server the app uses by default (over
 * TCP, with the real driver), without Spring and without the Camunda broker. Tampering is done the
 * way an attacker with database access would: directly on the documents.
 */
class AuditTrailTest {

  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

  private static AuditTestStore store;

  private MongoTemplate mongo;
  private AuditTestStore.TestClock clock;
  private AuditTrail trail;

  @BeforeAll
  static void startStore() {
    store = new AuditTestStore();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void emptyTrail() {
    mongo = store.freshDatabase();
    clock = new AuditTestStore.TestClock(T0);
    trail = new AuditTrail(mongo, new ObjectMapper(), clock);
  }

  record Risk(String title, int score, Instant reviewedAt) {}

  private static AuditEvent event(int n) {
    return new AuditEvent(
        "user" + n,
        List.of("ciso", "risk-owner"),
        "risk.updated",
        "Risk",
        "R-" + n,
        Map.of("score", n),
        Map.of("score", n + 1),
        2251799813685249L + n,
        n % 2 == 0 ? null : 4503599627370497L + n);
  }

  private List<AuditEntry> appendEntries(int count) {
    var entries = new ArrayList<AuditEntry>();
    for (int n = 1; n <= count; n++) {
      entries.add(trail.append(event(n)));
      clock.advance(Duration.ofSeconds(1));
    }
    return entries;
  }

  private void tamper(long sequence, Update update) {
    var result = mongo.updateFirst(query(where("_id").is(sequence)), update, AuditTrail.TRAIL);
    assertThat(result.getModifiedCount()).as("tampering changed the stored entry").isEqualTo(1);
  }

  private void delete(long sequence) {
    assertThat(mongo.remove(query(where("_id").is(sequence)), AuditTrail.TRAIL).getDeletedCount()).isEqualTo(1);
  }

  /** What a careful attacker does: change an entry and give it a matching hash. */
  private void rewrite(long sequence, Update update) {
    tamper(sequence, update);
    var changed = trail.entries(null, null).stream().filter(e -> e.sequence() == sequence).findFirst().orElseThrow();
    tamper(sequence, Update.update("hash", AuditHash.of(changed)));
  }

  @Test
  void appendedEntriesFormAnIntactChainFromTheGenesisHash() {
    var appended = appendEntries(3);

    assertThat(appended).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(appended.get(0).previousHash()).isEqualTo("0".repeat(64));
    assertThat(appended.get(1).previousHash()).isEqualTo(appended.get(0).hash());
    assertThat(appended.get(2).previousHash()).isEqualTo(appended.get(1).hash());
    assertThat(appended).extracting(AuditEntry::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 3, null, null));
  }

  @Test
  void anEmptyTrailIsIntact() {
    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 0, null, null));
  }

  @Test
  void anEntryReadsBackExactlyAsAppendedWithTimeInMillisAndBeforeAfterAsCanonicalJson() {
    clock.set(Instant.parse("2026-01-05T10:15:30.123456789Z"));
    var before = new LinkedHashMap<String, Object>();
    before.put("title", "Ransomware");
    before.put("owner", null);
    before.put("controls", List.of(Map.of("id", "A.8.7", "applied", true)));
    var appended =
        trail.append(
            new AuditEvent(
                "anna", null, "risk.approved", "Risk", "R-7", before,
                new Risk("Ransomware", 12, Instant.parse("2026-01-05T10:00:00Z")), null, null));

    assertThat(appended.at()).isEqualTo(Instant.parse("2026-01-05T10:15:30.123Z"));
    assertThat(appended.roles()).isEmpty();
    assertThat(appended.before())
        .isEqualTo("{\"controls\":[{\"applied\":true,\"id\":\"A.8.7\"}],\"owner\":null,\"title\":\"Ransomware\"}");
    assertThat(appended.after())
        .isEqualTo("{\"reviewedAt\":\"2026-01-05T10:00:00Z\",\"score\":12,\"title\":\"Ransomware\"}");
    assertThat(trail.entries(null, null)).containsExactly(appended);
    assertThat(trail.verify().intact()).isTrue();
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of("actor", Update.update("actor", "mallory")),
        Arguments.of("roles", Update.update("roles", List.of("ciso"))),
        Arguments.of("action", Update.update("action", "risk.rejected")),
        Arguments.of("at", Update.update("at", Date.from(T0.plusSeconds(3600)))),
        Arguments.of("subjectId", Update.update("subjectId", "R-99")),
        Arguments.of("before", Update.update("before", "{\"score\":99}")),
        Arguments.of("after removed", new Update().unset("after")),
        Arguments.of("processInstanceKey", Update.update("processInstanceKey", 1L)),
        Arguments.of("taskKey", Update.update("taskKey", 1L)),
        Arguments.of("previousHash", Update.update("previousHash", "f".repeat(64))),
        Arguments.of("hash", Update.update("hash", "e".repeat(64))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void anEditedFieldIsDetectedAtExactlyThatEntry(String field, Update edit) {
    appendEntries(5);

    tamper(3, edit);

    assertThat(trail.verify())
        .isEqualTo(new ChainVerification(false, 3, 3L, "entry 3 was modified (its hash does not match its content)"));
  }

  @Test
  void aValueOfAnotherTypeIsReportedAsAModificationInsteadOfFailingTheCheck() {
    appendEntries(5);

    tamper(3, Update.update("taskKey", "4503599627370500"));

    var verification = trail.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(3L);
    assertThat(verification.problem())
        .isEqualTo("entry 3 was modified (its field 'taskKey' holds a value of type String where the trail writes a whole number)");
  }

  @Test
  void aDeletedMiddleEntryIsReportedAsMissing() {
    appendEntries(5);

    delete(3);

    assertThat(trail.verify()).isEqualTo(new ChainVerification(false, 2, 3L, "entry 3 is missing (deleted?)"));
  }

  @Test
  void severalDeletedEntriesAreReportedAsOneGap() {
    appendEntries(6);

    delete(3);
    delete(4);

    assertThat(trail.verify()).isEqualTo(new ChainVerification(false, 2, 3L, "entries 3 to 4 are missing (deleted?)"));
  }

  @Test
  void aDeletedFirstEntryIsReportedAsMissing() {
    appendEntries(3);

    delete(1);

    assertThat(trail.verify()).isEqualTo(new ChainVerification(false, 0, 1L, "entry 1 is missing (deleted?)"));
  }

  @Test
  void deletedLastEntriesAreDetectedThroughTheChainHead() {
    appendEntries(5);

    delete(5);
    assertThat(trail.verify())
        .isEqualTo(
            new ChainVerification(
                false, 4, 5L, "the last entry is missing (the chain head records 5, the trail ends at 4)"));

    delete(4);
    assertThat(trail.verify())
        .isEqualTo(
            new ChainVerification(
                false, 3, 4L, "the last 2 entries are missing (the chain head records 5, the trail ends at 3)"));
  }

  @Test
  void aTrailEmptiedCompletelyIsDetectedThroughTheChainHead() {
    appendEntries(3);

    mongo.remove(new org.springframework.data.mongodb.core.query.Query(), AuditTrail.TRAIL);

    assertThat(trail.verify())
        .isEqualTo(
            new ChainVerification(
                false, 0, 1L, "all 3 entries are missing (the chain head records 3, the trail is empty)"));
  }

  @Test
  void aChainHeadBehindTheTrailIsNotTamperingAndTheNextAppendMovesItOn() {
    var appended = appendEntries(5);
    // as if the app had stopped after storing entries 4 and 5 but before moving the head
    mongo.updateFirst(
        query(where("_id").is(AuditTrail.HEAD_ID)),
        Update.update("sequence", 3L).set("hash", appended.get(2).hash()),
        AuditTrail.HEAD);

    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 5, null, null));

    trail.append(event(6));
    var head = mongo.findById(AuditTrail.HEAD_ID, Document.class, AuditTrail.HEAD);
    assertThat(head.get("sequence")).isEqualTo(6L);
    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 6, null, null));
  }

  @Test
  void aDeletedChainHeadIsReported() {
    appendEntries(2);

    mongo.remove(query(where("_id").is(AuditTrail.HEAD_ID)), AuditTrail.HEAD);

    assertThat(trail.verify())
        .isEqualTo(
            new ChainVerification(
                false, 2, null, "the chain head is missing (the trail ends at 2; was the head deleted?)"));
  }

  @Test
  void aChangedPreviousHashWithARecomputedHashBreaksTheLinkAtThatEntry() {
    appendEntries(5);

    rewrite(3, Update.update("previousHash", "a".repeat(64)));

    assertThat(trail.verify())
        .isEqualTo(new ChainVerification(false, 3, 3L, "entry 3 does not follow entry 2 (previous hash differs)"));
  }

  @Test
  void anEntryRewrittenWithAMatchingHashIsDetectedByItsSuccessor() {
    appendEntries(5);

    rewrite(3, Update.update("actor", "mallory"));

    assertThat(trail.verify())
        .isEqualTo(new ChainVerification(false, 4, 4L, "entry 4 does not follow entry 3 (previous hash differs)"));
  }

  @Test
  void aRewrittenLastEntryIsDetectedThroughTheChainHead() {
    appendEntries(5);

    rewrite(5, Update.update("actor", "mallory"));

    var verification = trail.verify();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).isEqualTo(5L);
    assertThat(verification.problem()).startsWith("entry 5 does not match the chain head");
  }

  @Test
  void aFirstEntryRewrittenOntoAnotherGenesisIsDetected() {
    appendEntries(2);

    rewrite(1, Update.update("previousHash", "1".repeat(64)));

    assertThat(trail.verify())
        .isEqualTo(
            new ChainVerification(
                false, 1, 1L, "entry 1 does not start the chain (its previous hash is not the genesis value)"));
  }

  @Test
  void concurrentAppendsFromFourThreadsProduceAGapFreeIntactChain() throws Exception {
    assertGapFreeIntactChainAfterConcurrentAppends(List.of(trail, trail, trail, trail), 50);
  }

  @Test
  void twoAppInstancesAppendingConcurrentlyProduceOneGapFreeIntactChain() throws Exception {
    // Two AuditTrail objects do not share a lock: they race for sequence numbers like two app instances.
    var otherInstance = new AuditTrail(mongo, new ObjectMapper(), clock);
    assertGapFreeIntactChainAfterConcurrentAppends(List.of(trail, otherInstance, trail, otherInstance), 30);
  }

  private void assertGapFreeIntactChainAfterConcurrentAppends(List<AuditTrail> writers, int perWriter)
      throws Exception {
    var executor = Executors.newFixedThreadPool(writers.size());
    try {
      var tasks = new ArrayList<Callable<List<Long>>>();
      for (var writer : writers) {
        tasks.add(
            () -> {
              var sequences = new ArrayList<Long>();
              for (int n = 0; n < perWriter; n++) {
                sequences.add(writer.append(event(n)).sequence());
              }
              return sequences;
            });
      }
      var appended = new ArrayList<Long>();
      for (var result : executor.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        appended.addAll(result.get());
      }
      var total = writers.size() * perWriter;
      var all = LongStream.rangeClosed(1, total).boxed().toList();
      assertThat(appended).containsExactlyInAnyOrderElementsOf(all);
      assertThat(trail.entries(null, null)).extracting(AuditEntry::sequence).containsExactlyElementsOf(all);
      assertThat(trail.verify()).isEqualTo(new ChainVerification(true, total, null, null));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aWriterThatLosesTheRaceForASequenceNumberAppendsOnTopOfTheWinner() {
    var otherInstance = new AuditTrail(mongo, new ObjectMapper(), new AuditTestStore.TestClock(T0));
    var raced = new boolean[1];
    // The clock is read after the trail's end was read and before the insert: the other instance
    // takes sequence 1 in between, once.
    clock.onRead(
        () -> {
          if (!raced[0]) {
            raced[0] = true;
            otherInstance.append(event(100));
          }
        });

    var entry = trail.append(event(1));

    assertThat(entry.sequence()).isEqualTo(2L);
    var entries = trail.entries(null, null);
    assertThat(entries).extracting(AuditEntry::actor).containsExactly("user100", "user1");
    assertThat(entry.previousHash()).isEqualTo(entries.get(0).hash());
    assertThat(trail.verify()).isEqualTo(new ChainVerification(true, 2, null, null));
  }

  @Test
  void aWriterThatKeepsLosingTheRaceGivesUpAfterTwentyTries() {
    var otherInstance = new AuditTrail(mongo, new ObjectMapper(), new AuditTestStore.TestClock(T0));
    clock.onRead(() -> otherInstance.append(event(100)));

    assertThatThrownBy(() -> trail.append(event(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other writers took the next sequence number 20 times in a row");
    assertThat(trail.entries(null, null)).hasSize(20).allMatch(e -> e.actor().equals("user100"));
    assertThat(trail.verify().intact()).isTrue();
  }

  @Test
  void entriesAreFilteredByTimeFromInclusiveToExclusive() {
    for (int n = 1; n <= 4; n++) {
      clock.set(T0.plus(Duration.ofHours(n - 1)));
      trail.append(event(n));
    }
    // a clock that went back: order stays by sequence, the filter goes by time
    clock.set(T0.plus(Duration.ofMinutes(90)));
    trail.append(event(5));

    assertThat(trail.entries(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3))))
        .extracting(AuditEntry::sequence)
        .containsExactly(2L, 3L, 5L);
    assertThat(trail.entries(null, T0.plus(Duration.ofHours(1)))).extracting(AuditEntry::sequence).containsExactly(1L);
    assertThat(trail.entries(T0.plus(Duration.ofHours(2)), null)).extracting(AuditEntry::sequence).containsExactly(3L, 4L);
    assertThat(trail.entries(null, null)).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(trail.entries(T0.plusNanos(1), T0.plus(Duration.ofHours(1)).plusNanos(1)))
        .as("stored times have milliseconds; bounds with nanoseconds still cut at the right place")
        .extracting(AuditEntry::sequence)
        .containsExactly(2L);
    assertThat(trail.count(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)))).isEqualTo(3);
    assertThat(trail.count(null, null)).isEqualTo(5);
  }

  @Test
  void csvExportHasAHeaderAndOneRowPerEntryOfThePeriod() {
    appendEntries(3);
    var csv = new StringWriter();

    trail.writeCsv(T0.plusSeconds(1), null, csv);

    var lines = csv.toString().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .isEqualTo(
            "sequence,at,actor,roles,action,subjectType,subjectId,before,after,processInstanceKey,taskKey,previousHash,hash");
    assertThat(lines[1]).startsWith("2,2026-01-05T08:00:01Z,user2,\"[\"\"ciso\"\",\"\"risk-owner\"\"]\",risk.updated,Risk,R-2,");
    assertThat(lines[2]).startsWith("3,2026-01-05T08:00:02Z,user3,");
  }

  @Test
  void incompleteOrOversizedEventsAreRefusedAndNothingIsStored() {
    var tooLong = "x".repeat(201);
    assertRefused(new AuditEvent(" ", List.of(), "risk.updated", null, null, null, null, null, null), "actor is required");
    assertRefused(new AuditEvent(null, List.of(), "risk.updated", null, null, null, null, null, null), "actor is required");
    assertRefused(new AuditEvent("anna", List.of(), "", null, null, null, null, null, null), "action is required");
    assertRefused(
        new AuditEvent(tooLong, List.of(), "risk.updated", null, null, null, null, null, null),
        "actor must be at most 200 characters, got 201");
    assertRefused(
        new AuditEvent("anna", List.of(), tooLong, null, null, null, null, null, null),
        "action must be at most 200 characters, got 201");
    assertRefused(
        new AuditEvent("anna", List.of(), "risk.updated", tooLong, null, null, null, null, null),
        "subjectType must be at most 200 characters, got 201");
    assertRefused(
        new AuditEvent("anna", List.of(), "risk.updated", "Risk", tooLong, null, null, null, null),
        "subjectId must be at most 200 characters, got 201");
    assertRefused(
        new AuditEvent("anna", java.util.Arrays.asList("ciso", null), "risk.updated", null, null, null, null, null, null),
        "roles must not contain empty entries");
    assertRefused(
        new AuditEvent("anna", List.of(), "risk.updated", null, null, new Object(), null, null, null),
        "before (java.lang.Object) cannot be written as JSON");
    assertRefused(null, "An audit event is required");

    assertThat(trail.count(null, null)).isZero();
    assertThat(trail.append(new AuditEvent("x".repeat(200), null, "a", null, null, null, null, null, null)).sequence())
        .as("200 characters are allowed")
        .isEqualTo(1);
  }

  private void assertRefused(AuditEvent event, String message) {
    assertThatThrownBy(() -> trail.append(event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
