package io.ismsflow.smoke;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record a smoke check writes: proof that a process reached a worker, the worker reached the
 * record store, and a person confirmed the result through a form. Keyed by process instance, so
 * that a retried job writes the same record again instead of a second one.
 */
@Document("smoke_checks")
public record SmokeCheck(
    @Id String id,
    long processInstanceKey,
    String requestedBy,
    Status status,
    Instant recordedAt,
    Boolean confirmed,
    String comment,
    Instant closedAt,
    @Version Long version) {

  public enum Status {
    RECORDED,
    CLOSED
  }

  static String idFor(long processInstanceKey) {
    return "smoke-" + processInstanceKey;
  }

  SmokeCheck close(boolean confirmed, String comment, Instant at) {
    return new SmokeCheck(id, processInstanceKey, requestedBy, Status.CLOSED, recordedAt, confirmed, comment, at, version);
  }
}
