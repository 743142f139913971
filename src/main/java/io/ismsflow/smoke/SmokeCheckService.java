package io.ismsflow.smoke;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Writes and closes smoke check records; both steps are idempotent, as job retries require. */
@Service
public class SmokeCheckService {

  private final SmokeCheckRepository checks;
  private final Clock clock;

  SmokeCheckService(SmokeCheckRepository checks, Clock clock) {
    this.checks = checks;
    this.clock = clock;
  }

  SmokeCheck record(long processInstanceKey, String requestedBy) {
    if (requestedBy != null && requestedBy.length() > 100) {
      throw new IllegalArgumentException("requestedBy must be at most 100 characters, got " + requestedBy.length());
    }
    var id = SmokeCheck.idFor(processInstanceKey);
    return checks
        .findById(id)
        .orElseGet(
            () ->
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
                        null)));
  }

  SmokeCheck close(long processInstanceKey, boolean confirmed, String comment) {
    var check =
        checks
            .findById(SmokeCheck.idFor(processInstanceKey))
            .orElseThrow(() -> new SmokeCheckMissingException(processInstanceKey));
    if (check.status() == SmokeCheck.Status.CLOSED) {
      return check;
    }
    return checks.save(check.close(confirmed, comment, clock.instant()));
  }

  public Optional<SmokeCheck> find(long processInstanceKey) {
    return checks.findById(SmokeCheck.idFor(processInstanceKey));
  }
}
