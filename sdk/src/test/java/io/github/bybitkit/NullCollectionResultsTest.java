package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A list or map result that Bybit sends as null comes back empty, as unwrapped and paged results do. */
class NullCollectionResultsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private InversePerpetualAccountClient account() {
    return BybitClient.builder().baseUrl(server.url("/").toString()).credentials("key-0001", "secret-0001").build()
        .inversePerpetual().account();
  }

  private void answerNullResult() {
    server.enqueue(new MockResponse.Builder()
        .body("{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"result\":null,\"time_now\":\"1577480720.003444\"}")
        .build());
  }

  @Test
  void nullMapResultIsEmpty() throws Exception {
    answerNullResult();
    assertEquals(Map.of(), account().getBalances());
    answerNullResult();
    assertEquals(Map.of(), account().getBalancesAsync().get());
  }

  @Test
  void nullListResultsAreEmpty() throws Exception {
    answerNullResult();
    assertEquals(List.of(), account().getApiKeyInfo());
    answerNullResult();
    assertEquals(List.of(), account().getPositions());
    answerNullResult();
    assertEquals(List.of(), account().getRiskLimitAsync().get());
  }
}
