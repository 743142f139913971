package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.ismsflow.platform.CsvTable;
import io.ismsflow.platform.ImportPlan;
import io.ismsflow.platform.ImportResult;
import io.ismsflow.platform.RequestRefusedException;
import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RiskCsvTest {

  static final String HEADER =
      "id,title,description,assetIds,threat,vulnerability,owner,likelihood,impact,treatmentOption,residualLikelihood,"
          + "residualImpact,treatmentActions,reviewIntervalDays,nextReviewDate,status,lastRationale\r\n";
  static final RiskMatrix MATRIX = new RiskMatrix(new RiskMatrixProperties(5, 5, 10, 17, 9));
  static final LocalDate TODAY = LocalDate.parse("2026-11-23");
  static final Set<String> ASSETS = Set.of("A-1", "A-2", "A-3");

  static RiskRules.Context context(Set<String> assets) {
    return new RiskRules.Context(MATRIX, assets, TODAY, Instant.parse("2026-11-23T10:00:00Z"));
  }

  static ImportPlan<Risk> plan(byte[] csv, Map<String, Risk> existing, Set<String> assets) {
    return RiskCsv.plan(CsvTable.read(csv, RiskCsv.COLUMNS, 5000), existing, context(assets));
  }

  static ImportPlan<Risk> plan(String csv, Map<String, Risk> existing) {
    return plan(csv.getBytes(StandardCharsets.UTF_8), existing, ASSETS);
  }

  @SuppressWarnings("unchecked")
  static List<RowProblem> problems(String csv) {
    var refused = catchThrowableOfType(RequestRefusedException.class, () -> plan(csv, Map.of()));
    assertThat(refused).as("the file should be refused").isNotNull();
    assertThat(refused.getMessage()).contains("nothing was imported");
    return (List<RowProblem>) refused.problems();
  }

  static RowProblem problemIn(List<RowProblem> problems, String column) {
    return problems.stream()
        .filter(p -> column.equals(p.column()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no problem in " + column + ": " + problems));
  }

  static String row(String id, String assetIds, String likelihood, String impact, String rest) {
    return id + ",Ransomware on MES,,\"" + assetIds + "\",Ransomware,Open SMB shares,risk.ben," + likelihood + "," + impact + "," + rest + "\r\n";
  }

  static byte[] sample(String name) throws IOException {
    try (var in = RiskCsvTest.class.getResourceAsStream("/samples/riverside-plant/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void theSampleRiskRegisterIsValidAgainstTheSampleAssets() throws IOException {
    // the asset ids are the first cell of each line of the asset sample after the header
    var assetIds =
        new String(sample("assets.csv"), StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .map(line -> line.substring(0, line.indexOf(',')))
            .collect(Collectors.toSet());

    var plan = plan(sample("risks.csv"), Map.of(), assetIds);

    assertThat(plan.creates()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(plan.creates()).anyMatch(r -> r.inherentScore() > MATRIX.appetite());
    assertThat(plan.creates()).anyMatch(r -> r.inherentScore() <= MATRIX.appetite());
    assertThat(plan.creates()).anyMatch(r -> r.nextReviewDate().isBefore(TODAY));
    assertThat(plan.creates()).extracting(Risk::owner).contains("risk.ben", "risk.lena");
  }

  @Test
  void scoresAndLevelsAreComputedWithTheMatrixAndComputedColumnsOfTheFileAreIgnored() {
    var csv =
        "id,title,assetIds,threat,vulnerability,owner,likelihood,impact,residualLikelihood,residualImpact,inherentScore,inherentLevel\r\n"
            + "R-1,Ransomware,A-1,Ransomware,Open shares,risk.ben,4,5,2,3,1,LOW\r\n";

    var risk = plan(csv, Map.of()).creates().getFirst();

    assertThat(risk.inherentScore()).isEqualTo(20);
    assertThat(risk.inherentLevel()).isEqualTo(RiskLevel.CRITICAL);
    assertThat(risk.residualScore()).isEqualTo(6);
    assertThat(risk.residualLevel()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(risk.status()).isEqualTo(Risk.RiskStatus.OPEN);
    assertThat(risk.reviewIntervalDays()).isEqualTo(90);
    assertThat(risk.nextReviewDate()).isEqualTo(TODAY.plusDays(90));
  }

  @Test
  void ratingsOutsideTheMatrixOrNotNumbersAreRefused() {
    var problems = problems(HEADER + row("R-1", "A-1", "0", "six", "MITIGATE,6,,,,,,") );

    assertThat(problemIn(problems, "likelihood").message()).contains("from 1 to 5", "not 0");
    assertThat(problemIn(problems, "impact").message()).contains("'six' is not a whole number");
    assertThat(problemIn(problems, "residualLikelihood").message()).contains("not 6");
    assertThat(problemIn(problems, "residualImpact").message()).contains("required with a residual likelihood");
  }

  @Test
  void anUnknownAssetIsRefusedNamingIt() {
    var problems = problems(HEADER + row("R-1", "A-1;A-999;A-998", "3", "3", ",,,,,,,"));

    assertThat(problems).containsExactly(new RowProblem(2, "assetIds", "There are no assets A-999, A-998"));
  }

  @Test
  void unknownChoicesAreRefusedListingTheAllowedOnes() {
    var problems = problems(HEADER + row("R-1", "A-1", "3", "3", "IGNORE,,,,,,DONE,"));

    assertThat(problemIn(problems, "treatmentOption").message()).contains("'IGNORE'", "MITIGATE, ACCEPT, TRANSFER, AVOID");
    assertThat(problemIn(problems, "status").message()).contains("'DONE'", "OPEN", "CLOSED");
  }

  @Test
  void treatmentActionsAreReadWithTheirControlsAndTheirProblemsNameTheAction() {
    var good =
        plan(HEADER + row("R-1", "A-1", "3", "4", "MITIGATE,2,2,\"TA-1|Segment the network|risk.lena|2027-03-31|OPEN|A.8.22,A.8.20;TA-2|Train staff\",,,,"), Map.of())
            .creates()
            .getFirst();
    assertThat(good.treatmentActions())
        .extracting(Risk.TreatmentAction::id, Risk.TreatmentAction::dueDate, Risk.TreatmentAction::status, Risk.TreatmentAction::controls)
        .containsExactly(
            tuple("TA-1", LocalDate.parse("2027-03-31"), Risk.TreatmentAction.ActionStatus.OPEN, List.of("A.8.22", "A.8.20")),
            tuple("TA-2", null, Risk.TreatmentAction.ActionStatus.OPEN, List.of()));

    var problems = problems(HEADER + row("R-1", "A-1", "3", "4", "MITIGATE,,,TA-1|Segment|risk.lena|31.03.2027;TA-1|Again,,,,"));

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().column()).isEqualTo("treatmentActions");
    assertThat(problems.getFirst().message()).startsWith("action 1: dueDate '31.03.2027' is not a date: write it as YYYY-MM-DD");
  }

  @Test
  void aSemicolonInsideAnActionTitleIsExplainedWhenItBreaksTheAction() {
    var problems = problems(HEADER + row("R-1", "A-1", "3", "4", "MITIGATE,,,TA-1|Review rules; remove any-any|risk.ben|2027-01-31|OPEN,,,,"));

    assertThat(problemIn(problems, "treatmentActions").message()).contains("action 2", "write \\;");
  }

  @Test
  void twoActionsWithOneIdAreRefused() {
    var problems = problems(HEADER + row("R-1", "A-1", "3", "4", "MITIGATE,,,TA-1|Segment;TA-1|Again,,,,"));

    assertThat(problemIn(problems, "treatmentActions").message()).isEqualTo("action 2 id: TA-1 is the id of another action of this risk");
  }

  @Test
  void aMissingRequiredColumnRefusesTheFileBeforeAnyRow() {
    var problems = problems("id,title,threat,vulnerability,likelihood,impact\r\nR-1,t,x,y,3,3\r\n");

    assertThat(problems).containsExactly(new RowProblem(1, "owner", "The required column is missing"));
  }

  @Test
  void anIdTwiceIsRefusedAtItsSecondRow() {
    var problems = problems(HEADER + row("R-1", "A-1", "3", "3", ",,,,,,,") + row("R-1", "A-2", "2", "2", ",,,,,,,"));

    assertThat(problems).containsExactly(new RowProblem(3, "id", "R-1 is in row 2 already; each risk may appear once"));
  }

  @Test
  void aSpreadsheetExportWithByteOrderMarkAndCrlfIsRead() {
    var csv = "\uFEFF" + HEADER + " R-1 , Ransomware ,, A-1 ; A-2 ,Ransomware,Open shares, risk.ben ,3,4,,,,,,,,\r\n";

    var risk = plan(csv, Map.of()).creates().getFirst();

    assertThat(risk.id()).isEqualTo("R-1");
    assertThat(risk.title()).isEqualTo("Ransomware");
    assertThat(risk.assetIds()).containsExactly("A-1", "A-2");
    assertThat(risk.owner()).isEqualTo("risk.ben");
  }

  @Test
  void oneBadRowAmongGoodOnesRefusesTheFileAndReportsOnlyTheBadRow() {
    var csv = HEADER + row("R-1", "A-1", "3", "3", ",,,,,,,") + row("R-2", "A-2", "9", "3", ",,,,,,,") + row("R-3", "A-3", "2", "2", ",,,,,,,");

    var problems = problems(csv);

    assertThat(problems).extracting(RowProblem::row, RowProblem::column).containsExactly(tuple(3, "likelihood"));
  }

  @Test
  void anExportImportsBackUnchanged() {
    var csv =
        HEADER
            + "R-1,\"=cmd|' /C calc'!A0\",\"-- first; second\",A-1;A-2,\"Threat, with comma\",\"Vuln \"\"quoted\"\"\",risk.ben,4,5,MITIGATE,2,3,"
            + "\"TA-1|Segment Line 1, Line 2|risk.lena|2027-03-31|OPEN|A.8.22,A.8.20;TA-2|Train\\; then test|risk.ben||DONE\",180,2027-01-31,TREATING,\"+ accepted\"\r\n"
            + "R-2,Closed one,,A-3,t,v,risk.lena,1,1,,,,,,2026-01-01,CLOSED,\r\n";
    var risks = plan(csv, Map.of()).creates();
    var existing = risks.stream().collect(Collectors.toMap(Risk::id, Function.identity()));

    var exported = RiskCsv.export(risks);
    var again = plan(exported, existing);

    assertThat(risks.getFirst().treatmentActions().get(1).title()).isEqualTo("Train; then test");
    assertThat(again.result()).isEqualTo(new ImportResult(0, 0, 2));
  }

  @Test
  void blankStatusAndReviewDateKeepTheCurrentValuesWhileABlankListClearsIt() {
    var first = plan(HEADER + row("R-1", "A-1;A-2", "3", "3", ",,,TA-1|Segment,30,2027-01-31,TREATING,why"), Map.of()).creates().getFirst();

    var after = plan(HEADER + row("R-1", "", "3", "3", ",,,,,,,"), Map.of("R-1", first)).updates().getFirst().after();

    assertThat(after.status()).isEqualTo(Risk.RiskStatus.TREATING);
    assertThat(after.nextReviewDate()).isEqualTo(LocalDate.parse("2027-01-31"));
    assertThat(after.reviewIntervalDays()).isEqualTo(30);
    assertThat(after.assetIds()).isEmpty();
    assertThat(after.treatmentActions()).isEmpty();
    assertThat(after.lastRationale()).isNull();
    assertThat(after.createdAt()).isEqualTo(first.createdAt());
  }
}
