package io.ismsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoardMetricsTest {

  private static BoardMetricsContributor section(String name, int order) {
    return new BoardMetricsContributor() {
      public String section() {
        return name;
      }

      public int order() {
        return order;
      }

      public Map<String, Object> figures(ReportPeriod period) {
        return Map.of("from", period.from().toString());
      }
    };
  }

  @Test
  void everyContributorAddsItsSectionInOrder() {
    var metrics =
        new BoardMetrics(
            List.of(section("policies", 20), section("incidents", 30), section("risks", 10)),
            Clock.fixed(Instant.parse("2026-12-31T12:00:00Z"), ZoneOffset.UTC));

    var figures = metrics.collect(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));

    assertThat(figures.sections()).containsOnlyKeys("risks", "policies", "incidents");
    assertThat(figures.sections().keySet()).containsExactly("risks", "policies", "incidents");
    assertThat(figures.sections().get("risks")).containsEntry("from", "2026-10-01");
    assertThat(figures.collectedAt()).isEqualTo(Instant.parse("2026-12-31T12:00:00Z"));
  }

  @Test
  void aPeriodEndsOnOrAfterItsStartAndIncludesBothDays() {
    assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    var quarter = new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    assertThat(quarter.contains(LocalDate.of(2026, 10, 1))).isTrue();
    assertThat(quarter.contains(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(quarter.contains(LocalDate.of(2027, 1, 1))).isFalse();
  }
}
