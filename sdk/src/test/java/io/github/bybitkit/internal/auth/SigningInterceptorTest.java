package io.github.bybitkit.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.metadata.EnvelopeKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;

class SigningInterceptorTest {
  private static final String KEY = "B2Rou0PLPpGqcU0Vu2";
  private static final String SECRET = "t7T0YlFnYXk0Fx3JswQsDrViLg1Gh3DUU5Mr";
  private static final long NOW = 1542434791000L;
  private static final Credentials CREDENTIALS = Credentials.of(KEY, SECRET);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String MISSING_CREDENTIALS =
      " needs credentials: call BybitClient.builder().credentials(apiKey, apiSecret)"
          + " (or rsaCredentials(apiKey, privateKey) for v5)";

  @StartStop
  final MockWebServer server = new MockWebServer();

  interface TestApi {
    @BybitEndpoint(operationId = "getWalletFundRecords", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    @GET("v2/private/wallet/fund/records")
    Call<ResponseBody> v2Get(@Query("wallet_fund_type") String type, @Query("limit") Integer limit,
        @Query("coin") String coin, @Query("note") String note);

    @BybitEndpoint(operationId = "getWalletFundRecords", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    @GET("v2/private/wallet/fund/records")
    Call<ResponseBody> v2GetRepeated(@Query("coin") List<String> coins);

    @BybitEndpoint(operationId = "getWalletFundRecords", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    @GET("v2/private/wallet/fund/records")
    Call<ResponseBody> v2GetReserved(@Query("timestamp") long timestamp);

    @BybitEndpoint(operationId = "changeMargin", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    @POST("v2/private/position/change-position-margin")
    Call<ResponseBody> v2Post(@Body RequestBody body);

    @BybitEndpoint(operationId = "getPortfolioMargin", auth = AuthScheme.V5_SIGNED, envelope = EnvelopeKind.V5)
    @GET("v5/asset/portfolio-margin")
    Call<ResponseBody> v5Get(@Query("baseCoin") String baseCoin, @Query("note") String note);

    @BybitEndpoint(operationId = "getOrders", auth = AuthScheme.V5_SIGNED, envelope = EnvelopeKind.V5)
    @GET("v5/order/realtime")
    Call<ResponseBody> v5Orders(@Query("category") String category, @Query("symbol") String symbol);

    @BybitEndpoint(operationId = "createOrder", auth = AuthScheme.V5_SIGNED, envelope = EnvelopeKind.V5)
    @POST("v5/order/create")
    Call<ResponseBody> v5Post(@Body RequestBody body);

    @GET("v2/public/time")
    Call<ResponseBody> serverTime();

    @BybitEndpoint(operationId = "getRiskLimit", auth = AuthScheme.NONE, envelope = EnvelopeKind.V2)
    @GET("v2/public/risk-limit/list")
    Call<ResponseBody> riskLimit(@Query("symbol") String symbol);
  }

  private OkHttpClient client(Credentials credentials, long nowMillis) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
    return new OkHttpClient.Builder().addInterceptor(new SigningInterceptor(credentials, clock, 5000)).build();
  }

  private TestApi api(Credentials credentials, long nowMillis) {
    return new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .client(client(credentials, nowMillis))
        .build()
        .create(TestApi.class);
  }

  private TestApi api() {
    return api(CREDENTIALS, NOW);
  }

  private RecordedRequest send(Call<ResponseBody> call) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (ResponseBody body = call.execute().body()) {
      assertEquals("{}", body.string());
    }
    return server.takeRequest();
  }

  // ---- independent recomputation, deliberately not using the production signing classes ----

  private static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static String sortedPairs(Map<String, String> params) {
    return new TreeMap<>(params).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  private static List<String> queryNames(HttpUrl url) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      names.add(url.queryParameterName(i));
    }
    return names;
  }

