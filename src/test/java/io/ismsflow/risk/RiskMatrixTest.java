package io.ismsflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ismsflow.platform.StartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskMatrixTest {

  private final RiskMatrix matrix = new RiskMatrix(new RiskMatrixProperties(5, 5, 10, 17, 9));

  @ParameterizedTest(name = "{0} x {1} = {2}, {3}, above appetite: {4}")
  @CsvSource({
    "1, 1, 1, LOW, false",
    "2, 2, 4, LOW, false",
    "1, 5, 5, MEDIUM, false",
    "3, 3, 9, MEDIUM, false",
    "2, 5, 10, HIGH, true",
    "4, 4, 16, HIGH, true",
    "3, 6, 18, CRITICAL, true",
    "5, 5, 25, CRITICAL, true"
  })
  void scoresAreLikelihoodTimesImpactPlacedByThresholdsAndAppetite(
      int likelihood, int impact, int score, RiskLevel level, boolean above) {
    if (impact > 5) {
      assertThatThrownBy(() -> matrix.rate(likelihood, impact)).hasMessageContaining("impact must be from 1 to 5");
      return;
    }
    var rating = matrix.rate(likelihood, impact);
    assertThat(rating.score()).isEqualTo(score);
    assertThat(rating.level()).isEqualTo(level);
    assertThat(rating.aboveAppetite()).isEqualTo(above);
  }

  @Test
  void valuesOutsideTheMatrixAreRefused() {
    assertThatThrownBy(() -> matrix.rate(0, 3)).hasMessageContaining("likelihood must be from 1 to 5, not 0");
    assertThatThrownBy(() -> matrix.rate(3, 6)).hasMessageContaining("impact must be from 1 to 5, not 6");
  }

  @Test
  void aDifferentMatrixAndAppetiteCanBeConfigured() {
    var fourByFour = new RiskMatrix(new RiskMatrixProperties(4, 3, 6, 12, 5));
    assertThat(fourByFour.rate(2, 3).level()).isEqualTo(RiskLevel.HIGH);
    assertThat(fourByFour.rate(2, 3).aboveAppetite()).isTrue();
    assertThat(fourByFour.rate(4, 4).level()).isEqualTo(RiskLevel.CRITICAL);
    assertThatThrownBy(() -> fourByFour.rate(5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thresholdsThatDoNotRiseStopTheStartInPlainWords() {
    assertThatThrownBy(() -> new RiskMatrix(new RiskMatrixProperties(5, 10, 10, 17, 9)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("must rise");
    assertThatThrownBy(() -> new RiskMatrix(new RiskMatrixProperties(5, 5, 10, 17, 30)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("appetite");
  }

  @Test
  void onlyHighAndCriticalRisksNeedExecutiveSignOffToBeAccepted() {
    assertThat(RiskLevel.MEDIUM.needsExecutiveSignOffToAccept()).isFalse();
    assertThat(RiskLevel.HIGH.needsExecutiveSignOffToAccept()).isTrue();
    assertThat(RiskLevel.CRITICAL.needsExecutiveSignOffToAccept()).isTrue();
  }
}
