package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.model.BybitV5TpSlModeResult;
import java.lang.reflect.Method;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: the abandoned v5 position call {@code setTpSlMode}. */
@SuppressWarnings("deprecation") // setTpSlMode is deprecated on purpose: Bybit abandoned it
class V5PositionClientTest {
  private static final String PATH = "/v5/position/set-tpsl-mode";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5PositionClient position() {
    return TestClients.client(server).v5().position();
  }

  @Test
  void setTpSlModeSendsWireValuesInASignedJsonBodyAndDecodesTheDocsExample() throws Exception {
    server.enqueue(recorded("setTpSlMode", "docs-v5.json"));

    BybitV5TpSlModeResult result = position().setTpSlMode(Category.INVERSE, "BTCUSD", TpSlMode.PARTIAL);

    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals(PATH, request.getUrl().encodedPath());
    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"tpSlMode\":\"Partial\"}",
        TestClients.verifier().verifyV5Post(request));
    assertEquals(TpSlMode.FULL, result.tpSlMode());
    assertEquals("Full", result.tpSlModeRaw());
  }

  @Test
  void theAbandonedEndpointsRefusalThrowsWithBybitsCode() throws Exception {
    server.enqueue(recorded("setTpSlMode", "error-100028-unified-account-forbidden.json"));

    BybitApiException e = assertThrows(BybitApiException.class,
        () -> position().setTpSlMode(Category.INVERSE, "BTCUSD", TpSlMode.FULL));

    take(server);
    assertEquals(100028, e.retCode());
    assertEquals("unified account is forbidden", e.retMsg());
  }

  @Test
  void theGeneratedMethodsAreDeprecated() throws Exception {
    Method sync = V5PositionClient.class.getMethod("setTpSlMode", Category.class, String.class, TpSlMode.class);
    Method async = V5PositionClient.class.getMethod("setTpSlModeAsync", Category.class, String.class, TpSlMode.class);
    assertNotNull(sync.getAnnotation(Deprecated.class));
    assertNotNull(async.getAnnotation(Deprecated.class));
  }
}
