package io.github.bybitkit.internal;

import io.github.bybitkit.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;

/**
 * The last rate-limit state Bybit reported for each operation, and the optional client-side limiter that waits
 * for the reset instead of sending a request the state says will be refused. Thread-safe.
 */
public final class RateLimits {
  static final String V5_LIMIT = "X-Bapi-Limit";
  static final String V5_STATUS = "X-Bapi-Limit-Status";
  static final String V5_RESET = "X-Bapi-Limit-Reset-Timestamp";

  /** The state of one operation plus the requests sent since it was reported. */
  private record Entry(RateLimit state, int sentSince) {}

  private final Map<String, Entry> byOperation = new ConcurrentHashMap<>();
  private final int reserve;
  private final Duration maxWait;

  /**
   * @param reserve requests to keep in hand: the limiter waits for the reset once this many are left; -1 turns the
   *     limiter off
   * @param maxWait the longest the limiter waits; a longer wait fails instead
   */
  public RateLimits(int reserve, Duration maxWait) {
    this.reserve = reserve;
    this.maxWait = maxWait;
  }

  public boolean limiterEnabled() {
    return reserve >= 0;
  }

  public Duration maxWait() {
    return maxWait;
  }

  /** The state from v5 headers, or null when the response had none. */
  public static RateLimit fromHeaders(Headers headers, Instant observedAt) {
    return fromHeaders(headers, null, observedAt);
  }

  /**
   * As {@link #fromHeaders(Headers, Instant)}, observed now by {@code clock}, which is read only when there is a state:
   * the success path of a call without rate-limit headers pays one scan of the header names, no clock and no parse.
   */
  public static RateLimit fromHeaders(Headers headers, Clock clock) {
    return fromHeaders(headers, clock, null);
  }

  private static RateLimit fromHeaders(Headers headers, Clock clock, Instant observedAt) {
    // One pass over the names instead of one Headers.get (a scan) per header; the last value of a name wins, as in get.
    String limitText = null;
    String statusText = null;
    String resetText = null;
    for (int i = 0, size = headers.size(); i < size; i++) {
      String name = headers.name(i);
      if (!name.regionMatches(true, 0, V5_LIMIT, 0, V5_LIMIT.length())) {
        continue;
      }
      if (name.length() == V5_LIMIT.length()) {
        limitText = headers.value(i);
      } else if (name.equalsIgnoreCase(V5_STATUS)) {
        statusText = headers.value(i);
      } else if (name.equalsIgnoreCase(V5_RESET)) {
        resetText = headers.value(i);
      }
    }
    if (limitText == null && statusText == null && resetText == null) {
      return null;
    }
    Integer limit = intOrNull(limitText);
    Integer remaining = intOrNull(statusText);
    Long reset = longOrNull(resetText);
    if (limit == null && remaining == null && reset == null) {
      return null;
    }
    return new RateLimit(limit, remaining, reset == null ? null : Instant.ofEpochMilli(reset),
        observedAt != null ? observedAt : clock.instant());
  }

  /** The state from the v2 body fields, or null when the envelope had none. */
  public static RateLimit fromV2(V2Response<?> envelope, Instant observedAt) {
    return fromV2(envelope, null, observedAt);
  }

  /** As {@link #fromV2(V2Response, Instant)}, observed now by {@code clock}, which is read only when there is a state. */
  public static RateLimit fromV2(V2Response<?> envelope, Clock clock) {
    return fromV2(envelope, clock, null);
  }

  private static RateLimit fromV2(V2Response<?> envelope, Clock clock, Instant observedAt) {
    if (envelope.rateLimit() == null && envelope.rateLimitStatus() == null && envelope.rateLimitResetMs() == null) {
      return null;
    }
    return new RateLimit(envelope.rateLimit(), envelope.rateLimitStatus(),
        envelope.rateLimitResetMs() == null ? null : Instant.ofEpochMilli(envelope.rateLimitResetMs()),
        observedAt != null ? observedAt : clock.instant());
  }

  public void record(String operationId, RateLimit state) {
    if (operationId != null && state != null) {
      byOperation.put(operationId, new Entry(state, 0));
    }
  }

  public RateLimit get(String operationId) {
    Entry entry = byOperation.get(operationId);
    return entry == null ? null : entry.state();
  }

  /** Every operation's last state, by operation id. */
  public Map<String, RateLimit> snapshot() {
    Map<String, RateLimit> copy = new TreeMap<>();
    byOperation.forEach((op, entry) -> copy.put(op, entry.state()));
    return copy;
  }

  /**
   * Counts a request about to be sent and says how long the limiter wants it to wait: zero when the last state
   * leaves more than the reserve (counting requests sent since), or the time until the reported reset.
   *
   * @param serverNowMillis Bybit's time now, as the client's clock estimates it
   */
  public Duration acquire(String operationId, long serverNowMillis) {
    if (!limiterEnabled() || operationId == null) {
      return Duration.ZERO;
    }
    Entry entry = byOperation.computeIfPresent(operationId, (op, e) -> new Entry(e.state(), e.sentSince() + 1));
    if (entry == null) {
      return Duration.ZERO;
    }
    RateLimit state = entry.state();
    if (state.remaining() == null || state.resetAt() == null) {
      return Duration.ZERO;
    }
    // sentSince includes this request.
    int left = state.remaining() - (entry.sentSince() - 1);
    long untilReset = state.resetAt().toEpochMilli() - serverNowMillis;
    return left > reserve || untilReset <= 0 ? Duration.ZERO : Duration.ofMillis(untilReset);
  }

  private static Integer intOrNull(String text) {
    Long value = longOrNull(text);
    return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
  }

  private static Long longOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null; // a malformed header must not fail the call
    }
  }
}
