package io.ismsflow.engine;

import java.time.Instant;
import java.util.List;

/** A user task as the journal knows it, named from the model. */
public record UserTaskView(
    long key,
    String name,
    String elementId,
    String bpmnProcessId,
    long processInstanceKey,
    String state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String formId,
    String dueDate,
    Instant createdAt,
    Instant completedAt) {

  public boolean isOpen() {
    return "CREATED".equals(state);
  }
}
