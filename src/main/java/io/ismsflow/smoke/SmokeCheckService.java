package io.ismsflow.smoke;

import io.ismsflow.audit.AuditEvent;
import io.ismsflow.audit.AuditTrail;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Writes and closes smoke check records; both steps are idempotent, as job retries require, and
 * each change is written to the audit trail.
 */
@Service
public class SmokeCheckService {

  private static final String ACTOR = "system:smoke-check-worker";

  private final SmokeCheckRepository checks;
  private final Clock clock;
  private final AuditTrail audit;

  SmokeCheckService(SmokeCheckRepository checks, Clock clock, AuditTrail audit) {
    this.checks = checks;
    this.clock = clock;
    this.audit = audit;
  }

  SmokeCheck record(long processInstanceKey, String requestedBy) {
    if (requestedBy != null && requestedBy.length() > 100) {
      throw new IllegalArgumentException("requestedBy must be at most 100 characters, got " + requestedBy.length());
    }
    var id = SmokeCheck.idFor(processInstanceKey);
    var existing = checks.findById(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    var saved =
        checks.save(
            new SmokeCheck(
                id,
                processInstanceKey,
                requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy,
                SmokeCheck.Status.RECORDED,
                clock.instant(),
                null,
                null,
                null,
                null));
    record("smoke-check.recorded", null, saved);
    return saved;
  }

  SmokeCheck close(long processInstanceKey, boolean confirmed, String comment) {
    var check =
        checks
            .findById(SmokeCheck.idFor(processInstanceKey))
            .orElseThrow(() -> new SmokeCheckMissingException(processInstanceKey));
    if (check.status() == SmokeCheck.Status.CLOSED) {
      return check;
    }
    var closed = checks.save(check.close(confirmed, comment, clock.instant()));
    record("smoke-check.closed", check, closed);
    return closed;
  }

  private void record(String action, SmokeCheck before, SmokeCheck after) {
    audit.append(
        new AuditEvent(
            ACTOR, List.of(), action, "smoke-check", after.id(), before, after, after.processInstanceKey(), null));
  }

  public Optional<SmokeCheck> find(long processInstanceKey) {
    return checks.findById(SmokeCheck.idFor(processInstanceKey));
  }
}