  /** A flat JSON object as name -> literal text, in document order. */
  private static Map<String, String> literalFields(String json) throws Exception {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(json));
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      fields.put(name, r.peek() == JsonReader.Token.BOOLEAN ? Boolean.toString(r.nextBoolean()) : r.nextString());
    }
    r.endObject();
    return fields;
  }

  private static void assertNoV5Headers(RecordedRequest request) {
    for (String name : request.getHeaders().names()) {
      assertFalse(name.toLowerCase(java.util.Locale.ROOT).startsWith("x-bapi"), name);
    }
  }

  // ---- v2 GET ----

  @Test
  void v2GetSignsDecodedSortedQueryAndSendsSignLast() throws Exception {
    RecordedRequest request = send(api().v2Get("RealisedPNL", 20, "BTC", "a b+c"));
    HttpUrl url = request.getUrl();

    assertEquals(List.of("api_key", "coin", "limit", "note", "recv_window", "timestamp", "wallet_fund_type", "sign"),
        queryNames(url));
    assertEquals(KEY, url.queryParameter("api_key"));
    assertEquals("5000", url.queryParameter("recv_window"));
    assertEquals(Long.toString(NOW), url.queryParameter("timestamp"));

    Map<String, String> received = new TreeMap<>();
    for (String name : queryNames(url)) {
      if (!name.equals("sign")) {
        received.put(name, url.queryParameter(name));
      }
    }
    String payload = sortedPairs(received);
    assertEquals("api_key=B2Rou0PLPpGqcU0Vu2&coin=BTC&limit=20&note=a b+c&recv_window=5000"
        + "&timestamp=1542434791000&wallet_fund_type=RealisedPNL", payload);
    assertEquals(hmac(SECRET, payload), url.queryParameter("sign"));
    assertNoV5Headers(request);
  }

  @Test
  void v2GetRejectsRepeatedAndReservedParametersWithoutSending() {
    SigningException repeated = assertThrows(SigningException.class,
        () -> api().v2GetRepeated(List.of("BTC", "ETH")).execute());
    assertTrue(repeated.getMessage().startsWith("getWalletFundRecords: "), repeated.getMessage());
    assertTrue(repeated.getMessage().contains("'coin'"), repeated.getMessage());
    assertInstanceOf(IllegalArgumentException.class, repeated.unchecked());

    SigningException reserved = assertThrows(SigningException.class, () -> api().v2GetReserved(1L).execute());
    assertTrue(reserved.getMessage().contains("'timestamp'"), reserved.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---- v2 POST ----

  @Test
  void v2PostSignsSortedPairsAndKeepsJsonTypesAndDecimalText() throws Exception {
    String original = "{\"symbol\":\"BTCUSD\",\"margin\":0.00009996,\"auto_add_margin\":true,"
        + "\"position_idx\":0,\"note\":null,\"comment\":\"x y\"}";
    RecordedRequest request = send(api().v2Post(RequestBody.create(original, JSON)));
    String body = request.getBody().utf8();

    Map<String, String> fields = literalFields(body);
    String sign = fields.remove("sign");
    String payload = sortedPairs(fields);
    assertEquals("api_key=B2Rou0PLPpGqcU0Vu2&auto_add_margin=true&comment=x y&margin=0.00009996&position_idx=0"
        + "&recv_window=5000&symbol=BTCUSD&timestamp=1542434791000", payload);
    assertEquals(hmac(SECRET, payload), sign);

    assertEquals("{\"symbol\":\"BTCUSD\",\"margin\":0.00009996,\"auto_add_margin\":true,\"position_idx\":0,"
        + "\"comment\":\"x y\",\"api_key\":\"B2Rou0PLPpGqcU0Vu2\",\"recv_window\":5000,"
        + "\"timestamp\":1542434791000,\"sign\":\"" + sign + "\"}", body);
    assertEquals("application/json; charset=utf-8", request.getHeaders().get("Content-Type"));
    assertNull(request.getUrl().query());
    assertNoV5Headers(request);
  }

  @Test
  void v2PostWithEmptyBodySignsOnlyTheAuthParameters() throws Exception {
    RecordedRequest request = send(api().v2Post(RequestBody.create("", JSON)));
    Map<String, String> fields = literalFields(request.getBody().utf8());
    String sign = fields.remove("sign");
    assertEquals(List.of("api_key", "recv_window", "timestamp"), new ArrayList<>(fields.keySet()));
    assertEquals(hmac(SECRET, "api_key=" + KEY + "&recv_window=5000&timestamp=" + NOW), sign);
  }

  @Test
  void v2PostRejectsBodiesItCannotSignWithoutSending() {
    for (String bad : List.of("{\"a\":{\"b\":1}}", "{\"a\":[1]}", "[1]", "{\"a\":1,\"a\":2}", "{\"sign\":\"x\"}",
        "{\"a\":1} {}", "not json")) {
      SigningException e = assertThrows(SigningException.class,
          () -> api().v2Post(RequestBody.create(bad, JSON)).execute(), bad);
      assertTrue(e.getMessage().startsWith("changeMargin: "), e.getMessage());
      assertInstanceOf(IllegalArgumentException.class, e.unchecked());
    }
    assertEquals(0, server.getRequestCount());
  }

  // ---- v5 ----

  @Test
  void v5GetSignsEncodedQueryExactlyAsSent() throws Exception {
    RecordedRequest request = send(api().v5Get("BTC", "a b"));
    String query = request.getUrl().encodedQuery();
    assertEquals("baseCoin=BTC&note=a%20b", query);
    assertEquals(KEY, request.getHeaders().get("X-BAPI-API-KEY"));
    assertEquals(Long.toString(NOW), request.getHeaders().get("X-BAPI-TIMESTAMP"));
    assertEquals("5000", request.getHeaders().get("X-BAPI-RECV-WINDOW"));
    assertEquals("2", request.getHeaders().get("X-BAPI-SIGN-TYPE"));
    assertEquals(hmac(SECRET, NOW + KEY + "5000" + query), request.getHeaders().get("X-BAPI-SIGN"));
    assertFalse(request.getUrl().queryParameterNames().contains("sign"));
  }

  @Test
  void v5GetWithoutQuerySignsEmptyString() throws Exception {
    RecordedRequest request = send(api().v5Get(null, null));
    assertNull(request.getUrl().encodedQuery());
    assertEquals(hmac(SECRET, NOW + KEY + "5000"), request.getHeaders().get("X-BAPI-SIGN"));
  }

  @Test
  void v5PostSignsExactBodyBytes() throws Exception {
    String original = "{\"category\":\"linear\",\"qty\":0.00009996,\"reduceOnly\":false}";
    RecordedRequest request = send(api().v5Post(RequestBody.create(original, JSON)));
    String body = request.getBody().utf8();
    assertEquals(original, body);
    assertEquals(hmac(SECRET, NOW + KEY + "5000" + body), request.getHeaders().get("X-BAPI-SIGN"));
    assertEquals("2", request.getHeaders().get("X-BAPI-SIGN-TYPE"));
  }

  @Test
  void v5ReproducesLocallyComputedVectors() throws Exception {
    // Facts §2.2: the guide's strings with the v2 example secret, signatures computed locally.
    Credentials docs = Credentials.of("XXXXXXXXXX", SECRET);
    RecordedRequest get = send(api(docs, 1658384314791L).v5Orders("option", "BTC-29JUL22-25000-C"));
    assertEquals("0ef6654b5ca188c7d052495abdc3016965ab8a79e76299d59af165c41f598db6",
        get.getHeaders().get("X-BAPI-SIGN"));
    RequestBody body = RequestBody.create("{\"category\": \"option\"}", JSON);
    RecordedRequest post = send(api(docs, 1658385579423L).v5Post(body));
    assertEquals("7aeff4e322b993ba1542816bd9a998db231a9de44158b876428cbaf8a7aeb914",
        post.getHeaders().get("X-BAPI-SIGN"));
  }

  @Test
  void v5RejectsApiKeyThatCannotBeAHeaderWithoutEchoingIt() {
    Credentials odd = Credentials.of("abcdefgh\nijkl", SECRET);
    SigningException e = assertThrows(SigningException.class, () -> api(odd, NOW).v5Get("BTC", null).execute());
    assertTrue(e.getMessage().startsWith("getPortfolioMargin: "), e.getMessage());
    assertFalse(e.getMessage().contains("abcdefgh"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---- public operations and missing credentials ----

  @Test
  void publicOperationsAreSentUnsigned() throws Exception {
    RecordedRequest unannotated = send(api().serverTime());
    assertNull(unannotated.getUrl().query());
    assertNoV5Headers(unannotated);

    RecordedRequest none = send(api().riskLimit("BTCUSD"));
    assertEquals("symbol=BTCUSD", none.getUrl().encodedQuery());
    assertNoV5Headers(none);
  }

  @Test
  void publicOperationsNeedNoCredentials() throws Exception {
    RecordedRequest request = send(api(null, NOW).riskLimit("BTCUSD"));
    assertEquals("symbol=BTCUSD", request.getUrl().encodedQuery());
  }

  @Test
  void requestsWithoutRetrofitInvocationPassThrough() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Request plain = new Request.Builder().url(server.url("/v2/public/time?a=1")).build();
    client(CREDENTIALS, NOW).newCall(plain).execute().close();
    RecordedRequest request = server.takeRequest();
    assertEquals("a=1", request.getUrl().encodedQuery());
    assertNoV5Headers(request);
  }

  @Test
  void signedOperationWithoutCredentialsFailsBeforeSending() {
    TestApi anonymous = api(null, NOW);
    SigningException v2 = assertThrows(SigningException.class,
        () -> anonymous.v2Get("Deposit", null, null, null).execute());
    assertEquals("getWalletFundRecords" + MISSING_CREDENTIALS, v2.getMessage());
    assertInstanceOf(IllegalStateException.class, v2.getCause());
    assertEquals(v2.getMessage(), v2.unchecked().getMessage());

    SigningException v5 = assertThrows(SigningException.class,
        () -> anonymous.v5Post(RequestBody.create("{}", JSON)).execute());
    assertEquals("createOrder" + MISSING_CREDENTIALS, v5.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void asyncCallsReceiveTheSigningFailureInOnFailure() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    api(null, NOW).v5Get("BTC", null).enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ResponseBody> call, retrofit2.Response<ResponseBody> response) {
        failure.complete(null);
      }

      @Override
      public void onFailure(Call<ResponseBody> call, Throwable t) {
        failure.complete(t);
      }
    });
    Throwable t = failure.get(10, TimeUnit.SECONDS);
    assertInstanceOf(SigningException.class, t);
    assertEquals("getPortfolioMargin" + MISSING_CREDENTIALS, t.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void constructorValidatesArguments() {
    Clock clock = Clock.systemUTC();
    assertThrows(IllegalArgumentException.class, () -> new SigningInterceptor(CREDENTIALS, clock, 0));
    assertThrows(NullPointerException.class, () -> new SigningInterceptor(CREDENTIALS, (Clock) null, 5000));
  }
}
