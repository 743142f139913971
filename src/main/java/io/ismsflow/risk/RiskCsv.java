package io.ismsflow.risk;

import io.ismsflow.platform.Csv;
import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.CsvTable.Columns;
import io.ismsflow.platform.CsvTable.Row;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.InputCheck;
import io.ismsflow.platform.RequestRefusedException.RowProblem;
import io.ismsflow.risk.RiskInput.TreatmentActionInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The risk register as CSV, for export and import. The columns are the fields of {@link
 * RiskInput}; the computed scores and levels and the timestamps are written for people and skipped
 * on import. {@code assetIds} is a list separated by {@code ;}. {@code treatmentActions} is a list of
 * actions separated by {@code ;}, each {@code id|title|owner|dueDate|status|controls} with the
 * controls separated by {@code ,} (trailing parts may be left out); a backslash escapes a {@code ; |
 * , \} inside a value. A column a file leaves out keeps the current value of existing risks.
 */
final class RiskCsv {

  static final Columns COLUMNS =
      new Columns(
          List.of(
              "id", "title", "description", "assetIds", "threat", "vulnerability", "owner", "likelihood", "impact",
              "treatmentOption", "residualLikelihood", "residualImpact", "treatmentActions", "reviewIntervalDays",
              "nextReviewDate", "status", "lastRationale", "inherentScore", "inherentLevel", "residualScore",
              "residualLevel", "createdAt", "updatedAt"),
          Set.of("id", "title", "threat", "vulnerability", "owner", "likelihood", "impact"),
          Set.of("inherentScore", "inherentLevel", "residualScore", "residualLevel", "createdAt", "updatedAt"));

