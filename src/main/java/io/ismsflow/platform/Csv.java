package io.ismsflow.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it: comma-separated cells, CRLF between records (LF and CR alone are read
 * too), cells with a comma, quote or line break in quotes with quotes doubled.
 *
 * <p>Formula injection: a cell that a spreadsheet would run as a formula (its first character after
 * any leading quotes and blanks is {@code = + - @}, a tab or a carriage return, or their full-width
 * forms) is written with a leading {@code '}, which spreadsheets show as text. {@link #unguard}
 * takes exactly that quote off again, so that what is exported imports back unchanged.
 *
 * <p>List cells hold several values separated by {@code ;} (or, nested, {@code |} and {@code ,});
 * a backslash escapes a separator or a backslash inside a value.
 */
public final class Csv {

  private Csv() {}

  /** One parsed record and the spreadsheet row it starts on (1 = the first). */
  public record Record(int row, List<String> cells) {}

  /** The text is not well-formed CSV. */
  public static class MalformedException extends RuntimeException {
    private final int row;

    MalformedException(int row, String message) {
      super(message);
      this.row = row;
    }

    public int row() {
      return row;
    }
  }

  /** Reads records one at a time, so that a caller can stop early (row limits). */
  public static final class Reader {
    private final String text;
    private int position;
    private int row;

    public Reader(String text) {
      this.text = text;
    }

    /** The next record, or null at the end of the text. */
    public Record next() {
      if (position >= text.length()) {
        return null;
      }
      row++;
      var cells = new ArrayList<String>();
      var cell = new StringBuilder();
      while (true) {
        if (position < text.length() && text.charAt(position) == '"') {
          position++;
          while (true) {
            if (position >= text.length()) {
              throw new MalformedException(row, "a quoted cell is not closed: a \" is missing");
            }
            var c = text.charAt(position++);
            if (c == '"') {
              if (position < text.length() && text.charAt(position) == '"') {
                cell.append('"');
                position++;
              } else {
                break;
              }
            } else {
              cell.append(c);
            }
          }
          if (position < text.length() && !isSeparatorOrEnd(text.charAt(position))) {
            throw new MalformedException(
                row, "after a closing quote, a comma or the end of the line must follow; a \" inside a quoted cell is written \"\"");
          }
        } else {
          while (position < text.length() && !isSeparatorOrEnd(text.charAt(position))) {
            cell.append(text.charAt(position++));
          }
        }
        cells.add(cell.toString());
        cell.setLength(0);
        if (position >= text.length()) {
          return new Record(row, cells);
        }
        var c = text.charAt(position++);
        if (c == ',') {
          continue;
        }
        if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
          position++;
        }
        return new Record(row, cells);
      }
    }

    private static boolean isSeparatorOrEnd(char c) {
      return c == ',' || c == '\r' || c == '\n';
    }
  }

  /** A record as one CSV line, CRLF-terminated; every cell formula-guarded and quoted if needed. */
  public static String line(List<String> values) {
    var out = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(values.get(i)));
    }
    return out.append("\r\n").toString();
  }

  /** One cell: formula-guarded, then quoted if RFC 4180 requires it (or blanks at either end would be lost). */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    var text = needsGuard(value) ? "'" + value : value;
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0
        || Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** A cell as read, without the quote {@link #cell} put in front of a formula-like value. */
  public static String unguard(String cell) {
    if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsGuard(cell.substring(1))) {
      return cell.substring(1);
    }
    return cell;
  }

  static boolean needsGuard(String value) {
    for (int i = 0; i < value.length(); i++) {
      var c = value.charAt(i);
      switch (c) {
        case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> {
          return true;
        }
        case '\'', ' ', '\u00A0' -> {
          // a spreadsheet may skip these before a formula; look further
        }
        default -> {
          return false;
        }
      }
    }
    return false;
  }

  /** Splits a list cell at unescaped separators; the parts keep their escapes (see {@link #unescape}). */
  public static List<String> split(String cell, char separator) {
    var parts = new ArrayList<String>();
    if (cell == null || cell.isEmpty()) {
      return parts;
    }
    var part = new StringBuilder();
    for (int i = 0; i < cell.length(); i++) {
      var c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        part.append(c).append(cell.charAt(++i));
      } else if (c == separator) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** A value of a list cell without its escapes. */
  public static String unescape(String part) {
    var out = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      var c = part.charAt(i);
      if (c == '\\' && i + 1 < part.length()) {
        out.append(part.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A value for a list cell, with backslash, {@code ;}, {@code |} and {@code ,} escaped. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    var out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      var c = value.charAt(i);
      if (c == '\\' || c == ';' || c == '|' || c == ',') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
