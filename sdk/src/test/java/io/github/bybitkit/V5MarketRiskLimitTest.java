package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.v5.GetRiskLimitRequest;
import io.github.bybitkit.v5.V5MarketClient;
import io.github.bybitkit.v5.model.BybitV5RiskLimit;
import io.github.bybitkit.v5.model.BybitV5RiskLimitPage;
import java.math.BigDecimal;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getRiskLimit} (operation v5GetRiskLimit), a public GET. */
class V5MarketRiskLimitTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5MarketClient market() {
    return TestClients.client(server).v5().market();
  }

  @Test
  void getRiskLimitIsSentUnsignedAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("v5GetRiskLimit", "docs-v5.json"));

    BybitV5RiskLimitPage page = market().getRiskLimit(Category.INVERSE);

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/market/risk-limit", request.getUrl().encodedPath());
    assertEquals("category=inverse", SignatureVerifier.rawQuery(request));
    SignatureVerifier.assertUnsigned(request);
    assertEquals(Category.INVERSE, page.category());
    assertNull(page.nextPageCursor());
    BybitV5RiskLimit tier = page.list().get(0);
    assertEquals(1L, tier.id());
    assertEquals("BTCUSD", tier.symbol());
    assertEquals(new BigDecimal("150"), tier.riskLimitValue());
    assertEquals(new BigDecimal("0.5"), tier.maintenanceMargin());
    assertEquals(new BigDecimal("1"), tier.initialMargin());
    assertEquals(1, tier.isLowestRisk());
    assertEquals(new BigDecimal("100.00"), tier.maxLeverage());
    assertNull(tier.mmDeduction(), "\"\" means no deduction");
  }

  @Test
  void aSymbolAndCursorAreSentAndTheEmptyLastPageDecodes() throws Exception {
    server.enqueue(recorded("v5GetRiskLimit", "empty-list.json"));

    BybitV5RiskLimitPage page = market().getRiskLimit(GetRiskLimitRequest.builder().category(Category.LINEAR)
        .symbol("BTCUSDT").cursor("page%3D2").build());

    RecordedRequest request = take(server);
    assertEquals("linear", request.getUrl().queryParameter("category"));
    assertEquals("BTCUSDT", request.getUrl().queryParameter("symbol"));
    assertEquals("category=linear&symbol=BTCUSDT&cursor=page%3D2", request.getUrl().encodedQuery(),
        "the cursor as received, not percent-encoded again");
    SignatureVerifier.assertUnsigned(request);
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor());
  }
}
