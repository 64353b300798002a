package io.github.bybitkit.internal;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTimestampException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Decides whether a failed attempt is tried again, and after how long (the rules in words: {@link RetryPolicy}).
 * Pure: it does no I/O and never waits; the transport resyncs the clock and sleeps. Thread-safe.
 */
final class RetryRules {
  /** What to do after a failed attempt. */
  enum Action {
    GIVE_UP,
    /** Wait {@link Decision#delay()}, then send the request again; counts as an attempt. */
    RETRY,
    /** Measure Bybit's clock, then send the request again at once; not counted as an attempt. */
    RESYNC_THEN_RETRY
  }

  /** An action and, for a retry, the wait before it. */
  record Decision(Action action, Duration delay) {
    static final Decision GIVE_UP = new Decision(Action.GIVE_UP, null);
    static final Decision RESYNC_THEN_RETRY = new Decision(Action.RESYNC_THEN_RETRY, Duration.ZERO);

    static Decision retryAfter(Duration delay) {
      return new Decision(Action.RETRY, Objects.requireNonNull(delay, "delay"));
    }
  }

  private final RetryPolicy policy;
  private final boolean timeSync;
  private final LongSupplier serverMillis;
  private final DoubleSupplier jitter;

  /**
   * @param timeSync whether a 10002 leads to a resync and one more attempt
   * @param serverMillis Bybit's time now, to measure how far away a rate-limit reset is
   * @param jitter numbers in [0, 1) that spread backoffs (random in use, fixed in tests)
   */
  RetryRules(RetryPolicy policy, boolean timeSync, LongSupplier serverMillis, DoubleSupplier jitter) {
    this.policy = policy;
    this.timeSync = timeSync;
    this.serverMillis = serverMillis;
    this.jitter = jitter;
  }

  /**
   * @param method the request's HTTP method: only a GET is repeated after a failure it may have been executed in
   * @param attempt the attempt that failed, from 1 (resyncs not counted)
   * @param resynced whether this call has already resynced the clock
   * @param callerInterrupted whether the thread waiting for the call was interrupted: it wants to stop, not wait
   */
  Decision decide(String method, int attempt, boolean resynced, boolean callerInterrupted, BybitException failure) {
    if (callerInterrupted) {
      return Decision.GIVE_UP;
    }
    if (failure instanceof BybitTimestampException) {
      // Rejected before execution: safe to repeat once, POST included, with a corrected timestamp.
      return timeSync && !resynced ? Decision.RESYNC_THEN_RETRY : Decision.GIVE_UP;
    }
    if (attempt >= policy.maxAttempts()) {
      return Decision.GIVE_UP;
    }
    if (failure instanceof BybitRateLimitException limited && isRejectedRateLimit(limited)) {
      // Also rejected before execution, so any method; worth waiting for only if the reset is near.
      long untilReset = limited.resetAt().get().toEpochMilli() - serverMillis.getAsLong();
      return untilReset <= policy.maxRateLimitWait().toMillis()
          ? Decision.retryAfter(Duration.ofMillis(Math.max(0, untilReset))) : Decision.GIVE_UP;
    }
    if (method.equals("GET") && isTransient(failure)) {
      return Decision.retryAfter(policy.backoff(attempt, jitter.getAsDouble()));
    }
    return Decision.GIVE_UP;
  }

  /** 10006 with a known reset: Bybit refused the request before executing it. */
  private static boolean isRejectedRateLimit(BybitRateLimitException e) {
    return e.retCode().isPresent() && e.retCode().getAsInt() == ApiErrors.RATE_LIMIT && e.resetAt().isPresent();
  }

  /** Failures after which a GET may simply be tried again. */
  private static boolean isTransient(BybitException e) {
    return e instanceof BybitTransportException
        || e instanceof BybitHttpException http && http.isServerError()
        || e instanceof BybitRateLimitException limited && limited.httpStatus() == 429
        || e instanceof BybitApiException api && api.retCode() == ApiErrors.SERVER_ERROR;
  }
}
