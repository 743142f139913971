package io.ismsflow.risk;

/** The risk under review was deleted or closed meanwhile: a business outcome the review models. */
public class RiskGoneException extends RuntimeException {

  public RiskGoneException(String riskId) {
    super("Risk " + riskId + " no longer exists or was closed");
  }
}
