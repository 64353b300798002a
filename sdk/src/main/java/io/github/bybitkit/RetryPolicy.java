package io.github.bybitkit;

import java.time.Duration;
import java.util.Objects;

/**
 * When the client tries a request again. Immutable.
 *
 * <p>A GET is retried on I/O failures and timeouts, HTTP 5xx, HTTP 429 and return code 10016 (server error), after
 * a capped, jittered exponential backoff, up to {@link #maxAttempts()} attempts in all. A POST may have been executed
 * once it reached Bybit, so it is never retried on those; any request, POST included, is retried only when Bybit
 * says it rejected it before execution: 10006 (rate limit) when the limit resets within {@link
 * #maxRateLimitWait()}, and 10002 (timestamp) once after time sync. OkHttp's own silent retry of a request whose
 * body may have been sent is switched off for POSTs.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2));
  private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRateLimitWait;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRateLimitWait = maxRateLimitWait;
  }

  /** 3 attempts, backoff from 200 ms doubling up to 5 s, waits up to 2 s for a rate limit to reset. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: nothing is retried (the 10002 resync still applies unless time sync is off). */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * @param maxAttempts attempts in all, first included
   * @throws IllegalArgumentException unless between 1 and 10
   */
  public RetryPolicy withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 10, was " + maxAttempts);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRateLimitWait);
  }

  /**
   * The backoff before the first retry (doubled for each next one) and its cap. The actual wait is drawn uniformly
   * between half of it and all of it, so clients that failed together do not retry together.
   *
   * @throws IllegalArgumentException if either is negative or initial exceeds max
   */
  public RetryPolicy withBackoff(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.isNegative() || initial.compareTo(max) > 0) {
      throw new IllegalArgumentException("backoff needs 0 <= initial <= max, was " + initial + " and " + max);
    }
    return new RetryPolicy(maxAttempts, initial, max, maxRateLimitWait);
  }

  /**
   * How long a request refused with 10006 may wait for the limit to reset before it is tried again; a longer wait
   * fails with {@link BybitRateLimitException} instead. Zero never waits.
   *
   * @throws IllegalArgumentException if negative or above 1 minute
   */
  public RetryPolicy withMaxRateLimitWait(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("maxRateLimitWait must be between 0 and 1 minute, was " + maxWait);
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxWait);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  /**
   * The wait before attempt {@code attempt + 1}: initial * 2^(attempt-1), capped, scaled by {@code jitter}.
   *
   * @param attempt the attempt that just failed, from 1
   * @param jitter a number in [0, 1) (random in use, fixed in tests)
   */
  public Duration backoff(int attempt, double jitter) {
    long base = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    long exponential = attempt >= 31 ? cap : Math.min(cap, base << Math.min(attempt - 1, 30));
    if (exponential < 0) {
      exponential = cap;
    }
    return Duration.ofMillis(Math.round(exponential * (0.5 + jitter / 2)));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff
        + ", maxRateLimitWait=" + maxRateLimitWait + "]";
  }
}
