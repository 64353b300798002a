package example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.MarginMode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The modular app against MockWebServer: both calls work with BybitKit as a named module on the module path. */
class InverseMarketTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static String recorded(String name) throws IOException {
    try (InputStream in = InverseMarketTest.class.getResourceAsStream("/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void runsOnTheModulePathAgainstTheNamedBybitKitModule() {
    Module app = InverseMarket.class.getModule();
    Module bybitkit = BybitClient.class.getModule();
    assertEquals("example.modular", app.getName(), "the app's classes run in their module, not the class path");
    assertEquals("io.github.bybitkit", bybitkit.getName());
    assertFalse(bybitkit.getDescriptor().isAutomatic());
    assertTrue(app.canRead(bybitkit));
    assertTrue(bybitkit.isExported("io.github.bybitkit.v5", app));
    assertFalse(bybitkit.isExported("io.github.bybitkit.internal", app), "support code is not exported");
    assertFalse(bybitkit.isExported("io.github.bybitkit.v5.transport", app), "Retrofit interfaces are not");
  }

  @Test
  void publicAndSignedV5CallsDecodeExactly() throws Exception {
    server.enqueue(new MockResponse.Builder().body(recorded("tickers.json")).build());
    server.enqueue(new MockResponse.Builder().body(recorded("account-info.json")).build());
    InverseMarket market = new InverseMarket(server.url("/").toString(), "example-key", "example-secret");

    assertEquals(new BigDecimal("114898.43"), market.markPrice("BTCUSD"));
    assertEquals(MarginMode.REGULAR_MARGIN, market.marginMode());

    RecordedRequest tickers = server.takeRequest();
    assertEquals("/v5/market/tickers", tickers.getUrl().encodedPath());
    assertEquals("inverse", tickers.getUrl().queryParameter("category"));
    RecordedRequest accountInfo = server.takeRequest();
    assertEquals("/v5/account/info", accountInfo.getUrl().encodedPath());
    assertEquals("example-key", accountInfo.getHeaders().get("X-BAPI-API-KEY"));
    assertNotNull(accountInfo.getHeaders().get("X-BAPI-SIGN"), "signed through the module's interceptor");
  }
}
