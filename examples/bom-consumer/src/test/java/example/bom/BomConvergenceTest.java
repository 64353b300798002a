package example.bom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;

/** Retrofit (which asks for okhttp 4.12.0) first, bybitkit-bom imported: one OkHttp 5, and BybitKit works. */
class BomConvergenceTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  /** A constant in Kotlin, so read by reflection (javac would inline the version it compiled against). */
  private static String loaded(String className, String field) throws Exception {
    return String.valueOf(Class.forName(className).getField(field).get(null));
  }

  @Test
  void oneOkHttpOfBybitKitsVersionAndAKotlinStdlibToMatch() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttp.class"));
    assertEquals(1, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("okhttp-jvm-"), copies.toString());
    assertEquals(System.getProperty("bybitkit.okhttpVersion"), loaded("okhttp3.OkHttp", "VERSION"));
    String kotlin = loaded("kotlin.KotlinVersion", "CURRENT");
    assertTrue(Integer.parseInt(kotlin.substring(0, kotlin.indexOf('.'))) >= 2, kotlin);
  }

  @Test
  void bybitKitAndTheAppsOwnRetrofitBothWork() throws Exception {
    String body;
    try (InputStream in = getClass().getResourceAsStream("/getBalances.json")) {
      assertNotNull(in);
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    server.enqueue(new MockResponse.Builder().body(body).build());
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials("example-key", "example-secret")
        .build();

    BigDecimal available = bybit.inversePerpetual().account().getBalances().get("BTC").availableBalance();

    assertEquals(new BigDecimal("999.99987471"), available);
    assertEquals("/v2/private/wallet/balance", server.takeRequest().getUrl().encodedPath());
    // The app's Retrofit runs on the same OkHttp 5.
    assertNotNull(new Retrofit.Builder().baseUrl(server.url("/")).build().callFactory());
  }
}
