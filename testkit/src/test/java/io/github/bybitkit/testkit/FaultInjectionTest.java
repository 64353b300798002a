package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RateLimit;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind of injected fault, as the real client experiences it. */
@ExtendWith(FakeBybitExtension.class)
class FaultInjectionTest {
  private static List<Integer> retCodes(List<ReceivedRequest> requests) {
    return requests.stream().map(r -> r.retCode().orElse(-1)).toList();
  }

  @Test
  void aCodeForTheNextCallsThenNormalAnswers(FakeBybit fake) {
    InversePerpetualAccountClient account = fake.clientBuilder().build().inversePerpetual().account();
    fake.failNext("setLeverage", 2, 34036, "leverage not modified");

    for (int i = 0; i < 2; i++) {
      BybitApiException e = assertThrows(BybitApiException.class, () -> account.setLeverage("BTCUSD", 3, 3));
      assertEquals(34036, e.retCode());
      assertEquals("leverage not modified", e.retMsg());
    }
    assertEquals(new BigDecimal("3"), account.setLeverage("BTCUSD", 3, 3));
    assertEquals(List.of(34036, 34036, 0), retCodes(fake.requests("setLeverage")));
    assertEquals(new BigDecimal("3"), fake.account().position("BTCUSD").leverage(), "refused calls changed nothing");
  }

  @Test
  void aTransientCodeOnAGetIsRetriedByTheClient(FakeBybit fake) {
    fake.failNext("getBalances", 1, 10016, "service not available");
    assertFalse(fake.clientBuilder().build().inversePerpetual().account().getBalances().isEmpty());
    assertEquals(List.of(10016, 0), retCodes(fake.requests("getBalances")));
  }

  @Test
  void aRateLimitCodeOnAPostIsRetriedWhenTheLimitResetsSoon(FakeBybit fake) {
    fake.failNext("changeMargin", 1, 10006, "Too many visits!");
    fake.rateLimitNext("changeMargin", 1, 75, 0, fake.clock().instant().plusMillis(300));
    BigDecimal margin = fake.clientBuilder().build().inversePerpetual().account()
        .changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.001"));
    assertEquals(new BigDecimal("0.0016947"), margin);
    assertEquals(List.of(10006, 0), retCodes(fake.requests("changeMargin")));
  }

