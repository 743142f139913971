package io.ismsflow.risk;

/** Risk levels, lowest first. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** High and critical risks may only be accepted with executive sign-off. */
  public boolean needsExecutiveSignOffToAccept() {
    return this == HIGH || this == CRITICAL;
  }
}
