package io.ismsflow.engine;

import io.ismsflow.platform.RequestRefusedException.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * A business rule that a user task's values must satisfy beyond what its form can say (a comment
 * required only when changes are requested, lines of a list that must parse): checked by the
 * server before the task completes, so the person sees the problem next to the field and the
 * process never gets values its workers would fail on. Modules implement it for their own tasks.
 */
public interface TaskCompletionRule {

  /** Whether this rule is for that user task of that process. */
  boolean appliesTo(String bpmnProcessId, String elementId);

  /** What is wrong with the submitted values, field by field; empty when nothing is. */
  List<FieldProblem> check(Map<String, Object> values);
}
