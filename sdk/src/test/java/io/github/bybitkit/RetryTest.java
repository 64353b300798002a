package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.NOW_MILLIS;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.internal.Sleeper;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Retries never double a trade: a GET is retried on I/O failure, 5xx, 429 and 10016; a POST only when Bybit says it
 * rejected the request before executing it (10006 with a near reset; 10002 is covered by TimeSyncTest). Waits go
 * through a recording sleeper, so the backoff is asserted without waiting for it.
 */
class RetryTest {
  private static final String V2_SERVER_ERROR = "{\"ret_code\":10016,\"ret_msg\":\"service not available\","
      + "\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,\"time_now\":\"1709618828.123000\"}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Sleeper recordingSleeper = waits::add;

  private BybitClient client(RetryPolicy policy) {
    return TestClients.builder(server).retryPolicy(policy).sleeper(recordingSleeper).build();
  }

  private InversePerpetualAccountClient account(RetryPolicy policy) {
    return client(policy).inversePerpetual().account();
  }

  private static MockResponse dropAfterRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html").body("<h1>" + code + "</h1>")
        .build();
  }

  private static MockResponse v2RateLimited(long resetMillis) {
    return json("{\"ret_code\":10006,\"ret_msg\":\"too many visits!\",\"ext_code\":\"\",\"ext_info\":\"\","
        + "\"result\":null,\"time_now\":\"1709618828.123000\",\"rate_limit_status\":0,\"rate_limit_reset_ms\":"
        + resetMillis + ",\"rate_limit\":75}");
  }

  @Test
  void aFlakyGetSucceedsAfterDisconnect5xxAnd10016() throws Exception {
    server.enqueue(dropAfterRequest());
    server.enqueue(status(503));
    server.enqueue(json(V2_SERVER_ERROR));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(4)
        .withBackoff(Duration.ofMillis(100), Duration.ofMillis(250));

    BigDecimal equity = account(policy).getBalances().get("BTC").equity();

    assertEquals(new BigDecimal("1002"), equity);
    assertEquals(4, server.getRequestCount());
    assertEquals(3, waits.size());
    // Equal jitter: half the exponential step up to all of it, capped at 250 ms.
    assertBetween(waits.get(0), 50, 100);
    assertBetween(waits.get(1), 100, 200);
    assertBetween(waits.get(2), 125, 250);
    for (int i = 0; i < 4; i++) {
      TestClients.verifier().verifyV2Query(take(server)); // each attempt signed afresh
    }
  }

  @Test
  void aGetGivesUpAfterMaxAttemptsWithTheLastFailure() {
    server.enqueue(status(502));
    server.enqueue(status(503));
    server.enqueue(status(504));
    server.enqueue(recorded("getBalances", "docs-2023.json"));

    BybitHttpException e = assertThrows(BybitHttpException.class, () -> account(RetryPolicy.defaults()).getBalances());

    assertEquals(504, e.status());
    assertEquals(3, server.getRequestCount(), "3 attempts by default");
  }

  @Test
  void withRetriesOffAGetIsTriedOnce() {
    server.enqueue(status(503));

    assertThrows(BybitHttpException.class, () -> account(RetryPolicy.none()).getBalances());

    assertEquals(1, server.getRequestCount());
    assertTrue(waits.isEmpty());
  }

  @Test
  void anHttp429GetIsRetriedButA403BanIsNot() {
    server.enqueue(status(429));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(status(403));

    InversePerpetualAccountClient account = account(RetryPolicy.defaults());
    account.getBalances();
    assertThrows(BybitRateLimitException.class, account::getBalances);

    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aPostWhoseConnectionDropsAfterSendingIsAttemptedExactlyOnce() throws Exception {
    // First a GET, so a pooled connection exists (a POST no longer takes one, see BybitClient, but it must stay single).
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(dropAfterRequest());
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    InversePerpetualAccountClient account = account(RetryPolicy.defaults().withMaxAttempts(5));
    account.getBalances();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> account.setLeverage("BTCUSD", 10, 10));

    assertEquals("setLeverage", e.operationId());
    assertEquals(2, server.getRequestCount(), "the GET and one POST; the POST was not sent again");
    take(server);
    assertEquals("POST", take(server).getMethod());
    assertTrue(waits.isEmpty());
  }

  @Test
  void aPostIsNotRetriedOn5xxOr10016() {
    server.enqueue(status(503));
    server.enqueue(json(V2_SERVER_ERROR));
    InversePerpetualAccountClient account = account(RetryPolicy.defaults());

    assertThrows(BybitHttpException.class, () -> account.setLeverage("BTCUSD", 10, 10));
    BybitApiException e = assertThrows(BybitApiException.class, () -> account.setLeverage("BTCUSD", 10, 10));

    assertEquals(10016, e.retCode());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aPostRefusedWith10006IsRetriedAfterTheResetWhenItIsNear() throws Exception {
    server.enqueue(v2RateLimited(NOW_MILLIS + 700));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));

    account(RetryPolicy.defaults().withMaxRateLimitWait(Duration.ofSeconds(1))).setLeverage("BTCUSD", 10, 10);

    assertEquals(List.of(Duration.ofMillis(700)), waits, "waited exactly until the reported reset");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void a10006WhoseResetIsFartherThanTheMaxWaitIsThrown() {
    server.enqueue(v2RateLimited(NOW_MILLIS + 5_000));

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class,
        () -> account(RetryPolicy.defaults()).setLeverage("BTCUSD", 10, 10));

    assertEquals(NOW_MILLIS + 5_000, e.resetAt().orElseThrow().toEpochMilli());
    assertEquals(1, server.getRequestCount());
    assertTrue(waits.isEmpty());
  }

  @Test
  void asyncGetsAreRetriedTooAndCancellingStopsFurtherAttempts() throws Exception {
    server.enqueue(status(502));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    RetryPolicy fast = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2));

    BybitPortfolioMargin margin = client(fast).v5().asset().getPortfolioMarginAsync().get(5, TimeUnit.SECONDS);
    assertEquals(new BigDecimal("52197.86892104"), margin.wallet().equity());
    assertEquals(2, server.getRequestCount());

    server.enqueue(status(502));
    RetryPolicy slow = RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(2));
    CompletableFuture<BybitPortfolioMargin> cancelled = client(slow).v5().asset().getPortfolioMarginAsync();
    take(server);
    take(server);
    take(server); // the 502: the retry now waits at least 1 s
    assertTrue(cancelled.cancel(true));
    Thread.sleep(2_500);
    assertEquals(3, server.getRequestCount(), "no attempt after cancel");
    assertTrue(cancelled.isCancelled());
  }

  @Test
  void asyncPostsAreNotRetriedOnDisconnect() {
    server.enqueue(dropAfterRequest());
    server.enqueue(recorded("setLeverage", "docs-2023.json"));

    CompletableFuture<BigDecimal> future = account(RetryPolicy.defaults()).setLeverageAsync("BTCUSD", 10, 10);

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof BybitTransportException, e.getCause().toString());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void backoffDoublesFromTheInitialDelayIsCappedAndJittersDownToHalf() {
    RetryPolicy policy = RetryPolicy.defaults().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    assertEquals(Duration.ofMillis(200), policy.backoff(1, 0.999999));
    assertEquals(Duration.ofMillis(100), policy.backoff(1, 0));
    assertEquals(Duration.ofMillis(400), policy.backoff(2, 0.999999));
    assertEquals(Duration.ofMillis(800), policy.backoff(3, 0.999999));
    assertEquals(Duration.ofSeconds(1), policy.backoff(4, 0.999999));
    assertEquals(Duration.ofSeconds(1), policy.backoff(40, 0.999999));
    assertEquals(Duration.ofMillis(500), policy.backoff(40, 0));
  }

  @Test
  void retryPolicyRefusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(11));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.defaults().withMaxRateLimitWait(Duration.ofMillis(-1)));
    assertFalse(RetryPolicy.none().maxAttempts() > 1);
  }

  private static void assertBetween(Duration actual, long minMillis, long maxMillis) {
    assertTrue(actual.toMillis() >= minMillis && actual.toMillis() <= maxMillis,
        actual + " not in [" + minMillis + ", " + maxMillis + "] ms");
  }

  @Test
  void anInterruptedCallerIsNotMadeToWaitForAnotherAttempt() {
    server.enqueue(status(503));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    Sleeper refusingToWait = wait -> {
      throw new InterruptedException("stop");
    };
    InversePerpetualAccountClient account = TestClients.builder(server).sleeper(refusingToWait).build()
        .inversePerpetual().account();

    BybitTransportException e = assertThrows(BybitTransportException.class, account::getBalances);

    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
    assertEquals(1, server.getRequestCount());
    assertEquals(503, ((BybitHttpException) e.getSuppressed()[0]).status());
  }
}
