package io.ismsflow.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of an audit entry: SHA-256, lower-case hex, over an unambiguous serialisation of every
 * field except {@code hash}, so that an auditor can recompute it with any tool.
 *
 * <p>The input is the concatenation of these values, in this order: the format tag {@code
 * "isms-audit-trail/v1"}, sequence, at (epoch milliseconds), actor, roles, action, subjectType,
 * subjectId, before, after, processInstanceKey, taskKey, previousHash. Each value is encoded as
 *
 * <ul>
 *   <li>null: the byte {@code 'N'}
 *   <li>text: the byte {@code 'S'}, its UTF-8 length as a 4-byte big-endian integer, its UTF-8 bytes
 *   <li>number: the byte {@code 'L'}, the value as an 8-byte big-endian signed integer
 *   <li>list (roles): the byte {@code 'A'}, the element count as a 4-byte big-endian integer, then
 *       each element as null or text
 * </ul>
 */
final class AuditHash {

  static final String FORMAT = "isms-audit-trail/v1";

  /** The previous hash of entry 1. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(AuditEntry e) {
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new DataOutputStream(bytes)) {
      text(out, FORMAT);
      number(out, e.sequence());
      number(out, e.at() == null ? null : e.at().toEpochMilli());
      text(out, e.actor());
      list(out, e.roles());
      text(out, e.action());
      text(out, e.subjectType());
      text(out, e.subjectId());
      text(out, e.before());
      text(out, e.after());
      number(out, e.processInstanceKey());
      number(out, e.taskKey());
      text(out, e.previousHash());
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
  }

  private static void text(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeByte('N');
      return;
    }
    var utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeByte('S');
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void number(DataOutputStream out, Long value) throws IOException {
    if (value == null) {
      out.writeByte('N');
      return;
    }
    out.writeByte('L');
    out.writeLong(value);
  }

  private static void list(DataOutputStream out, List<String> values) throws IOException {
    if (values == null) {
      out.writeByte('N');
      return;
    }
    out.writeByte('A');
    out.writeInt(values.size());
    for (var value : values) {
      text(out, value);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
