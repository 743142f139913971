package io.ismsflow.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Quarters, the usual period of a board report: which one, and how a report of it is named. */
final class ReportPeriods {

  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  private ReportPeriods() {}

  static LocalDate quarterStart(LocalDate day) {
    return day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
  }

  /** The quarter that ended before the day's quarter began. */
  static ReportPeriod previousQuarter(LocalDate today) {
    var start = quarterStart(today);
    return new ReportPeriod(start.minusMonths(3), start.minusDays(1));
  }

  /** From the first day of the day's quarter to the day. */
  static ReportPeriod quarterToDate(LocalDate today) {
    return new ReportPeriod(quarterStart(today), today);
  }

  static boolean isWholeQuarter(ReportPeriod period) {
    return period.from().equals(quarterStart(period.from())) && period.to().equals(period.from().plusMonths(3).minusDays(1));
  }

  private static String quarter(LocalDate day) {
    return "Q" + ((day.getMonthValue() - 1) / 3 + 1) + " " + day.getYear();
  }

  /** E.g. {@code Q4 2026}, {@code Q4 2026 to date (2026-12-03)}, or the two days. */
  static String label(ReportPeriod period) {
    if (isWholeQuarter(period)) {
      return quarter(period.from());
    }
    if (period.from().equals(quarterStart(period.from())) && quarterStart(period.to()).equals(period.from())) {
      return quarter(period.from()) + " to date (" + period.to() + ")";
    }
    return period.from() + " to " + period.to();
  }

  /** A label short enough for a chart axis. */
  static String shortLabel(ReportPeriod period) {
    return period.from().equals(quarterStart(period.from())) && quarterStart(period.to()).equals(period.from())
        ? quarter(period.from())
        : period.to().toString();
  }

  /** E.g. {@code BR-2026-Q4} for a whole quarter, else {@code BR-20261001-20261203}. */
  static String reportId(ReportPeriod period) {
    if (isWholeQuarter(period)) {
      return "BR-" + period.from().getYear() + "-Q" + ((period.from().getMonthValue() - 1) / 3 + 1);
    }
    return "BR-" + COMPACT.format(period.from()) + "-" + COMPACT.format(period.to());
  }
}
