package io.ismsflow.engine;

import java.time.Instant;
import java.util.List;

/** A process instance as the journal knows it: where it stands, and what went wrong. */
public record ProcessInstanceView(
    long key,
    String bpmnProcessId,
    String processName,
    Integer version,
    String state,
    Instant startedAt,
    Instant endedAt,
    List<ActiveElement> activeElements,
    List<String> completedElementIds,
    List<Incident> incidents) {

  public record ActiveElement(long elementInstanceKey, String elementId, String name, String elementType, Instant since) {}

  public record Incident(long key, String errorType, String errorMessage, String elementId, Instant createdAt) {}
}
