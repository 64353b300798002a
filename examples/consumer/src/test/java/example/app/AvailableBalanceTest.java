package example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.bybitkit.BybitClient;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The app against MockWebServer serving a recorded Bybit response (Bybit's documented example). */
class AvailableBalanceTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static String recorded(String name) throws IOException {
    try (InputStream in = AvailableBalanceTest.class.getResourceAsStream("/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void availableBalanceIsExactlyWhatBybitSent() throws Exception {
    server.enqueue(new MockResponse.Builder().body(recorded("getBalances.json")).build());
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials("example-key", "example-secret")
        .build();

    BigDecimal available = new AvailableBalance(bybit).of("BTC");

    // equals compares the scale too: 999.99987471 as sent, not a double's approximation.
    assertEquals(new BigDecimal("999.99987471"), available);
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v2/private/wallet/balance", request.getUrl().encodedPath());
    assertEquals("example-key", request.getUrl().queryParameter("api_key"));
    assertNotNull(request.getUrl().queryParameter("sign"), "signed");
  }

  @Test
  void aCoinTheWalletDoesNotHoldHasNothingAvailable() throws Exception {
    server.enqueue(new MockResponse.Builder().body(recorded("getBalances.json")).build());
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials("example-key", "example-secret")
        .build();

    assertEquals(BigDecimal.ZERO, new AvailableBalance(bybit).of("ETH"));
  }
}
