package io.ismsflow.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail, as stored. {@code before} and {@code after} are canonical JSON text
 * (sorted keys, ISO-8601 dates) or null; {@code at} has millisecond precision. {@code hash} is the
 * SHA-256 (hex) of all other fields (see {@link AuditHash}), {@code previousHash} the hash of the
 * entry before, or 64 zeros for entry 1.
 */
public record AuditEntry(
    long sequence,
    Instant at,
    String actor,
    List<String> roles,
    String action,
    String subjectType,
    String subjectId,
    String before,
    String after,
    Long processInstanceKey,
    Long taskKey,
    String previousHash,
    String hash) {

  public AuditEntry {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  AuditEntry withHash(String newHash) {
    return new AuditEntry(
        sequence, at, actor, roles, action, subjectType, subjectId, before, after, processInstanceKey, taskKey,
        previousHash, newHash);
  }
}
