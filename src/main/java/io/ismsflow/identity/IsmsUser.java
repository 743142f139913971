package io.ismsflow.identity;

import java.util.List;
import java.util.Set;

/** The signed-in person: who they are and which ISMS groups they belong to. */
public record IsmsUser(String username, String displayName, Set<String> groups) {

  public IsmsUser {
    groups = Set.copyOf(groups);
  }

  public boolean isIn(IsmsGroup group) {
    return groups.contains(group.groupName());
  }

  public boolean isInAny(IsmsGroup... any) {
    for (var group : any) {
      if (isIn(group)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a task with these candidates, or this assignee, is offered to this person. */
  public boolean isOfferedTask(List<String> candidateGroups, List<String> candidateUsers, String assignee) {
    if (assignee != null) {
      return assignee.equals(username);
    }
    return candidateUsers.contains(username) || candidateGroups.stream().anyMatch(groups::contains);
  }

  /** Sorted group names, for messages and the audit trail. */
  public List<String> groupList() {
    return groups.stream().sorted().toList();
  }
}
