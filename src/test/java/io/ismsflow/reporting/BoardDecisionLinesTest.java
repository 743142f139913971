package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BoardDecisionLinesTest {

  @Test
  void eachLineIsAnActionWithOwnerDueDateAndOptionalRecord() {
    var parsed =
        BoardDecisionLines.parse(
            "# actions of the Q4 meeting\nFund OT segmentation of line 3 | ciso.anna | 2027-03-31 | R-003\n\n  Review supplier access contracts|risk.ben|2027-02-28  \n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.lines())
        .containsExactly(
            new BoardDecisionLines.Line(2, "Fund OT segmentation of line 3", "ciso.anna", LocalDate.of(2027, 3, 31), "R-003"),
            new BoardDecisionLines.Line(4, "Review supplier access contracts", "risk.ben", LocalDate.of(2027, 2, 28), null));
  }

  @Test
  void aBadLineIsReportedWithItsNumberAndWhatIsWrong() {
    var parsed =
        BoardDecisionLines.parse(
            "Fund segmentation\nDo it | ciso.anna | next spring\nDo it | | 2027-01-01\nDo it | ciso.anna | 2027-01-01 | risk three\n | ciso.anna | 2027-01-01");

    assertThat(parsed.lines()).isEmpty();
    assertThat(parsed.problems())
        .extracting(FieldProblem::message)
        .containsExactly(
            "line 1: write 'action | owner | due date | record (optional)', separated by '|'",
            "line 2: 'next spring' is not a due date as YYYY-MM-DD",
            "line 3: name the owner by their user name, e.g. ciso.anna",
            "line 4: 'risk three' is not a record id such as R-003",
            "line 5: say what is to be done (at most 300 characters)");
    assertThat(parsed.problems()).extracting(FieldProblem::field).containsOnly("boardActions");
  }

  @Test
  void noActionsIsFine() {
    assertThat(BoardDecisionLines.parse(null).lines()).isEmpty();
    assertThat(BoardDecisionLines.parse("  \n# none\n").problems()).isEmpty();
  }
}