  private static final Pattern NESTED_FIELD = Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+))?$");

  private RiskCsv() {}

  static String export(List<Risk> risks) {
    var out = new StringBuilder(Csv.line(COLUMNS.all()));
    for (var r : risks) {
      out.append(
          Csv.line(
              List.of(
                  r.id(),
                  text(r.title()),
                  text(r.description()),
                  r.assetIds().stream().map(Csv::escape).collect(Collectors.joining(";")),
                  text(r.threat()),
                  text(r.vulnerability()),
                  text(r.owner()),
                  Integer.toString(r.likelihood()),
                  Integer.toString(r.impact()),
                  r.treatmentOption() == null ? "" : r.treatmentOption().name(),
                  text(r.residualLikelihood()),
                  text(r.residualImpact()),
                  r.treatmentActions().stream().map(RiskCsv::action).collect(Collectors.joining(";")),
                  Integer.toString(r.reviewIntervalDays()),
                  text(r.nextReviewDate()),
                  r.status() == null ? "" : r.status().name(),
                  text(r.lastRationale()),
                  Integer.toString(r.inherentScore()),
                  text(r.inherentLevel()),
                  text(r.residualScore()),
                  text(r.residualLevel()),
                  text(r.createdAt()),
                  text(r.updatedAt()))));
    }
    return out.toString();
  }

  private static String action(Risk.TreatmentAction a) {
    var parts =
        List.of(
            Csv.escape(a.id()),
            Csv.escape(a.title()),
            Csv.escape(a.owner()),
            a.dueDate() == null ? "" : a.dueDate().toString(),
            a.status() == null ? "" : a.status().name(),
            a.controls().stream().map(Csv::escape).collect(Collectors.joining(",")));
    var end = parts.size();
    while (end > 2 && parts.get(end - 1).isEmpty()) {
      end--;
    }
    return String.join("|", parts.subList(0, end));
  }

  /** The risk ids a file names. */
  static Set<String> ids(CsvTable table) {
    return table.distinct("id");
  }

  /** The asset ids a file names, to look up which exist. */
  static Set<String> assetIds(CsvTable table) {
    var ids = new HashSet<String>();
    table.rows().forEach(row -> ids.addAll(row.list("assetIds")));
    return ids;
  }

  /**
   * Checks every row and works out what to write; refuses the whole file (with every problem) if
   * any row is bad.
   *
   * @param existing the risks the file names that exist now, by id
   * @param context the matrix, today, and the assets that exist (or will, in the same load)
   */
  static ImportPlan<Risk> plan(CsvTable table, Map<String, Risk> existing, RiskRules.Context context) {
    return ImportPlan.fromRows(
        table,
        existing,
        "risk",
        (row, before, rowProblems, check) -> RiskRules.validate(input(row, before, rowProblems), null, before, context, check),
        RiskCsv::cellProblem,
        RiskRules::sameContent);
  }

  /** A field problem of the rules as a problem of a cell: {@code treatmentActions[1].dueDate} is in column treatmentActions. */
  private static RowProblem cellProblem(int row, String field, String message) {
    var nested = NESTED_FIELD.matcher(field);
    if (!nested.matches()) {
      return new RowProblem(row, field, message);
    }
    var column = nested.group(1);
    var position = Integer.parseInt(nested.group(2)) + 1;
    var item = column.equals("treatmentActions") ? "action " + position : "value " + position;
    return new RowProblem(row, column, item + (nested.group(3) == null ? "" : " " + nested.group(3)) + ": " + message);
  }

  /**
   * A row as input. A column the file leaves out keeps the existing risk's value; a blank list or
   * rationale clears it; a blank status, review interval or review date keeps the current one (new
   * risks: OPEN, 90 days, today + the interval).
   */
  static RiskInput input(Row row, Risk existing, List<RowProblem> problems) {
    var current = existing == null ? null : RiskInput.of(existing);
    return new RiskInput(
        row.text("id"),
        keep(row, "title", current, RiskInput::title, Row::text),
        keep(row, "description", current, RiskInput::description, Row::text),
        keep(row, "assetIds", current, RiskInput::assetIds, r -> r.list("assetIds")),
        keep(row, "threat", current, RiskInput::threat, Row::text),
        keep(row, "vulnerability", current, RiskInput::vulnerability, Row::text),
        keep(row, "owner", current, RiskInput::owner, Row::text),
        keep(row, "likelihood", current, RiskInput::likelihood, r -> r.integer("likelihood", problems)),
        keep(row, "impact", current, RiskInput::impact, r -> r.integer("impact", problems)),
        keep(row, "treatmentOption", current, RiskInput::treatmentOption, Row::text),
        keep(row, "residualLikelihood", current, RiskInput::residualLikelihood, r -> r.integer("residualLikelihood", problems)),
        keep(row, "residualImpact", current, RiskInput::residualImpact, r -> r.integer("residualImpact", problems)),
        row.has("treatmentActions") ? actions(row, problems) : null,
        row.integer("reviewIntervalDays", problems),
        row.date("nextReviewDate", problems),
        row.text("status"),
        row.has("lastRationale") ? nonNull(row.text("lastRationale")) : null);
  }

  private static <T> T keep(Row row, String column, RiskInput current, Function<RiskInput, T> currentValue, Function<Row, T> cell) {
    return row.has(column) || current == null ? cell.apply(row) : currentValue.apply(current);
  }

  private static <T> T keep(
      Row row, String column, RiskInput current, Function<RiskInput, T> currentValue, java.util.function.BiFunction<Row, String, T> cell) {
    return keep(row, column, current, currentValue, r -> cell.apply(r, column));
  }

  private static List<TreatmentActionInput> actions(Row row, List<RowProblem> problems) {
    var cell = row.text("treatmentActions");
    var actions = new ArrayList<TreatmentActionInput>();
    if (cell == null) {
      return actions;
    }
    var items = Csv.split(cell, ';');
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).isBlank()) {
        continue;
      }
      var where = "action " + (i + 1) + ": ";
      var hint = items.size() > 1 ? " (';' separates actions: write \\; for a ';' inside a title)" : "";
      var parts = Csv.split(items.get(i), '|');
      if (parts.size() < 2 || parts.size() > 6) {
        problems.add(
            new RowProblem(
                row.number(),
                "treatmentActions",
                where + "write it as id|title|owner|dueDate|status|controls (the parts after the title may be left out), not '"
                    + InputCheck.shortened(Csv.unescape(items.get(i))) + "'" + hint));
        continue;
      }
      var due = part(parts, 3);
      var before = problems.size();
      var date = row.date("treatmentActions", due, problems, where + "dueDate ");
      if (due != null && date == null) {
        var problem = problems.remove(before);
        problems.add(new RowProblem(problem.row(), problem.column(), problem.message() + hint));
        continue;
      }
      var controls = part(parts, 5);
      actions.add(
          new TreatmentActionInput(
              part(parts, 0),
              part(parts, 1),
              part(parts, 2),
              date,
              part(parts, 4),
              controls == null
                  ? List.of()
                  : Csv.split(parts.get(5), ',').stream().map(Csv::unescape).map(String::strip).filter(c -> !c.isEmpty()).toList()));
    }
    return actions;
  }

  private static String part(List<String> parts, int index) {
    if (index >= parts.size()) {
      return null;
    }
    var value = Csv.unescape(parts.get(index)).strip();
    return value.isEmpty() ? null : value;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
