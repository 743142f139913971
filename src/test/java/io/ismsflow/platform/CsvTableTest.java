package io.ismsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ismsflow.platform.CsvTable.Columns;
import io.ismsflow.platform.RequestRefusedException.RowProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static final Columns COLUMNS =
      new Columns(List.of("id", "name", "count", "note", "computed"), Set.of("id", "name"), Set.of("computed"));

  private static CsvTable read(String text) {
    return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), COLUMNS, 5);
  }

  private static List<RowProblem> problems(String text) {
    return problems(text.getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<RowProblem> problems(byte[] bytes) {
    var refused = catchThrowableOfType(RequestRefusedException.class, () -> CsvTable.read(bytes, COLUMNS, 5));
    assertThat(refused).as("the file should be refused").isNotNull();
    assertThat(refused.reason()).isEqualTo(RequestRefusedException.Reason.INVALID_INPUT);
    return (List<RowProblem>) refused.problems();
  }

  @Test
  void aSpreadsheetFileWithByteOrderMarkAndCrlfIsReadWithTrimmedCells() {
    var table = read("\uFEFFid,Name,count\r\n  A-1 , Pump  ,3\r\n");

    assertThat(table.columns()).containsExactly("id", "name", "count");
    assertThat(table.rows()).hasSize(1);
    var row = table.rows().getFirst();
    assertThat(row.number()).isEqualTo(2);
    assertThat(row.text("id")).isEqualTo("A-1");
    assertThat(row.text("name")).isEqualTo("Pump");
    assertThat(row.integer("count", new ArrayList<>())).isEqualTo(3);
    assertThat(row.has("note")).isFalse();
  }

  @Test
  void blankRowsAreSkippedAndRowNumbersStayThoseOfTheSpreadsheet() {
    var table = read("id,name\n,\nA-1,x\n\nA-2,y\n");

    assertThat(table.rows()).extracting(CsvTable.Row::number).containsExactly(3, 5);
  }

  @Test
  void ignoredColumnsAreNotRead() {
    var table = read("id,name,computed\nA-1,x,999\n");

    assertThat(table.rows().getFirst().has("computed")).isFalse();
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    assertThat(problems("id,count\nA-1,3\n")).containsExactly(new RowProblem(1, "name", "The required column is missing"));
  }

  @Test
  void unknownAndDuplicateColumnsAreNamed() {
    var problems = problems("id,name,colour,ID\nA-1,x,red,A-1\n");

    assertThat(problems).extracting(RowProblem::column).containsExactlyInAnyOrder("colour", "id");
    assertThat(problems).allMatch(p -> p.row() == 1);
    assertThat(problems.stream().filter(p -> p.column().equals("colour")).findFirst().orElseThrow().message())
        .contains("id, name, count, note, computed");
  }

  @Test
  void aSemicolonSeparatedFileIsExplained() {
    assertThat(problems("id;name\nA-1;x\n").getFirst().message()).contains("separated by ';'");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLine() {
    var latin1 = "id,name\nA-1,Stra\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1);

    var problems = problems(latin1);

    assertThat(problems.getFirst().row()).isEqualTo(2);
    assertThat(problems.getFirst().message()).contains("not UTF-8");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThat(problems("").getFirst().message()).contains("empty");
    assertThat(problems("\uFEFF\r\n").getFirst().message()).contains("empty");
  }

  @Test
  void oneRowMoreThanTheLimitIsRefusedWhileTheLimitItselfIsFine() {
    var five = new StringBuilder("id,name\n");
    for (int i = 1; i <= 5; i++) {
      five.append("A-").append(i).append(",x\n");
    }
    assertThat(read(five.toString()).rows()).hasSize(5);

    var problems = problems(five + "A-6,x\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst().row()).isEqualTo(7);
    assertThat(problems.getFirst().message()).contains("more than 5 rows");
  }

  @Test
  void aValueBeyondTheLastColumnIsAProblemButTrailingEmptyCellsAreNot() {
    assertThat(read("id,name\nA-1,x,,\n").rows()).hasSize(1);
    assertThat(problems("id,name\nA-1,x,surprise\n").getFirst().row()).isEqualTo(2);
  }

  @Test
  void brokenQuotingIsRefusedWithTheRow() {
    var problems = problems("id,name\nA-1,\"open\n");

    assertThat(problems.getFirst().row()).isEqualTo(2);
    assertThat(problems.getFirst().message()).contains("not closed");
  }

  @Test
  void cellsThatAreNotNumbersOrDatesAreProblemsOfTheirColumn() {
    var row = read("id,name,count\nA-1,x,many\n").rows().getFirst();
    var problems = new ArrayList<RowProblem>();

    assertThat(row.integer("count", problems)).isNull();
    assertThat(row.date("name", problems)).isNull();

    assertThat(problems)
        .extracting(RowProblem::column, RowProblem::row)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("count", 2), org.assertj.core.groups.Tuple.tuple("name", 2));
  }
}
