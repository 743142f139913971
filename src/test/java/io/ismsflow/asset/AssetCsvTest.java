package io.ismsflow.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssetCsvTest {

  static final String HEADER =
      "id,name,type,domain,site,zone,securityLevelTarget,confidentiality,integrity,availability,safetyImpact,productionImpact,owner,supplier,description\r\n";
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static ImportPlan<Asset> plan(String csv, Map<String, Asset> existing) {
    return AssetCsv.plan(CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), AssetCsv.COLUMNS, 5000), existing, NOW);
  }

  @SuppressWarnings("unchecked")
  static List<RowProblem> problems(String csv, Map<String, Asset> existing) {
    var refused = catchThrowableOfType(RequestRefusedException.class, () -> plan(csv, existing));
    assertThat(refused).as("the file should be refused").isNotNull();
    return (List<RowProblem>) refused.problems();
  }

  static RowProblem problemIn(List<RowProblem> problems, String column) {
    return problems.stream().filter(p -> column.equals(p.column())).findFirst().orElseThrow(() -> new AssertionError("no problem in " + column + ": " + problems));
  }

  @Test
  void theSampleRegisterOfRiversidePlantIsValidAndEveryOtAssetHasItsZoneAndSecurityLevel() throws IOException {
    byte[] bytes;
    try (var in = getClass().getResourceAsStream("/samples/riverside-plant/assets.csv")) {
      bytes = in.readAllBytes();
    }
    var plan = AssetCsv.plan(CsvTable.read(bytes, AssetCsv.COLUMNS, 5000), Map.of(), NOW);

    assertThat(plan.creates()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(plan.creates()).extracting(Asset::domain).contains(Asset.Domain.IT, Asset.Domain.OT);
    assertThat(plan.creates().stream().filter(a -> a.domain() == Asset.Domain.OT))
        .allSatisfy(a -> assertThat(a.zone()).isNotBlank())
        .allSatisfy(a -> assertThat(a.securityLevelTarget()).isBetween(1, 4));
  }

  @Test
  void anUnknownTypeIsRefusedListingTheAllowedTypes() {
    var problem = problemIn(problems(HEADER + "A-1,Robot cell,ROBOT,IT,,,,1,1,1,1,1,risk.ben,,\r\n", Map.of()), "type");

    assertThat(problem.row()).isEqualTo(2);
    assertThat(problem.message()).contains("'ROBOT'", "MES", "PLC", "SUPPLIER_CONNECTION");
  }

  @Test
  void enumNamesAreMatchedIgnoringCase() {
    assertThat(plan(HEADER + "A-1,Line PLC,plc,ot,,Z3-Control,3,1,1,1,1,1,risk.ben,,\r\n", Map.of()).creates().getFirst().type())
        .isEqualTo(Asset.AssetType.PLC);
  }

  @Test
  void anOtAssetNeedsAZoneAndASecurityLevelTarget() {
    var problems = problems(HEADER + "A-1,Line PLC,PLC,OT,,,,1,1,1,1,1,risk.ben,,\r\n", Map.of());

    assertThat(problems).extracting(RowProblem::column).containsExactlyInAnyOrder("zone", "securityLevelTarget");
  }

  @Test
  void ratingsOutOfRangeOrNotNumbersAreProblemsOfTheirCellOnce() {
    var problems = problems(HEADER + "A-1,ERP,ERP,IT,,,9,7,high,0,1,1,risk.ben,,\r\n", Map.of());

    assertThat(problemIn(problems, "confidentiality").message()).contains("from 1 to 5", "not 7");
    assertThat(problemIn(problems, "integrity").message()).contains("'high' is not a whole number");
    assertThat(problemIn(problems, "availability").message()).contains("not 0");
    assertThat(problemIn(problems, "securityLevelTarget").message()).contains("from 1 to 4");
    assertThat(problems.stream().filter(p -> p.column().equals("integrity"))).hasSize(1);
  }

  @Test
  void badIdsAndMissingTextsAreNamed() {
    var problems = problems(HEADER + "asset one,,ERP,IT,,,,1,1,1,1,1,,,\r\n", Map.of());

    assertThat(problems).extracting(RowProblem::column).containsExactlyInAnyOrder("id", "name", "owner");
  }

  @Test
  void aTooLongNameIsRefused() {
    var problems = problems(HEADER + "A-1," + "n".repeat(201) + ",ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n", Map.of());

    assertThat(problemIn(problems, "name").message()).contains("at most 200");
  }

  @Test
  void anIdTwiceInTheFileIsRefusedAtItsSecondRow() {
    var row = "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n";

    var problems = problems(HEADER + row + row, Map.of());

    assertThat(problems).containsExactly(new RowProblem(3, "id", "A-1 is in row 2 already; each asset may appear once"));
  }

  @Test
  void oneBadRowRefusesTheWholeFileWithEveryProblemOfEveryRow() {
    var csv =
        HEADER
            + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n"
            + "A-2,MES,MES,OT,,Z2-Supervisory,2,1,1,1,1,1,risk.ben,,\r\n"
            + "A-3,PLC,PLC,OT,,Z3-Control,3,1,1,1,1,6,risk.ben,,\r\n"
            + "A-4,Switch,SWITCH,OT,,Z3-Control,2,1,1,1,1,1,risk.ben,,\r\n";

    var problems = problems(csv, Map.of());

    assertThat(problems).extracting(RowProblem::row, RowProblem::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "productionImpact"), org.assertj.core.groups.Tuple.tuple(5, "type"));
  }

  @Test
  void existingAssetsAreUpdatedOrCountedUnchanged() {
    var erp = plan(HEADER + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n", Map.of()).creates().getFirst();
    var mes = plan(HEADER + "A-2,MES,MES,OT,,Z2,2,1,1,1,1,1,risk.ben,,\r\n", Map.of()).creates().getFirst();
    var existing = Map.of("A-1", AssetRules.stamped(erp, Instant.EPOCH, 3L), "A-2", AssetRules.stamped(mes, Instant.EPOCH, 1L));

    var plan =
        plan(
            HEADER
                + "A-1,ERP,ERP,IT,,,,1,1,1,1,1,risk.ben,,\r\n"
                + "A-2,MES,MES,OT,,Z2,2,1,1,1,1,4,risk.ben,,\r\n"
                + "A-3,PLC,PLC,OT,,Z3,3,1,1,1,1,1,risk.ben,,\r\n",
            existing);

    assertThat(plan.result()).isEqualTo(new io.ismsflow.platform.ImportResult(1, 1, 1));
    var update = plan.updates().getFirst();
    assertThat(update.after().productionImpact()).isEqualTo(4);
    assertThat(update.after().version()).as("saved against the version read").isEqualTo(1L);
  }

  @Test
  void aColumnTheFileLeavesOutKeepsTheCurrentValueAndABlankCellClearsIt() {
    var original =
        plan(HEADER + "A-1,ERP,ERP,IT,Riverside,Z0,,1,1,1,1,1,risk.ben,Meridian,Hosted\r\n", Map.of()).creates().getFirst();
    var shortHeader = "id,name,type,domain,confidentiality,integrity,availability,safetyImpact,productionImpact,owner,site\r\n";

    var after =
        plan(shortHeader + "A-1,ERP,ERP,IT,1,1,1,1,1,risk.ben,\r\n", Map.of("A-1", original)).updates().getFirst().after();

    assertThat(after.supplier()).isEqualTo("Meridian");
    assertThat(after.description()).isEqualTo("Hosted");
    assertThat(after.site()).isNull();
  }

  @Test
  void anExportImportsBackUnchangedFormulaLikeTextsIncluded() {
    var assets =
        plan(
                HEADER
                    + "A-1,\"=HYPERLINK(\"\"http://x\"\")\",ERP,IT,,,,1,1,1,1,1,risk.ben,\"Smith, Jones & Co\",\"-- line one\nline two\"\r\n"
                    + "A-2,MES,MES,OT,Riverside,Z2-Supervisory,2,3,4,5,2,5,risk.ben,,@home\r\n",
                Map.of())
            .creates();
    var existing = assets.stream().collect(Collectors.toMap(Asset::id, Function.identity()));

    var exported = AssetCsv.export(assets);
    var plan = plan(exported, existing);

    assertThat(exported).contains("'=HYPERLINK", "'-- line one", "'@home");
    assertThat(plan.result()).isEqualTo(new io.ismsflow.platform.ImportResult(0, 0, 2));
  }
}
