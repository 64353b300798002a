package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RateLimit;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.internal.RetryRules.Decision;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each retry rule on plain inputs: no server, no clock, no waiting. */
class RetryRulesTest {
  private static final long NOW = 1_709_618_828_000L;
  private static final double JITTER = 0.5;
  /** 3 attempts, 200 ms doubling to 5 s, waits up to 2 s for a 10006 reset. */
  private final RetryRules rules = rules(RetryPolicy.defaults(), true);

  private static RetryRules rules(RetryPolicy policy, boolean timeSync) {
    return new RetryRules(policy, timeSync, () -> NOW, () -> JITTER);
  }

  private static Decision firstFailure(RetryRules rules, String method, BybitException failure) {
    return rules.decide(method, 1, false, false, failure);
  }

  private static BybitTransportException ioFailure() {
    return new BybitTransportException("op", "GET /x timed out", new SocketTimeoutException("timeout"));
  }

  private static BybitHttpException httpStatus(int status) {
    return new BybitHttpException("op", "HTTP " + status, status, "text/html", "<html>");
  }

  private static BybitRateLimitException httpRateLimit(int status) {
    return new BybitRateLimitException("op", "HTTP " + status, null, null, status, null, null);
  }

  private static BybitException code(int retCode) {
    return ApiErrors.of("op", retCode, "refused", 200, null);
  }

  private static BybitException rateLimitResettingIn(long millis) {
    Instant resetAt = Instant.ofEpochMilli(NOW + millis);
    return ApiErrors.of("op", ApiErrors.RATE_LIMIT, "too many visits", 200, new RateLimit(120, 0, resetAt, null));
  }

  /** The backoff the default policy gives after {@code attempt} with {@link #JITTER}: 200 ms * 2^(n-1) * 0.75. */
  private static Decision backoffAfter(int attempt) {
    return Decision.retryAfter(RetryPolicy.defaults().backoff(attempt, JITTER));
  }

  @Test
  void getIsRetriedOnIoFailureWithGrowingBackoffUntilTheLastAttempt() {
    assertEquals(Decision.retryAfter(Duration.ofMillis(150)), rules.decide("GET", 1, false, false, ioFailure()));
    assertEquals(Decision.retryAfter(Duration.ofMillis(300)), rules.decide("GET", 2, false, false, ioFailure()));
    assertEquals(Decision.GIVE_UP, rules.decide("GET", 3, false, false, ioFailure()));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 599})
  void getIsRetriedOnServerErrors(int status) {
    assertEquals(backoffAfter(1), firstFailure(rules, "GET", httpStatus(status)));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 418})
  void getIsNotRetriedOnClientErrors(int status) {
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", httpStatus(status)));
  }

  @Test
  void getIsRetriedOnHttp429ButNotOn403() {
    assertEquals(backoffAfter(1), firstFailure(rules, "GET", httpRateLimit(429)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", httpRateLimit(403)), "403 bans the IP: back off");
  }

  @Test
  void getIsRetriedOn10016ButNotOnOtherCodes() {
    assertEquals(backoffAfter(1), firstFailure(rules, "GET", code(ApiErrors.SERVER_ERROR)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", code(10001)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", code(10003)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", code(ApiErrors.IP_RATE_LIMIT)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE"})
  void aRequestThatMayHaveRunIsNotRetriedOnFailuresAfterSending(String method) {
    assertEquals(Decision.GIVE_UP, firstFailure(rules, method, ioFailure()));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, method, httpStatus(503)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, method, httpRateLimit(429)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, method, code(ApiErrors.SERVER_ERROR)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void timestampRejectionResyncsOnceForAnyMethod(String method) {
    BybitException rejected = code(ApiErrors.TIMESTAMP);
    assertEquals(Decision.RESYNC_THEN_RETRY, rules.decide(method, 1, false, false, rejected));
    assertEquals(Decision.GIVE_UP, rules.decide(method, 1, true, false, rejected), "a second 10002 is final");
  }

  @Test
  void timestampResyncDoesNotCountAsAnAttemptAndNeedsTimeSync() {
    BybitException rejected = code(ApiErrors.TIMESTAMP);
    RetryRules noRetries = rules(RetryPolicy.none(), true);
    assertEquals(Decision.RESYNC_THEN_RETRY, noRetries.decide("POST", 1, false, false, rejected));
    assertEquals(Decision.RESYNC_THEN_RETRY, rules.decide("GET", 3, false, false, rejected));
    assertEquals(Decision.GIVE_UP, rules(RetryPolicy.defaults(), false).decide("POST", 1, false, false, rejected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void rateLimitRejectionWaitsForAResetWithinTwoSecondsForAnyMethod(String method) {
    assertEquals(Decision.retryAfter(Duration.ofMillis(1500)), firstFailure(rules, method, rateLimitResettingIn(1500)));
    assertEquals(Decision.retryAfter(Duration.ofMillis(2000)), firstFailure(rules, method, rateLimitResettingIn(2000)));
    assertEquals(Decision.retryAfter(Duration.ZERO), firstFailure(rules, method, rateLimitResettingIn(-300)),
        "a reset already past: at once");
    assertEquals(Decision.GIVE_UP, firstFailure(rules, method, rateLimitResettingIn(2001)));
  }

  @Test
  void rateLimitRejectionFollowsThePolicysWaitAndAttempts() {
    RetryRules longer = rules(RetryPolicy.defaults().withMaxRateLimitWait(Duration.ofSeconds(10)), true);
    assertEquals(Decision.retryAfter(Duration.ofSeconds(9)), firstFailure(longer, "POST", rateLimitResettingIn(9000)));
    assertEquals(Decision.GIVE_UP, rules.decide("POST", 3, false, false, rateLimitResettingIn(100)));
    assertEquals(Decision.GIVE_UP, firstFailure(rules(RetryPolicy.none(), true), "POST", rateLimitResettingIn(100)));
  }

  @Test
  void rateLimitWithoutAKnownResetIsNotWaitedFor() {
    BybitException noReset = ApiErrors.of("op", ApiErrors.RATE_LIMIT, "too many visits", 200, null);
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "POST", noReset));
    assertEquals(Decision.GIVE_UP, firstFailure(rules, "GET", noReset));
  }

  @Test
  void anInterruptedCallerIsNeverRetried() {
    assertEquals(Decision.GIVE_UP, rules.decide("GET", 1, false, true, ioFailure()));
    assertEquals(Decision.GIVE_UP, rules.decide("GET", 1, false, true, httpStatus(503)));
    assertEquals(Decision.GIVE_UP, rules.decide("POST", 1, false, true, code(ApiErrors.TIMESTAMP)));
    assertEquals(Decision.GIVE_UP, rules.decide("POST", 1, false, true, rateLimitResettingIn(100)));
  }
}
