package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Issue 14, item 7: the server closes a kept-alive connection while it is idle in the pool (as Bybit's load balancers
 * do); a POST made afterwards must succeed, and be received exactly once. Before the fix, 10 of 10 trials failed:
 * the one-shot body kept OkHttp from recovering the stale pooled connection.
 */
class StaleConnectionTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static MockResponse closedAfterwards(MockResponse response) {
    return response.newBuilder().onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  @RepeatedTest(10)
  void aPostAfterTheServerClosedTheIdleConnectionSucceedsOnce() throws Exception {
    server.enqueue(closedAfterwards(recorded("getBalances", "docs-2023.json")));
    server.enqueue(closedAfterwards(recorded("setLeverage", "docs-2023.json")));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    InversePerpetualAccountClient account = TestClients.builder(server).retryPolicy(RetryPolicy.none()).build()
        .inversePerpetual().account();

    account.getBalances();
    Thread.sleep(100); // the server's close reaches the client while the connection is idle in the pool
    account.setLeverage("BTCUSD", 10, 10);
    Thread.sleep(100);
    account.setLeverage("BTCUSD", 10, 10);

    assertEquals(3, server.getRequestCount(), "one GET and each POST exactly once");
    assertEquals("GET", take(server).getMethod());
    assertEquals("POST", take(server).getMethod());
    assertEquals("POST", take(server).getMethod());
  }
}
