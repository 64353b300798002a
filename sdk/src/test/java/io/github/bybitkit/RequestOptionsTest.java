package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A receive window and a timeout per call, through {@code withOptions} on the client or on one tag client; the
 * generated method signatures stay as they are, and the base client keeps its defaults.
 */
class RequestOptionsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static final RequestOptions TWO_SECOND_WINDOW =
      RequestOptions.defaults().withRecvWindow(Duration.ofSeconds(2));

  @Test
  void aV2CallSignsAndSendsTheCallsReceiveWindow() throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.client(server);

    bybit.withOptions(TWO_SECOND_WINDOW).inversePerpetual().account().getBalances();
    bybit.inversePerpetual().account().getBalances();

    TestClients.verifier(2000).verifyV2Query(take(server));
    TestClients.verifier(5000).verifyV2Query(take(server)); // the base client is unchanged
  }

  @Test
  void aV2PostCarriesTheReceiveWindowInItsSignedBody() throws Exception {
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    InversePerpetualAccountClient account = TestClients.client(server).inversePerpetual().account();

    account.withOptions(TWO_SECOND_WINDOW).setLeverage("BTCUSD", 5, 5);

    TestClients.verifier(2000).verifyV2Body(take(server));
  }

  @Test
  void aV5CallSignsTheReceiveWindowHeader() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    TestClients.client(server).v5().asset().withOptions(TWO_SECOND_WINDOW).getPortfolioMargin();

    var request = take(server);
    assertEquals("2000", request.getHeaders().get("X-BAPI-RECV-WINDOW"));
    TestClients.verifier(2000).verifyV5Get(request);
  }

  @Test
  void theCallTimeoutAppliesOnlyToTheView() {
    server.enqueue(recorded("getBalances", "docs-2023.json").newBuilder()
        .bodyDelay(700, TimeUnit.MILLISECONDS).build());
    server.enqueue(recorded("getBalances", "docs-2023.json").newBuilder()
        .bodyDelay(700, TimeUnit.MILLISECONDS).build());
    BybitClient bybit = TestClients.builder(server).retryPolicy(RetryPolicy.none()).build();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> bybit.withOptions(RequestOptions.defaults().withTimeout(Duration.ofMillis(200)))
            .inversePerpetual().account().getBalances());
    assertTrue(e.isTimeout());

    assertEquals(1, bybit.inversePerpetual().account().getBalances().size(), "no timeout without the option");
  }

  @Test
  void viewsAreNewObjectsAndShowTheirOptions() {
    BybitClient bybit = TestClients.client(server);
    BybitClient view = bybit.withOptions(TWO_SECOND_WINDOW);

    assertNotSame(bybit, view);
    assertTrue(view.toString().contains("recvWindow=PT2S"), view.toString());
    assertEquals(bybit.toString(), bybit.withOptions(RequestOptions.defaults()).toString());
  }

  @Test
  void optionsAreCheckedWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.defaults().withRecvWindow(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.defaults().withRecvWindow(Duration.ofMinutes(2)));
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.defaults().withTimeout(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> TestClients.client(server).withOptions(null));
    assertEquals(RequestOptions.defaults().withTimeout(Duration.ofSeconds(1)),
        RequestOptions.defaults().withTimeout(Duration.ofSeconds(1)));
  }
}
