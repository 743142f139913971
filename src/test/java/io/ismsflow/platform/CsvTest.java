package io.ismsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

  private static List<Csv.Record> readAll(String text) {
    var reader = new Csv.Reader(text);
    var records = new ArrayList<Csv.Record>();
    for (var r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }

  @Test
  void quotedCellsKeepCommasDoubledQuotesAndLineBreaks() {
    var records = readAll("id,text\r\nA-1,\"a, \"\"b\"\"\r\nc\"\r\nA-2,plain\r\n");

    assertThat(records).hasSize(3);
    assertThat(records.get(1).cells()).containsExactly("A-1", "a, \"b\"\r\nc");
    assertThat(records.get(2).cells()).containsExactly("A-2", "plain");
  }

  @Test
  void rowsAreCountedAsASpreadsheetShowsThemNotByLines() {
    var records = readAll("h\n\"two\nlines\"\nthird\n");

    assertThat(records).extracting(Csv.Record::row).containsExactly(1, 2, 3);
  }

  @Test
  void lfAndCrlfAndAMissingFinalLineBreakAreAllRead() {
    assertThat(readAll("a,b\nc,d")).extracting(Csv.Record::cells).containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(readAll("a,b\r\nc,d\r\n")).extracting(Csv.Record::cells).containsExactly(List.of("a", "b"), List.of("c", "d"));
    assertThat(readAll("a,,\r\n")).extracting(Csv.Record::cells).containsExactly(List.of("a", "", ""));
  }

  @Test
  void anUnclosedQuoteIsMalformedAndNamesTheRow() {
    assertThatThrownBy(() -> readAll("h\nok\n\"never closed\n"))
        .isInstanceOf(Csv.MalformedException.class)
        .satisfies(e -> assertThat(((Csv.MalformedException) e).row()).isEqualTo(3));
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    assertThatThrownBy(() -> readAll("\"a\"b,c\n")).isInstanceOf(Csv.MalformedException.class);
  }

  @Test
  void cellsAreQuotedOnlyWhenRfc4180NeedsItOrBlanksWouldBeLost() {
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("x\ny")).isEqualTo("\"x\ny\"");
    assertThat(Csv.cell(" padded ")).isEqualTo("\" padded \"");
    assertThat(Csv.line(List.of("a", "", "b"))).isEqualTo("a,,b\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =cmd", "'=already quoted", "\uFF1D1+1"})
  void formulaLikeValuesAreNeutralisedAndComeBackUnchanged(String value) {
    var cell = Csv.cell(value);
    var read = readAll(cell + "\r\n").getFirst().cells().getFirst();

    assertThat(read).startsWith("'");
    assertThat(Csv.unguard(read)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "'quoted text", "2026-01-31", "A-001", "it's fine"})
  void otherValuesAreNeitherGuardedNorChangedByUnguarding(String value) {
    assertThat(Csv.cell(value)).isEqualTo(value);
    assertThat(Csv.unguard(value)).isEqualTo(value);
  }

  @Test
  void listCellsSplitAtUnescapedSeparatorsOnly() {
    var values = List.of("a;b", "c|d", "e,f", "back\\slash", "plain");
    var joined = String.join(";", values.stream().map(Csv::escape).toList());

    assertThat(Csv.split(joined, ';').stream().map(Csv::unescape).toList()).isEqualTo(values);
    assertThat(Csv.split("x|y\\|z", '|')).containsExactly("x", "y\\|z");
    assertThat(Csv.split("", ';')).isEmpty();
  }
}
