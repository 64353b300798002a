package io.github.bybitkit;

import static io.github.bybitkit.SignatureVerifier.JsonField.bool;
import static io.github.bybitkit.SignatureVerifier.JsonField.number;
import static io.github.bybitkit.SignatureVerifier.JsonField.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The test-side signature checker, checked against published vectors and hand-made requests (no SDK code). */
class SignatureVerifierTest {
  private static final String DOCS_SECRET = "t7T0YlFnYXk0Fx3JswQsDrViLg1Gh3DUU5Mr";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final OkHttpClient http = new OkHttpClient();

  @Test
  void hmacMatchesBybitsPublishedV2Vector() {
    assertEquals("670e3e4aa32b243f2dedf1dafcec2fd17a440e71b05681550416507de591d908",
        SignatureVerifier.hmacSha256Hex(DOCS_SECRET,
            "api_key=B2Rou0PLPpGqcU0Vu2&leverage=100&symbol=BTCUSD&timestamp=1542434791000"));
  }

  @Test
  void hmacMatchesRfc4231TestCase2() {
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        SignatureVerifier.hmacSha256Hex("Jefe", "what do ya want for nothing?"));
  }

  @Test
  void readsHandMadeV2QueryAndSignature() throws Exception {
    String payload = "api_key=B2Rou0PLPpGqcU0Vu2&coin=BTC&note=a b&recv_window=5000&timestamp=1542434791000";
    String sign = SignatureVerifier.hmacSha256Hex(DOCS_SECRET, payload);
    RecordedRequest request = send(new Request.Builder().url(server.url("/x?coin=BTC&note=a%20b"
        + "&api_key=B2Rou0PLPpGqcU0Vu2&recv_window=5000&timestamp=1542434791000&sign=" + sign)).build());

    SignatureVerifier verifier = new SignatureVerifier("B2Rou0PLPpGqcU0Vu2", DOCS_SECRET, 1542434791000L, 5000);
    assertEquals(Map.of("coin", "BTC", "note", "a b"), verifier.verifyV2Query(request));
    assertEquals(List.of("coin", "note"), List.copyOf(verifier.verifyV2Query(request).keySet()));
    assertThrows(AssertionError.class,
        () -> new SignatureVerifier("B2Rou0PLPpGqcU0Vu2", "other", 1542434791000L, 5000).verifyV2Query(request));
    assertThrows(AssertionError.class,
        () -> new SignatureVerifier("B2Rou0PLPpGqcU0Vu2", DOCS_SECRET, 1542434791001L, 5000).verifyV2Query(request));
  }

  @Test
  void readsHandMadeV2BodyKeepingJsonTypesAndNumberText() throws Exception {
    String payload = "api_key=K&flag=true&margin=0.00009996&recv_window=5000&symbol=BTCUSD&timestamp=7";
    String sign = SignatureVerifier.hmacSha256Hex("S", payload);
    String json = "{\"symbol\":\"BTCUSD\",\"margin\":0.00009996,\"flag\":true,\"api_key\":\"K\","
        + "\"recv_window\":5000,\"timestamp\":7,\"sign\":\"" + sign + "\"}";
    RecordedRequest request = send(new Request.Builder().url(server.url("/y"))
        .post(RequestBody.create(json, MediaType.get("application/json"))).build());

    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", number("0.00009996"), "flag", bool(true)),
        new SignatureVerifier("K", "S", 7, 5000).verifyV2Body(request));
  }

  @Test
  void v5SignatureCoversTheRawQuery() throws Exception {
    // Facts §2.2 local vector: timestamp + key + recv window + query.
    RecordedRequest request = send(new Request.Builder()
        .url(server.url("/v5/x?category=option&symbol=BTC-29JUL22-25000-C"))
        .header("X-BAPI-API-KEY", "XXXXXXXXXX")
        .header("X-BAPI-TIMESTAMP", "1658384314791")
        .header("X-BAPI-RECV-WINDOW", "5000")
        .header("X-BAPI-SIGN", "0ef6654b5ca188c7d052495abdc3016965ab8a79e76299d59af165c41f598db6")
        .build());

    assertEquals(Map.of("category", "option", "symbol", "BTC-29JUL22-25000-C"),
        new SignatureVerifier("XXXXXXXXXX", DOCS_SECRET, 1658384314791L, 5000).verifyV5Get(request));
  }

  private RecordedRequest send(Request request) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (Response response = http.newCall(request).execute()) {
      assertEquals(200, response.code());
    }
    return TestClients.take(server);
  }
}