  @Test
  void anHttpStatusWithAnyBody(FakeBybit fake) {
    fake.failNextWithStatus("getPositions", 3, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
    BybitClient client = fake.clientBuilder().retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1),
        Duration.ofMillis(1))).build();

    BybitHttpException e = assertThrows(BybitHttpException.class,
        () -> client.inversePerpetual().account().getPositions());

    assertEquals(502, e.status());
    assertTrue(e.bodyPreview().contains("502 Bad Gateway"), e.bodyPreview());
    assertEquals(List.of(502, 502, 502), fake.requests("getPositions").stream().map(ReceivedRequest::httpStatus)
        .toList(), "a GET is tried three times");
    assertEquals(2, client.inversePerpetual().account().getPositions().size(), "then answers are normal again");
  }

  @Test
  void aForbiddenStatusIsTheIpRateLimit(FakeBybit fake) {
    fake.failNextWithStatus("setLeverage", 1, 403, null, "");
    BybitRateLimitException e = assertThrows(BybitRateLimitException.class,
        () -> fake.clientBuilder().build().inversePerpetual().account().setLeverage("BTCUSD", 2, 2));
    assertEquals(403, e.httpStatus());
  }

  @Test
  void aDelayPastTheClientsTimeoutIsATimeout(FakeBybit fake) {
    fake.delayNext("getWalletFundHistory", 1, Duration.ofSeconds(2));
    BybitClient client = fake.clientBuilder().timeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> client.inversePerpetual().account().getWalletFundHistory());

    assertTrue(e.isTimeout(), e.getMessage());
    assertEquals(Duration.ofSeconds(2), fake.requests("getWalletFundHistory").get(0).delay());
  }

  @Test
  void aDelayWithinTheTimeoutOnlySlowsTheAnswer(FakeBybit fake) {
    fake.delayNext("getApiKeyInfo", 1, Duration.ofMillis(400));
    BybitClient client = fake.clientBuilder().build();
    long start = System.nanoTime();
    assertEquals(FakeBybit.API_KEY, client.inversePerpetual().account().getApiKeyInfo().get(0).apiKey());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 400);
    start = System.nanoTime();
    client.inversePerpetual().account().getApiKeyInfo();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 400, "only the next call was delayed");
  }

  @Test
  void aDroppedConnectionOnAPostIsATransportFailureAndTheRequestIsSentOnce(FakeBybit fake) {
    fake.dropNext("changeMargin", 1);
    InversePerpetualAccountClient account = fake.clientBuilder().build().inversePerpetual().account();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> account.changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.001")));

    assertFalse(e.isTimeout());
    List<ReceivedRequest> seen = fake.requests("changeMargin");
    assertEquals(1, seen.size(), "a POST is never resent after the connection dropped");
    assertTrue(seen.get(0).dropped());
    assertEquals(0, seen.get(0).httpStatus());
    assertEquals(new BigDecimal("0.0006947"), fake.account().position("BTCUSD").positionMargin());
  }

  @Test
  void aDroppedConnectionOnAGetIsRetried(FakeBybit fake) {
    fake.dropNext("getBalances", 1);
    BybitClient client = fake.clientBuilder().build();
    assertFalse(client.inversePerpetual().account().getBalances().isEmpty());
    assertEquals(List.of(true, false), fake.requests("getBalances").stream().map(ReceivedRequest::dropped).toList());
  }

  @Test
  void rateLimitHeadersNearExhaustionAreReadableThroughTheClientV5(FakeBybit fake) {
    Instant resetAt = fake.clock().instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    fake.rateLimitNext("getPortfolioMargin", 1, 50, 1, resetAt);
    BybitClient client = fake.clientBuilder().build();

    client.v5().asset().getPortfolioMargin();

    RateLimit state = client.rateLimit("getPortfolioMargin").orElseThrow();
    assertEquals(50, state.limit());
    assertEquals(1, state.remaining());
    assertEquals(resetAt, state.resetAt());
    client.v5().asset().getPortfolioMargin();
    assertEquals(49, client.rateLimit("getPortfolioMargin").orElseThrow().remaining(), "back to a fresh window");
  }

  @Test
  void rateLimitFieldsNearExhaustionAreReadableThroughTheClientV2(FakeBybit fake) {
    Instant resetAt = fake.clock().instant().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
    fake.rateLimitNext("getBalances", 1, 120, 0, resetAt);
    BybitClient client = fake.clientBuilder().build();

    client.inversePerpetual().account().getBalances();

    RateLimit state = client.rateLimit("getBalances").orElseThrow();
    assertEquals(new RateLimit(120, 0, resetAt, state.observedAt()), state);
    assertTrue(state.isExhausted());
  }

  @Test
  void theClientsLimiterWaitsForTheInjectedReset(FakeBybit fake) {
    fake.rateLimitNext("getBalances", 1, 120, 0, fake.clock().instant().plusMillis(500));
    BybitClient client = fake.clientBuilder().rateLimiter(0, Duration.ofSeconds(2)).build();
    client.inversePerpetual().account().getBalances();
    long start = System.nanoTime();
    client.inversePerpetual().account().getBalances();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300, "waited for the reset");
  }

  @Test
  void faultsOfDifferentKindsCombineAndCanBeCleared(FakeBybit fake) {
    fake.delayNext("getBalances", 1, Duration.ofMillis(200));
    fake.failNext("getBalances", 1, 10016, "service not available");
    fake.failNext("getPositions", 5, 10016, "service not available");
    fake.clearFaults();
    BybitClient client = fake.clientBuilder().build();
    client.inversePerpetual().account().getPositions();
    assertEquals(List.of(0), retCodes(fake.requests("getPositions")));

    fake.delayNext("getBalances", 1, Duration.ofMillis(200));
    fake.failNext("getBalances", 1, 10005, "permission denied");
    assertThrows(BybitApiException.class, () -> client.inversePerpetual().account().getBalances());
    ReceivedRequest both = fake.requests("getBalances").get(0);
    assertEquals(Duration.ofMillis(200), both.delay());
    assertEquals(10005, both.retCode().orElseThrow());
  }

  @Test
  void faultsNeedAKnownOperationAndAPositiveCount(FakeBybit fake) {
    assertThrows(IllegalArgumentException.class, () -> fake.failNext("noSuchOperation", 1, 10001, "x"));
    assertThrows(IllegalArgumentException.class, () -> fake.dropNext("getBalances", 0));
    assertThrows(IllegalArgumentException.class, () -> fake.failNextWithStatus("getBalances", 1, 42, null, ""));
  }
}
