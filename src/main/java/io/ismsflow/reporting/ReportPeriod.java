package io.ismsflow.reporting;

import java.time.LocalDate;

/** The period a board report covers, both days included. */
public record ReportPeriod(LocalDate from, LocalDate to) {

  public ReportPeriod {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("A report period needs a start and an end on or after it");
    }
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
