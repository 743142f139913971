package io.ismsflow.platform;

import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An uploaded CSV file (see {@link Csv}) as a header and rows of named cells, the way spreadsheets
 * write it: UTF-8 with or without a byte order mark, CRLF or LF line ends. Cells are trimmed and
 * formula guards taken off ({@link Csv#unguard}); blank rows are skipped; column names are matched
 * ignoring case. Whatever makes the file as a whole unreadable (not UTF-8, no header, unknown,
 * duplicate or missing columns, broken quoting, too many rows) is refused with the row and column.
 */
public final class CsvTable {

  /** The most problems a refusal lists; a file that is wrong throughout would otherwise answer with megabytes. */
  public static final int MAX_PROBLEMS = 1000;

  /**
   * The columns a file may have.
   *
   * @param all every column, in the order an export writes them
   * @param required columns every file must have
   * @param ignored columns that exports write for people (computed values) and imports skip
   */
  public record Columns(List<String> all, Set<String> required, Set<String> ignored) {

    public Columns {
      all = List.copyOf(all);
      required = Set.copyOf(required);
      ignored = Set.copyOf(ignored);
      if (!all.containsAll(required) || !all.containsAll(ignored)) {
        throw new IllegalArgumentException("required and ignored columns must be among all columns");
      }
    }

    private Map<String, String> byLowerCaseName() {
      var names = new LinkedHashMap<String, String>();
      all.forEach(name -> names.put(name.toLowerCase(Locale.ROOT), name));
      return names;
    }
  }

  /**
   * A record row of the file.
   *
   * @param number its spreadsheet row (the header is row 1)
   * @param cells the non-ignored columns of the header, each with its trimmed value ("" when blank)
   */
  public record Row(int number, Map<String, String> cells) {

    public Row {
      cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** Whether the file has this column at all (a blank cell in it still counts). */
    public boolean has(String column) {
      return cells.containsKey(column);
    }

    /** The cell's text, or null if it is blank or the file has no such column. */
    public String text(String column) {
      var value = cells.get(column);
      return value == null || value.isEmpty() ? null : value;
    }

    /** The cell as a whole number; null if blank; a problem (and null) if it is something else. */
    public Integer integer(String column, List<RowProblem> problems) {
      var value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException notANumber) {
        problems.add(new RowProblem(number, column, "'" + shortened(value) + "' is not a whole number"));
        return null;
      }
    }

    /** The cell as an ISO date (YYYY-MM-DD); null if blank; a problem (and null) if it is something else. */
    public LocalDate date(String column, List<RowProblem> problems) {
      return date(column, text(column), problems, "");
    }

    /** A date inside a list cell, e.g. a treatment action's due date. */
    public LocalDate date(String column, String value, List<RowProblem> problems, String where) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException notADate) {
        problems.add(
            new RowProblem(number, column, where + "'" + shortened(value) + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31"));
        return null;
      }
    }

    /** The values of a list cell separated by {@code ;}, trimmed, without blanks; empty if blank. */
    public List<String> list(String column) {
      var value = text(column);
      if (value == null) {
        return List.of();
      }
      return Csv.split(value, ';').stream().map(Csv::unescape).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
  }

  private final List<String> columns;
  private final List<Row> rows;

  private CsvTable(List<String> columns, List<Row> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  /** The file's columns that imports read (known and not ignored), in the file's order. */
  public List<String> columns() {
    return columns;
  }

  /** The distinct non-blank values of a column, e.g. the ids a file names. */
  public java.util.Set<String> distinct(String column) {
    var values = new java.util.HashSet<String>();
    rows().forEach(row -> values.add(row.text(column)));
    values.remove(null);
    return values;
  }

  public List<Row> rows() {
    return rows;
  }

  /**
   * Reads a whole file.
   *
   * @param maxRows the most record rows (blank rows not counted) the file may hold
   * @throws RequestRefusedException (invalid input, with {@link RowProblem}s) if the file cannot be read as a table
   */
  public static CsvTable read(byte[] bytes, Columns spec, int maxRows) {
    var text = utf8(bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    var reader = new Csv.Reader(text);
    try {
      var header = reader.next();
      if (header == null || header.cells().stream().allMatch(String::isBlank)) {
        throw refused(List.of(new RowProblem(1, null, "The file is empty: the first row must name the columns")));
      }
      var names = headerNames(header, spec);
      var rows = new ArrayList<Row>();
      var problems = new ArrayList<RowProblem>();
      for (var record = reader.next(); record != null; record = reader.next()) {
        if (record.cells().stream().allMatch(String::isBlank)) {
          continue;
        }
        if (rows.size() >= maxRows) {
          throw refused(
              List.of(
                  new RowProblem(
                      record.row(),
                      null,
                      "The file has more than " + maxRows + " rows, the most one import takes; split it into several files")));
        }
        var cells = new LinkedHashMap<String, String>();
        for (int i = 0; i < record.cells().size(); i++) {
          var value = Csv.unguard(record.cells().get(i).strip());
          if (i >= names.size()) {
            if (!value.isEmpty()) {
              problems.add(
                  new RowProblem(
                      record.row(), null, "The row has a value in cell " + (i + 1) + " but the header names only " + names.size() + " columns"));
              break;
            }
            continue;
          }
          var name = names.get(i);
          if (name == null) {
            continue;
          }
          if (name.isEmpty()) {
            if (!value.isEmpty()) {
              problems.add(new RowProblem(record.row(), null, "Cell " + (i + 1) + " has a value but its column has no name"));
            }
            continue;
          }
          cells.put(name, value);
        }
        for (var name : names) {
          if (name != null && !name.isEmpty()) {
            cells.putIfAbsent(name, ""); // rows some tools cut short after the last non-blank cell
          }
        }
        rows.add(new Row(record.row(), cells));
      }
      if (!problems.isEmpty()) {
        throw refused(problems);
      }
      var columns = names.stream().filter(n -> n != null && !n.isEmpty()).toList();
      return new CsvTable(columns, rows);
    } catch (Csv.MalformedException e) {
      throw refused(List.of(new RowProblem(e.row(), null, "The file is not well-formed CSV here: " + e.getMessage())));
    }
  }

  /** Refuses a file with these problems (at most {@link #MAX_PROBLEMS} of them). */
  public static RequestRefusedException refused(List<RowProblem> problems) {
    var shown = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    var message =
        (problems.size() == 1 ? "The file has a problem" : "The file has " + problems.size() + " problems")
            + (problems.size() > MAX_PROBLEMS ? " (the first " + MAX_PROBLEMS + " are listed)" : "")
            + "; nothing was imported";
    return RequestRefusedException.invalid(message, shown);
  }

  /** The canonical name of each header cell: null for ignored columns, "" for cells without a name. */
  private static List<String> headerNames(Csv.Record header, Columns spec) {
    var known = spec.byLowerCaseName();
    var ignored = spec.ignored();
    var problems = new ArrayList<RowProblem>();
    var cells = header.cells();
    if (cells.size() == 1 && cells.getFirst().indexOf(';') >= 0) {
      throw refused(
          List.of(
              new RowProblem(
                  1,
                  null,
                  "The columns are separated by ';', not ','. Save the file as comma-separated CSV (in Excel: 'CSV UTF-8')")));
    }
    var names = new ArrayList<String>();
    var seen = new LinkedHashSet<String>();
    for (var cell : cells) {
      var given = cell.strip();
      if (given.isEmpty()) {
        names.add("");
        continue;
      }
      var name = known.get(given.toLowerCase(Locale.ROOT));
      if (name == null) {
        problems.add(new RowProblem(1, given, "Unknown column; the columns are " + String.join(", ", spec.all())));
        names.add("");
      } else if (!seen.add(name)) {
        problems.add(new RowProblem(1, name, "The column appears more than once"));
        names.add(null);
      } else {
        names.add(ignored.contains(name) ? null : name);
      }
    }
    for (var required : spec.all()) {
      if (spec.required().contains(required) && !seen.contains(required)) {
        problems.add(new RowProblem(1, required, "The required column is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    return names;
  }

  private static String utf8(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes);
    var out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      var line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw refused(
          List.of(
              new RowProblem(
                  line,
                  null,
                  "The file is not UTF-8 (byte " + (in.position() + 1) + " on line " + line
                      + "). Save it as UTF-8 CSV (in Excel: 'CSV UTF-8')")));
    }
    return out.flip().toString();
  }

  private static String shortened(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
