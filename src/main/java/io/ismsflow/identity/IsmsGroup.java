package io.ismsflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ISMS roles, as groups. A group's name is also the candidate group of the BPMN user tasks it
 * may complete, so that a task is offered to exactly the people who may complete it.
 */
public enum IsmsGroup {
  CISO("ciso", "Owns the ISMS day to day"),
  RISK_OWNER("risk-owner", "Owns risks, assesses them and plans their treatment"),
  POLICY_OWNER("policy-owner", "Owns policies and drafts their versions"),
  REVIEWER("reviewer", "Reviews drafts and assessments"),
  EXECUTIVE("executive", "Executive leadership: accountable, signs off"),
  BOARD_SECRETARY("board-secretary", "Records the board's decisions"),
  AUDITOR("auditor", "Reads everything, exports evidence, changes nothing"),
  STAFF("staff", "Everyone else who takes part in the cycles"),
  ADMIN("admin", "Runs the tool");

  private final String groupName;
  private final String description;

  IsmsGroup(String groupName, String description) {
    this.groupName = groupName;
    this.description = description;
  }

  /** The group's name in the identity provider and in BPMN candidate groups. */
  public String groupName() {
    return groupName;
  }

  public String description() {
    return description;
  }

  /** The Spring Security authority of members of this group. */
  public String authority() {
    return "ROLE_" + groupName;
  }

  public static Optional<IsmsGroup> byName(String groupName) {
    return Arrays.stream(values()).filter(g -> g.groupName.equals(groupName)).findFirst();
  }
}
