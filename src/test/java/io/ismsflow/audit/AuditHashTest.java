package io.ismsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditHashTest {

  private static final AuditEntry ENTRY =
      new AuditEntry(
          17,
          Instant.parse("2026-01-05T10:15:30.123Z"),
          "anna",
          List.of("ciso", "risk-owner"),
          "risk.approved",
          "Risk",
          "R-7",
          null,
          "{\"score\":12,\"title\":\"Größe\"}",
          2251799813685249L,
          null,
          "ab".repeat(32),
          null);

  @Test
  void theHashFollowsTheDocumentedFormatSoThatAuditorsCanRecomputeIt() {
    // computed independently (Python hashlib) from the format described in AuditHash
    assertThat(AuditHash.of(ENTRY)).isEqualTo("f02d3fa02823071c5e5348495b5b0418382260ddb327907630707cf12ca81e4a");
  }

  @Test
  void theSameContentGivesTheSameHash() {
    var copy =
        new AuditEntry(
            17,
            Instant.ofEpochMilli(ENTRY.at().toEpochMilli()),
            new String("anna"),
            new java.util.ArrayList<>(List.of("ciso", "risk-owner")),
            "risk.approved",
            "Risk",
            "R-7",
            null,
            "{\"score\":12,\"title\":\"Größe\"}",
            2251799813685249L,
            null,
            "ab".repeat(32),
            "ignored: the hash does not hash itself");

    assertThat(AuditHash.of(copy)).isEqualTo(AuditHash.of(ENTRY)).matches("[0-9a-f]{64}");
  }

  static Stream<Arguments> changes() {
    return Stream.<Arguments>of(
        change("sequence", e -> with(e, 18, e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("at by one millisecond", e -> with(e, e.sequence(), e.at().plusMillis(1), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("actor", e -> with(e, e.sequence(), e.at(), "Anna", e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("roles order", e -> with(e, e.sequence(), e.at(), e.actor(), List.of("risk-owner", "ciso"), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("roles removed", e -> with(e, e.sequence(), e.at(), e.actor(), List.of("ciso"), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("action", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), "risk.rejected", e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("subjectType", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), "Policy", e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("subjectId", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), "R-8", e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("before null to text", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), "null", e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("after", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), "{\"score\":13,\"title\":\"Größe\"}", e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("processInstanceKey", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), 2251799813685250L, e.taskKey(), e.previousHash())),
        change("taskKey null to a value", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), 0L, e.previousHash())),
        change("previousHash", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), "ac".repeat(32))),
        change("subjectType and subjectId swapped", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectId(), e.subjectType(), e.before(), e.after(), e.processInstanceKey(), e.taskKey(), e.previousHash())),
        change("before and after swapped", e -> with(e, e.sequence(), e.at(), e.actor(), e.roles(), e.action(), e.subjectType(), e.subjectId(), e.after(), e.before(), e.processInstanceKey(), e.taskKey(), e.previousHash())));
  }

  private static Arguments change(String what, UnaryOperator<AuditEntry> change) {
    return Arguments.of(what, change);
  }

  private static AuditEntry with(
      AuditEntry e, long sequence, Instant at, String actor, List<String> roles, String action, String subjectType,
      String subjectId, String before, String after, Long processInstanceKey, Long taskKey, String previousHash) {
    return new AuditEntry(
        sequence, at, actor, roles, action, subjectType, subjectId, before, after, processInstanceKey, taskKey,
        previousHash, e.hash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void anyChangedFieldGivesAnotherHash(String what, UnaryOperator<AuditEntry> change) {
    var changed = change.apply(ENTRY);

    assertThat(changed).isNotEqualTo(ENTRY);
    assertThat(AuditHash.of(changed)).isNotEqualTo(AuditHash.of(ENTRY));
  }

  @Test
  void fieldBoundariesCannotBeShiftedBetweenNeighbouringFields() {
    var ab = with(ENTRY, 1, ENTRY.at(), "ab", List.of(), "c", null, null, null, null, null, null, AuditHash.GENESIS);
    var a = with(ENTRY, 1, ENTRY.at(), "a", List.of(), "bc", null, null, null, null, null, null, AuditHash.GENESIS);
    var oneRole = with(ENTRY, 1, ENTRY.at(), "a", List.of("x,y"), "c", null, null, null, null, null, null, AuditHash.GENESIS);
    var twoRoles = with(ENTRY, 1, ENTRY.at(), "a", List.of("x", "y"), "c", null, null, null, null, null, null, AuditHash.GENESIS);
    var emptyText = with(ENTRY, 1, ENTRY.at(), "a", List.of(), "c", "", null, null, null, null, null, AuditHash.GENESIS);
    var noText = with(ENTRY, 1, ENTRY.at(), "a", List.of(), "c", null, null, null, null, null, null, AuditHash.GENESIS);

    assertThat(AuditHash.of(ab)).isNotEqualTo(AuditHash.of(a));
    assertThat(AuditHash.of(oneRole)).isNotEqualTo(AuditHash.of(twoRoles));
    assertThat(AuditHash.of(emptyText)).isNotEqualTo(AuditHash.of(noText));
  }
}
