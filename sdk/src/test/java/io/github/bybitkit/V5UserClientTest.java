package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.v5.V5UserClient;
import io.github.bybitkit.v5.model.BybitV5ApiKeyInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getApiKeyInfo} (operation v5GetApiKeyInfo). */
class V5UserClientTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5UserClient user() {
    return TestClients.client(server).v5().user();
  }

  @Test
  void getApiKeyInfoSignsAnEmptyQueryAndDecodesTheDocsExample() throws Exception {
    server.enqueue(recorded("v5GetApiKeyInfo", "docs-v5.json"));

    BybitV5ApiKeyInfo key = user().getApiKeyInfo();

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/user/query-api", request.getUrl().encodedPath());
    assertEquals(Map.of(), TestClients.verifier().verifyV5Get(request));
    assertEquals("2208369", key.id());
    assertEquals("XXXXXXXX", key.apiKey());
    assertEquals(1, key.readOnly());
    assertEquals("", key.secret());
    assertEquals(List.of("Order", "Position"), key.permissions().get("ContractTrade"));
    assertEquals(List.of(), key.permissions().get("FiatGlobalPay"));
    assertEquals(List.of("18.181.170.164", "13.212.45.47", "13.212.45.48"), key.ips());
    assertEquals(1, key.type());
    assertEquals(-2, key.deadlineDay());
    assertEquals(Instant.EPOCH, key.expiredAt());
    assertEquals(Instant.parse("2025-10-13T03:20:45Z"), key.createdAt());
    assertEquals(1, key.uta());
    assertEquals(1448939L, key.userID());
    assertEquals(0L, key.affiliateID());
    assertEquals("PRO-1", key.vipLevel());
    assertTrue(key.isMaster());
    assertEquals("0", key.parentUid());
    assertEquals("LEVEL_1", key.kycLevel());
    assertEquals("MYS", key.kycRegion());
    assertEquals("0", key.userIDInt64());
  }

  @Test
  void theKeyIsMaskedInToString() throws Exception {
    server.enqueue(recorded("v5GetApiKeyInfo", "docs-v5.json"));

    String text = user().getApiKeyInfo().toString();

    assertTrue(text.contains("XXXX"), text);
    assertFalse(text.contains("XXXXXXXX"), text);
  }
}
