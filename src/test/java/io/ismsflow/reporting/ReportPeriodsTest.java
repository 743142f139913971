package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodsTest {

  @Test
  void aScheduledReportCoversTheQuarterThatEndedBeforeTheDayItStarted() {
    assertThat(ReportPeriods.previousQuarter(LocalDate.of(2027, 1, 1))).isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    assertThat(ReportPeriods.previousQuarter(LocalDate.of(2026, 5, 17))).isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
  }

  @Test
  void onDemandTheDefaultIsTheQuarterToDate() {
    assertThat(ReportPeriods.quarterToDate(LocalDate.of(2026, 12, 3))).isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 3)));
  }

  @Test
  void aWholeQuarterIsNamedAfterIt() {
    var q4 = new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    assertThat(ReportPeriods.reportId(q4)).isEqualTo("BR-2026-Q4");
    assertThat(ReportPeriods.label(q4)).isEqualTo("Q4 2026");
    var q1 = new ReportPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    assertThat(ReportPeriods.reportId(q1)).isEqualTo("BR-2027-Q1");
  }

  @Test
  void otherPeriodsAreNamedAfterTheirDays() {
    var toDate = new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 3));
    assertThat(ReportPeriods.reportId(toDate)).isEqualTo("BR-20261001-20261203");
    assertThat(ReportPeriods.label(toDate)).isEqualTo("Q4 2026 to date (2026-12-03)");
    assertThat(ReportPeriods.shortLabel(toDate)).isEqualTo("Q4 2026");
    var across = new ReportPeriod(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 11, 30));
    assertThat(ReportPeriods.label(across)).isEqualTo("2026-09-15 to 2026-11-30");
    assertThat(ReportPeriods.shortLabel(across)).isEqualTo("2026-11-30");
  }
}
