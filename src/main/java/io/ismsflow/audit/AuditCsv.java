package io.ismsflow.audit;

import io.ismsflow.platform.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Audit entries as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields with a
 * comma, quote or line break quoted with quotes doubled). Cells that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) get a leading {@code '}. Roles
 * are a JSON array, {@code before}/{@code after} the stored JSON text, {@code at} ISO-8601 (UTC).
 */
final class AuditCsv {

  static final List<String> HEADER =
      List.of(
          "sequence", "at", "actor", "roles", "action", "subjectType", "subjectId", "before", "after",
          "processInstanceKey", "taskKey", "previousHash", "hash");

  private AuditCsv() {}

  static void writeHeader(Writer out) throws IOException {
    writeRow(out, HEADER);
  }

  static void write(Writer out, AuditEntry e) throws IOException {
    writeRow(
        out,
        List.of(
            Long.toString(e.sequence()),
            e.at() == null ? "" : e.at().toString(),
            orEmpty(e.actor()),
            roles(e.roles()),
            orEmpty(e.action()),
            orEmpty(e.subjectType()),
            orEmpty(e.subjectId()),
            orEmpty(e.before()),
            orEmpty(e.after()),
            e.processInstanceKey() == null ? "" : e.processInstanceKey().toString(),
            e.taskKey() == null ? "" : e.taskKey().toString(),
            orEmpty(e.previousHash()),
            orEmpty(e.hash())));
  }

  /** One cell: formula-neutralised, then quoted if RFC 4180 requires it (the platform's CSV rules). */
  static String cell(String value) {
    return Csv.cell(value);
  }

  private static void writeRow(Writer out, List<String> values) throws IOException {
    out.write(Csv.line(values));
  }

  private static String roles(List<String> roles) {
    return roles.stream().map(r -> r == null ? "null" : jsonString(r)).collect(Collectors.joining(",", "[", "]"));
  }

  private static String jsonString(String value) {
    var out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
