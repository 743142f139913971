package io.ismsflow.asset;

import io.ismsflow.platform.Csv;
import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.CsvTable.Columns;
import io.ismsflow.platform.CsvTable.Row;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The asset register as CSV, for export and import. The columns are the fields of {@link
 * AssetInput}; {@code criticality} and {@code updatedAt} are written for people and skipped on
 * import. A column a file leaves out keeps the current value of existing assets.
 */
final class AssetCsv {

  static final Columns COLUMNS =
      new Columns(
          List.of(
              "id", "name", "type", "domain", "site", "zone", "securityLevelTarget", "confidentiality", "integrity",
              "availability", "safetyImpact", "productionImpact", "owner", "supplier", "description", "criticality",
              "updatedAt"),
          Set.of(
              "id", "name", "type", "domain", "confidentiality", "integrity", "availability", "safetyImpact",
              "productionImpact", "owner"),
          Set.of("criticality", "updatedAt"));

  private AssetCsv() {}

  static String export(List<Asset> assets) {
    var out = new StringBuilder(Csv.line(COLUMNS.all()));
    for (var a : assets) {
      out.append(
          Csv.line(
              List.of(
                  a.id(),
                  text(a.name()),
                  a.type() == null ? "" : a.type().name(),
                  a.domain() == null ? "" : a.domain().name(),
                  text(a.site()),
                  text(a.zone()),
                  a.securityLevelTarget() == null ? "" : a.securityLevelTarget().toString(),
                  Integer.toString(a.confidentiality()),
                  Integer.toString(a.integrity()),
                  Integer.toString(a.availability()),
                  Integer.toString(a.safetyImpact()),
                  Integer.toString(a.productionImpact()),
                  text(a.owner()),
                  text(a.supplier()),
                  text(a.description()),
                  Integer.toString(a.criticality()),
                  a.updatedAt() == null ? "" : a.updatedAt().toString())));
    }
    return out.toString();
  }

  /** The ids a file names, to look the existing assets up before {@link #plan}. */
  static Set<String> ids(CsvTable table) {
    return table.distinct("id");
  }

  /**
   * Checks every row and works out what to write; refuses the whole file (with every problem) if
   * any row is bad.
   *
   * @param existing the assets the file names that exist now, by id
   */
  static ImportPlan<Asset> plan(CsvTable table, Map<String, Asset> existing, Instant now) {
    return ImportPlan.fromRows(
        table,
        existing,
        "asset",
        (row, before, rowProblems, check) -> AssetRules.validate(input(row, before, rowProblems), null, before, now, check),
        RowProblem::new,
        AssetRules::sameContent);
  }

  /** A row as input; columns the file leaves out take the existing asset's values. */
  static AssetInput input(Row row, Asset existing, List<RowProblem> problems) {
    var current = existing == null ? null : AssetInput.of(existing);
    return new AssetInput(
        row.text("id"),
        text(row, "name", current, AssetInput::name),
        text(row, "type", current, AssetInput::type),
        text(row, "domain", current, AssetInput::domain),
        text(row, "site", current, AssetInput::site),
        text(row, "zone", current, AssetInput::zone),
        number(row, "securityLevelTarget", current, AssetInput::securityLevelTarget, problems),
        number(row, "confidentiality", current, AssetInput::confidentiality, problems),
        number(row, "integrity", current, AssetInput::integrity, problems),
        number(row, "availability", current, AssetInput::availability, problems),
        number(row, "safetyImpact", current, AssetInput::safetyImpact, problems),
        number(row, "productionImpact", current, AssetInput::productionImpact, problems),
        text(row, "owner", current, AssetInput::owner),
        text(row, "supplier", current, AssetInput::supplier),
        text(row, "description", current, AssetInput::description));
  }

  private static String text(Row row, String column, AssetInput current, Function<AssetInput, String> value) {
    if (row.has(column) || current == null) {
      return row.text(column);
    }
    return value.apply(current);
  }

  private static Integer number(
      Row row, String column, AssetInput current, Function<AssetInput, Integer> value, List<RowProblem> problems) {
    if (row.has(column) || current == null) {
      return row.integer(column, problems);
    }
    return value.apply(current);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
