package io.ismsflow.engine;

import io.ismsflow.identity.IsmsUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user task as the journal knows it, named from the model. */
public record UserTaskView(
    long key,
    String name,
    String elementId,
    String bpmnProcessId,
    long processInstanceKey,
    long elementInstanceKey,
    String state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String formId,
    Map<String, String> headers,
    String dueDate,
    Instant createdAt,
    Instant completedAt) {

  public boolean isOpen() {
    return "CREATED".equals(state);
  }

  /** Whether this task is offered to the person: as assignee, candidate user or by a candidate group. */
  public boolean isOfferedTo(IsmsUser user) {
    return user.isOfferedTask(candidateGroups, candidateUsers, assignee);
  }
}
