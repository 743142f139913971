package io.ismsflow.risk;

import io.ismsflow.platform.StartupException;
import org.springframework.stereotype.Component;

/**
 * Scores risks and places them against the risk appetite (ISO/IEC 27005). One instance, from
 * configuration, serves the scoring worker and the API alike.
 */
@Component
public class RiskMatrix {

  /** A risk's place in the matrix. */
  public record Rating(int likelihood, int impact, int score, RiskLevel level, boolean aboveAppetite) {}

  private final RiskMatrixProperties properties;

  public RiskMatrix(RiskMatrixProperties properties) {
    var max = properties.size() * properties.size();
    if (properties.size() < 2 || properties.size() > 10) {
      throw new StartupException("The risk matrix size must be 2 to 10, not " + properties.size(), "Fix isms.risk.matrix.size.");
    }
    if (!(1 < properties.mediumFrom()
        && properties.mediumFrom() < properties.highFrom()
        && properties.highFrom() < properties.criticalFrom()
        && properties.criticalFrom() <= max)) {
      throw new StartupException(
          "The risk matrix thresholds must rise: 1 < medium-from < high-from < critical-from <= " + max,
          "Fix isms.risk.matrix.medium-from, high-from and critical-from.");
    }
    if (properties.appetite() < 1 || properties.appetite() > max) {
      throw new StartupException("The risk appetite must be a score from 1 to " + max, "Fix isms.risk.matrix.appetite.");
    }
    this.properties = properties;
  }

  public int size() {
    return properties.size();
  }

  public int appetite() {
    return properties.appetite();
  }

  /** Rates a likelihood and impact; refuses values outside the matrix. */
  public Rating rate(int likelihood, int impact) {
    requireInScale("likelihood", likelihood);
    requireInScale("impact", impact);
    var score = likelihood * impact;
    return new Rating(likelihood, impact, score, level(score), score > properties.appetite());
  }

  public RiskLevel level(int score) {
    if (score >= properties.criticalFrom()) {
      return RiskLevel.CRITICAL;
    }
    if (score >= properties.highFrom()) {
      return RiskLevel.HIGH;
    }
    return score >= properties.mediumFrom() ? RiskLevel.MEDIUM : RiskLevel.LOW;
  }

  public boolean isInScale(int value) {
    return value >= 1 && value <= properties.size();
  }

  private void requireInScale(String name, int value) {
    if (!isInScale(value)) {
      throw new IllegalArgumentException(name + " must be from 1 to " + properties.size() + ", not " + value);
    }
  }
}
