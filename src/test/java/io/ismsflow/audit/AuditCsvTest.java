package io.ismsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCsvTest {

  @Test
  void plainCellsAreWrittenAsTheyAre() {
    assertThat(AuditCsv.cell("anna")).isEqualTo("anna");
    assertThat(AuditCsv.cell("risk.approved")).isEqualTo("risk.approved");
    assertThat(AuditCsv.cell("")).isEmpty();
    assertThat(AuditCsv.cell(null)).isEmpty();
  }

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
    assertThat(AuditCsv.cell("line 1\r\nline 2")).isEqualTo("\"line 1\r\nline 2\"");
    assertThat(AuditCsv.cell("{\"a\":\"x\",\"b\":1}")).isEqualTo("\"{\"\"a\"\":\"\"x\"\",\"\"b\"\":1}\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"http://evil\")|`\"'=HYPERLINK(\"\"http://evil\"\")\"`",
        "+1+1|'+1+1",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "=1,2|\"'=1,2\""
      })
  void cellsASpreadsheetWouldRunAsAFormulaGetALeadingQuote(String value, String cell) {
    assertThat(AuditCsv.cell(value)).isEqualTo(cell);
  }

  @Test
  void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
    assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void aRowHoldsEveryFieldInHeaderOrderAndEndsWithCrlf() throws Exception {
    var entry =
        new AuditEntry(
            3, Instant.parse("2026-01-05T10:15:30.123Z"), "=anna", List.of("ciso", "risk \"owner\""), "risk.approved",
            "Risk", "R-7", null, "{\"score\":12}", 2251799813685249L, null, "ab".repeat(32), "cd".repeat(32));
    var out = new StringWriter();

    AuditCsv.writeHeader(out);
    AuditCsv.write(out, entry);

    assertThat(out.toString())
        .isEqualTo(
            "sequence,at,actor,roles,action,subjectType,subjectId,before,after,processInstanceKey,taskKey,previousHash,hash\r\n"
                + "3,2026-01-05T10:15:30.123Z,'=anna,\"[\"\"ciso\"\",\"\"risk \\\"\"owner\\\"\"\"\"]\",risk.approved,Risk,R-7,,"
                + "\"{\"\"score\"\":12}\",2251799813685249,,"
                + "ab".repeat(32) + "," + "cd".repeat(32) + "\r\n");
  }
}
