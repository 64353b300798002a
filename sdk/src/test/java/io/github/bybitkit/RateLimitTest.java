package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.NOW;
import static io.github.bybitkit.TestClients.NOW_MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.internal.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The v2 body fields and the v5 headers become one typed state per operation, readable after any call, and the
 * optional client-side limiter uses it to wait for the reset instead of sending a request Bybit would refuse.
 */
class RateLimitTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final Sleeper recordingSleeper = waits::add;

  private static MockResponse v5WithHeaders(String body, int limit, int remaining, long resetMillis) {
    return json(body).newBuilder()
        .setHeader("X-Bapi-Limit", Integer.toString(limit))
        .setHeader("X-Bapi-Limit-Status", Integer.toString(remaining))
        .setHeader("X-Bapi-Limit-Reset-Timestamp", Long.toString(resetMillis))
        .build();
  }

  private static MockResponse v2Balances(int remaining, long resetMillis) {
    String body = RecordedResponses.body("getBalances", "docs-2023.json")
        .replace("\"rate_limit_status\": 98", "\"rate_limit_status\": " + remaining)
        .replace("\"rate_limit_reset_ms\": 1580885703683", "\"rate_limit_reset_ms\": " + resetMillis);
    return json(body);
  }

  @Test
  void theV2BodyFieldsAreTheStateOfTheOperationAfterTheCall() {
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.client(server);
    assertTrue(bybit.rateLimit("getBalances").isEmpty());

    bybit.inversePerpetual().account().getBalances();

    assertEquals(new RateLimit(100, 98, Instant.ofEpochMilli(1580885703683L), NOW),
        bybit.rateLimit("getBalances").orElseThrow());
    assertTrue(bybit.rateLimit("getPositions").isEmpty(), "state is per operation");
  }

  @Test
  void theV5HeadersAreTheStateOfTheOperationAfterTheCall() {
    server.enqueue(v5WithHeaders(RecordedResponses.body("getPortfolioMargin", "docs-v5.json"), 50, 49,
        NOW_MILLIS));
    BybitClient bybit = TestClients.client(server);

    bybit.v5().asset().getPortfolioMargin();

    RateLimit state = bybit.rateLimit("getPortfolioMargin").orElseThrow();
    assertEquals(new RateLimit(50, 49, NOW, NOW), state);
    assertEquals(java.util.Map.of("getPortfolioMargin", state), bybit.rateLimits());
  }

  @Test
  void aMalformedHeaderIsIgnoredRatherThanFailingTheCall() {
    server.enqueue(json(RecordedResponses.body("getPortfolioMargin", "docs-v5.json")).newBuilder()
        .setHeader("X-Bapi-Limit", "fifty").setHeader("X-Bapi-Limit-Status", "49").build());
    BybitClient bybit = TestClients.client(server);

    bybit.v5().asset().getPortfolioMargin();

    assertEquals(new RateLimit(null, 49, null, NOW), bybit.rateLimit("getPortfolioMargin").orElseThrow());
  }

  @Test
  void withoutTheLimiterAnExhaustedStateDoesNotDelayTheNextCall() {
    server.enqueue(v2Balances(0, NOW_MILLIS + 30_000));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server).sleeper(recordingSleeper).build();

    bybit.inversePerpetual().account().getBalances();
    bybit.inversePerpetual().account().getBalances();

    assertTrue(waits.isEmpty());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theLimiterWaitsForTheResetOnceTheWindowIsUsedUp() {
    server.enqueue(v2Balances(0, NOW_MILLIS + 800));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server).sleeper(recordingSleeper)
        .rateLimiter(0, Duration.ofSeconds(1)).build();

    bybit.inversePerpetual().account().getBalances();
    assertTrue(waits.isEmpty(), "the first call knows no state");
    bybit.inversePerpetual().account().getBalances();

    assertEquals(List.of(Duration.ofMillis(800)), waits);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theLimiterKeepsTheReserveAndCountsRequestsSentSinceTheLastState() {
    // 2 left and a reserve of 1: the next call may go, the one after must wait.
    server.enqueue(v2Balances(2, NOW_MILLIS + 500));
    BybitClient bybit = TestClients.builder(server).sleeper(recordingSleeper)
        .rateLimiter(1, Duration.ofSeconds(1)).build();
    bybit.inversePerpetual().account().getBalances();

    // The second answer is slow: the third call is decided before it arrives, on the count alone.
    server.enqueue(recorded("getBalances", "docs-2023.json").newBuilder()
        .headersDelay(300, TimeUnit.MILLISECONDS).build());
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    var slow = bybit.inversePerpetual().account().getBalancesAsync();
    bybit.inversePerpetual().account().getBalances();
    slow.join();

    assertEquals(List.of(Duration.ofMillis(500)), waits);
  }

  @Test
  void theLimiterRefusesToWaitLongerThanAllowedAndSendsNothing() {
    server.enqueue(v5WithHeaders(RecordedResponses.body("getPortfolioMargin", "docs-v5.json"), 50, 0,
        NOW_MILLIS + 10_000));
    BybitClient bybit = TestClients.builder(server).sleeper(recordingSleeper)
        .rateLimiter(0, Duration.ofSeconds(2)).build();
    bybit.v5().asset().getPortfolioMargin();

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class,
        () -> bybit.v5().asset().getPortfolioMargin());

    assertEquals(0, e.httpStatus(), "nothing was sent");
    assertEquals(Instant.ofEpochMilli(NOW_MILLIS + 10_000), e.resetAt().orElseThrow());
    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("not sent"), e.getMessage());
  }

  @Test
  void theLimiterRespectsTheServerClockOffset() {
    // Bybit is 3 s ahead: a reset 3.5 s ahead of the local clock is only 0.5 s away.
    long server3sAhead = NOW_MILLIS + 3_000;
    server.enqueue(json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"timeSecond\":\"" + server3sAhead / 1000
        + "\",\"timeNano\":\"" + server3sAhead + "000000\"},\"retExtInfo\":{},\"time\":" + server3sAhead + "}"));
    server.enqueue(v5WithHeaders(RecordedResponses.body("getPortfolioMargin", "docs-v5.json"), 50, 0,
        NOW_MILLIS + 3_500));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    BybitClient bybit = TestClients.builder(server).sleeper(recordingSleeper)
        .rateLimiter(0, Duration.ofSeconds(1)).build();
    bybit.syncTime();

    bybit.v5().asset().getPortfolioMargin();
    bybit.v5().asset().getPortfolioMargin();

    assertEquals(List.of(Duration.ofMillis(500)), waits);
  }

  @Test
  void theLimiterRefusesNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().rateLimiter(-1, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().rateLimiter(0, Duration.ofMinutes(2)));
  }
}
