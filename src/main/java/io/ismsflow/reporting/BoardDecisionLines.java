package io.ismsflow.reporting;

import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The actions of the board's decisions as the board secretary writes them, one per line:
 * {@code what is to be done | owner | due date (YYYY-MM-DD) | record it is about (optional, e.g. R-003)}.
 * Blank lines and lines starting with {@code #} are skipped.
 */
final class BoardDecisionLines {

  static final String FIELD = "boardActions";
  static final int MAX_ACTIONS = 50;
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
  private static final Pattern REFERENCE = Pattern.compile("[A-Z]{1,4}-[0-9]{1,5}");

  /** One parsed line. */
  record Line(int number, String title, String owner, LocalDate dueDate, String reference) {}

  /** The lines parsed, and what is wrong with the others. */
  record Parsed(List<Line> lines, List<FieldProblem> problems) {}

  private BoardDecisionLines() {}

  static Parsed parse(String text) {
    var lines = new ArrayList<Line>();
    var problems = new ArrayList<FieldProblem>();
    var raw = text == null ? new String[0] : text.replace("\r", "").split("\n");
    for (int i = 0; i < raw.length; i++) {
      var line = raw[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      var parts = line.split("\\|", -1);
      if (parts.length < 3 || parts.length > 4) {
        problems.add(problem(number, "write 'action | owner | due date | record (optional)', separated by '|'"));
        continue;
      }
      var title = parts[0].strip();
      var owner = parts[1].strip();
      var due = parts[2].strip();
      var reference = parts.length == 4 ? parts[3].strip() : "";
      if (title.isEmpty() || title.length() > 300) {
        problems.add(problem(number, "say what is to be done (at most 300 characters)"));
        continue;
      }
      if (!OWNER.matcher(owner).matches()) {
        problems.add(problem(number, "name the owner by their user name, e.g. ciso.anna"));
        continue;
      }
      LocalDate dueDate;
      try {
        dueDate = LocalDate.parse(due);
      } catch (DateTimeParseException e) {
        problems.add(problem(number, "'" + shortened(due) + "' is not a due date as YYYY-MM-DD"));
        continue;
      }
      if (!reference.isEmpty() && !REFERENCE.matcher(reference).matches()) {
        problems.add(problem(number, "'" + shortened(reference) + "' is not a record id such as R-003"));
        continue;
      }
      lines.add(new Line(number, title, owner, dueDate, reference.isEmpty() ? null : reference));
    }
    if (lines.size() > MAX_ACTIONS) {
      problems.add(new FieldProblem(FIELD, "at most " + MAX_ACTIONS + " actions per meeting"));
    }
    return new Parsed(List.copyOf(lines), List.copyOf(problems));
  }

  private static FieldProblem problem(int line, String message) {
    return new FieldProblem(FIELD, "line " + line + ": " + message);
  }

  private static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
