package io.ismsflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the clock of the local broker (started with ZEEBE_CLOCK_CONTROLLED=true in tests) over its
 * REST API, so that timers fire without waiting.
 */
public final class EngineClock {

  /**
   * The furthest the engine clock was pinned in this test run. Recurring timers that fired while
   * it was pinned there were rescheduled from that time, so a test that wants such a timer to fire
   * again must move the clock past its next occurrence after this mark, not after now.
   */
  private static Instant highWaterMark = Instant.EPOCH;

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI restAddress;

  public EngineClock(String restAddress) {
    this.restAddress = URI.create(restAddress);
  }

  /** Pins the engine clock to now + the given offset. */
  public void advance(Duration offset) {
    pin(Instant.now().plus(offset));
  }

  /**
   * Moves the engine clock five minutes past the next occurrence of a recurring timer, counted from
   * now or from the furthest the clock has been pinned in this run, whichever is later.
   *
   * @param nextOccurrence the timer's next occurrence after a given time (in UTC)
   * @return the time the engine clock now shows
   */
  public synchronized Instant passNextOccurrence(java.util.function.UnaryOperator<java.time.ZonedDateTime> nextOccurrence) {
    var from = Instant.now().isAfter(highWaterMark) ? Instant.now() : highWaterMark;
    var target = nextOccurrence.apply(from.atZone(java.time.ZoneOffset.UTC)).toInstant().plus(Duration.ofMinutes(5));
    pin(target);
    return target;
  }

  private synchronized void pin(Instant instant) {
    if (instant.isAfter(highWaterMark)) {
      highWaterMark = instant;
    }
    var timestamp = instant.toEpochMilli();
    send(HttpRequest.newBuilder(restAddress.resolve("/v2/clock"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"timestamp\":" + timestamp + "}"))
        .build());
  }

  /** Lets the engine clock follow the system clock again. */
  public void reset() {
    send(HttpRequest.newBuilder(restAddress.resolve("/v2/clock/reset"))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build());
  }

  private void send(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "Engine clock request " + request.uri() + " failed: " + response.statusCode() + " " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Engine clock request " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
