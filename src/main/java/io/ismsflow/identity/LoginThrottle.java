package io.ismsflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses sign-in for a while after repeated failures for the same user name from the same
 * address, so that passwords cannot be guessed at speed. Kept in memory: a restart forgets it.
 */
class LoginThrottle {

  private record Failures(int count, Instant lockedUntil) {}

  private static final int MAX_TRACKED = 100_000;

  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** How long sign-in stays refused for this name and address, or zero. */
  Duration lockedFor(String username, String address) {
    var entry = failures.get(key(username, address));
    if (entry == null || entry.lockedUntil() == null) {
      return Duration.ZERO;
    }
    var left = Duration.between(clock.instant(), entry.lockedUntil());
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String username, String address) {
    if (failures.size() > MAX_TRACKED) {
      failures.clear();
    }
    failures.compute(
        key(username, address),
        (k, old) -> {
          var count = (old == null || (old.lockedUntil() != null && clock.instant().isAfter(old.lockedUntil())))
              ? 1
              : old.count() + 1;
          return new Failures(count, count >= maxFailures ? clock.instant().plus(lockout) : null);
        });
  }

  void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  private static String key(String username, String address) {
    return (username == null ? "" : username.toLowerCase()) + "|" + (address == null ? "" : address);
  }
}
