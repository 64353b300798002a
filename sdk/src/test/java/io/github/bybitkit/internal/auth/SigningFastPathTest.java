package io.github.bybitkit.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.Credentials;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.EnvelopeKind;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;

/**
 * The signer's fast paths (per-method facts cache, the v2 encoded query built in one piece, array sorting, hex)
 * against independent recomputations with the slow, obvious forms.
 */
class SigningFastPathTest {
  private static final String KEY = "B2Rou0PLPpGqcU0Vu2";
  private static final String SECRET = "t7T0YlFnYXk0Fx3JswQsDrViLg1Gh3DUU5Mr";
  private static final long NOW = 1542434791000L;
  private static final SigningInterceptor SIGNER = new SigningInterceptor(Credentials.of(KEY, SECRET),
      Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), 5000);

  interface Api {
    @BybitEndpoint(operationId = "getWalletFundHistory", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    void walletFunds();

    @BybitEndpoint(operationId = "getProfitAndLossHistory", auth = AuthScheme.V2_SIGNED, envelope = EnvelopeKind.V2)
    void closedPnl();

    @BybitEndpoint(operationId = "getPortfolioMargin", auth = AuthScheme.V5_SIGNED, envelope = EnvelopeKind.V5)
    void v5();

    @BybitEndpoint(operationId = "getRiskLimit", auth = AuthScheme.NONE, envelope = EnvelopeKind.V2)
    void open();
  }

  /** Same method names as {@link Api}, other schemes: a cache keyed by name alone would mix them up. */
  interface OtherApi {
    @BybitEndpoint(operationId = "getPortfolioMargin", auth = AuthScheme.V5_SIGNED, envelope = EnvelopeKind.V5)
    void walletFunds();

    @BybitEndpoint(operationId = "getRiskLimit", auth = AuthScheme.NONE, envelope = EnvelopeKind.V2)
    void v5();
  }

  private static Request request(Class<?> api, String method, String url, RequestBody body) throws Exception {
    Method m = api.getMethod(method);
    Object instance = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (p, mm, a) -> null);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Invocation invocation = Invocation.of((Class) api, instance, m, List.of());
    Request.Builder builder = new Request.Builder().url(url).tag(Invocation.class, invocation);
    if (body != null) {
      builder.post(body);
    }
    return builder.build();
  }

  /** Runs the signer with a chain that answers at once; returns the request it passed on. */
  private static Request sign(Request request) throws Exception {
    AtomicReference<Request> sent = new AtomicReference<>();
    Interceptor.Chain chain = (Interceptor.Chain) Proxy.newProxyInstance(Interceptor.Chain.class.getClassLoader(),
        new Class<?>[] {Interceptor.Chain.class}, (p, m, args) -> switch (m.getName()) {
          case "request" -> request;
          case "proceed" -> {
            sent.set((Request) args[0]);
            yield new Response.Builder().request((Request) args[0]).protocol(Protocol.HTTP_1_1).code(200)
                .message("OK").body(ResponseBody.EMPTY).build();
          }
          default -> throw new UnsupportedOperationException(m.getName());
        });
    SIGNER.intercept(chain);
    return sent.get();
  }

  private static String hmac(String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  /** The signed URL as the per-parameter form builds it: sorted decoded pairs, each encoded by HttpUrl, sign last. */
  private static HttpUrl expectedV2Url(HttpUrl original) throws Exception {
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < original.querySize(); i++) {
      String value = original.queryParameterValue(i);
      params.put(original.queryParameterName(i), value == null ? "" : value);
    }
    params.put("api_key", KEY);
    params.put("recv_window", "5000");
    params.put("timestamp", Long.toString(NOW));
    String payload = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    HttpUrl.Builder url = original.newBuilder().query(null);
    params.forEach(url::addQueryParameter);
    return url.addQueryParameter("sign", hmac(payload)).build();
  }

  @Test
  void v2QueryIsTheSamePlainOrNeedingEncoding() throws Exception {
    for (String query : List.of(
        "symbol=BTCUSD&limit=20",                          // plain: one encoded query
        "Zeta=1&alpha=2&_x=3&a.b=4&a-b=5&B=6&flag",        // plain, unsorted, upper case, '?flag' without value
        "note=a%20b%2Bc&coin=BTC",                         // space and '+' need encoding
        "list=a,b&x=%7E*&y=%C3%A9t%C3%A9",                 // ',', '~', '*', non-ASCII
        "")) {
      String url = "https://api.bybit.com/v2/private/wallet/fund/records" + (query.isEmpty() ? "" : "?" + query)
          + "#frag";
      Request original = request(Api.class, "walletFunds", url, null);
      Request signed = sign(original);
      assertEquals(expectedV2Url(original.url()).toString(), signed.url().toString(), query);
      assertEquals("frag", signed.url().fragment());
    }
  }

  @Test
  void v2PostBodyWithTextNeedingEncodingSignsSortedPairs() throws Exception {
    String body = "{\"z\":\"a b+c\",\"A\":1.50,\"m\":\"\u00e9\",\"b\":false}";
    Request signed = sign(request(Api.class, "walletFunds", "https://api.bybit.com/v2/private/x",
        RequestBody.create(body, MediaType.get("application/json"))));
    Buffer sent = new Buffer();
    signed.body().writeTo(sent);
    String expectedSign = hmac("A=1.50&api_key=" + KEY + "&b=false&m=\u00e9&recv_window=5000&timestamp=" + NOW
        + "&z=a b+c");
    assertEquals("{\"z\":\"a b+c\",\"A\":1.50,\"m\":\"\u00e9\",\"b\":false,\"api_key\":\"" + KEY
        + "\",\"recv_window\":5000,\"timestamp\":" + NOW + ",\"sign\":\"" + expectedSign + "\"}", sent.readUtf8());
  }

  @Test
  void v2ChecksNonAsciiTextAndTheMethodsOwnTimeParameters() throws Exception {
    // Outside U+0020..U+007E the full text check runs: a no-break space is refused, an accented letter is not.
    SigningException nbsp = assertThrows(SigningException.class,
        () -> sign(request(Api.class, "walletFunds", "https://h/x?note=a%C2%A0b", null)));
    assertTrue(nbsp.getMessage().contains("'note'"), nbsp.getMessage());
    sign(request(Api.class, "walletFunds", "https://h/x?note=%C3%A9", null));
    // A tab is refused as a control character.
    assertThrows(SigningException.class, () -> sign(request(Api.class, "walletFunds", "https://h/x?n=a%09b", null)));

    // getWalletFundHistory has a date start_date, getProfitAndLossHistory epoch-seconds start_time: each method is
    // checked with its own facts, also when the other was cached first.
    for (int round = 0; round < 2; round++) {
      SigningException date = assertThrows(SigningException.class,
          () -> sign(request(Api.class, "walletFunds", "https://h/x?start_date=1999-12-31", null)));
      assertTrue(date.getMessage().startsWith("getWalletFundHistory: "), date.getMessage());
      assertThrows(SigningException.class,
          () -> sign(request(Api.class, "walletFunds", "https://h/x?start_date=soon", null)));
      sign(request(Api.class, "walletFunds", "https://h/x?start_time=1", null));

      SigningException seconds = assertThrows(SigningException.class,
          () -> sign(request(Api.class, "closedPnl", "https://h/x?start_time=1", null)));
      assertTrue(seconds.getMessage().startsWith("getProfitAndLossHistory: "), seconds.getMessage());
      sign(request(Api.class, "closedPnl", "https://h/x?start_time=1700000000&start_date=1999-12-31", null));
    }
  }

  @Test
  void eachMethodKeepsItsOwnSchemeAcrossInterfacesAndThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        Callable<Void> task = () -> {
          start.await();
          for (int i = 0; i < 200; i++) {
            // Alternate so that each thread meets each method both cached and (early on) uncached.
            boolean first = (i + thread) % 2 == 0;
            Request v2 = sign(request(first ? Api.class : OtherApi.class, "walletFunds",
                "https://h/x?coin=BTC", null));
            if (first) {
              assertEquals("BTC", v2.url().queryParameter("coin"));
              assertEquals(64, v2.url().queryParameter("sign").length());
              assertNull(v2.header("X-BAPI-SIGN"));
            } else {
              assertNull(v2.url().queryParameter("sign"));
              assertEquals(hmac(NOW + KEY + "5000" + "coin=BTC"), v2.header("X-BAPI-SIGN"));
            }
            Request v5 = sign(request(first ? Api.class : OtherApi.class, "v5", "https://h/x?coin=BTC", null));
            assertEquals(first ? hmac(NOW + KEY + "5000" + "coin=BTC") : null, v5.header("X-BAPI-SIGN"));
            assertEquals("coin=BTC", v5.url().encodedQuery());
            Request open = sign(request(Api.class, "open", "https://h/x?coin=BTC", null));
            assertEquals("coin=BTC", open.url().encodedQuery());
            assertNull(open.header("X-BAPI-SIGN"));
          }
          return null;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void v5HeadersAreTheSameWithOrWithoutHeadersOnTheRequest() throws Exception {
    Request bare = request(Api.class, "v5", "https://api.bybit.com/v5/asset/portfolio-margin?baseCoin=BTC", null);
    Request withHeaders = bare.newBuilder().header("X-Other", "kept").header("X-BAPI-SIGN", "stale").build();
    String expectedSign = hmac(NOW + KEY + "5000" + "baseCoin=BTC");

    for (Request signed : List.of(sign(bare), sign(withHeaders))) {
      assertEquals(KEY, signed.header("X-BAPI-API-KEY"));
      assertEquals(Long.toString(NOW), signed.header("X-BAPI-TIMESTAMP"));
      assertEquals("5000", signed.header("X-BAPI-RECV-WINDOW"));
      assertEquals(List.of(expectedSign), signed.headers("X-BAPI-SIGN")); // a stale one is replaced, not added to
      assertEquals("2", signed.header("X-BAPI-SIGN-TYPE"));
    }
    assertEquals(5, sign(bare).headers().size());
    assertEquals("kept", sign(withHeaders).header("X-Other"));
    assertEquals(6, sign(withHeaders).headers().size());
  }

  /** The five v5 headers exactly as Headers.of built them before the prebuilt parts: names, values and order. */
  private static Headers expectedV5Headers(String recvWindow, String signed) throws Exception {
    return Headers.of("X-BAPI-API-KEY", KEY, "X-BAPI-TIMESTAMP", Long.toString(NOW), "X-BAPI-RECV-WINDOW", recvWindow,
        "X-BAPI-SIGN", hmac(NOW + KEY + recvWindow + signed), "X-BAPI-SIGN-TYPE", "2");
  }

  @Test
  void v5HeadersComeInTheirOrderForTheClientsWindowAndACallsOwn() throws Exception {
    String url = "https://api.bybit.com/v5/asset/portfolio-margin?baseCoin=BTC";
    Request request = request(Api.class, "v5", url, null);
    assertEquals(expectedV5Headers("5000", "baseCoin=BTC"), sign(request).headers());

    Request ownWindow = request.newBuilder()
        .tag(RequestOptions.class, RequestOptions.defaults().withRecvWindow(Duration.ofMillis(20000))).build();
    assertEquals(expectedV5Headers("20000", "baseCoin=BTC"), sign(ownWindow).headers());
  }

  @Test
  void v5SignsTheUtf8OfANonAsciiBodyAndSendsItUnchanged() throws Exception {
    String body = "{\"category\":\"spot\",\"orderLinkId\":\"caf\u00e9-\u20ac-\ud83d\ude00\"}";
    Request request = request(Api.class, "v5", "https://api.bybit.com/v5/order/create",
        RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")));
    Request signed = sign(request);
    assertEquals(expectedV5Headers("5000", body), signed.headers());
    Buffer sent = new Buffer();
    signed.body().writeTo(sent);
    assertEquals(body, sent.readUtf8());
  }

  @Test
  void v5EncodedQueryMatchesHttpUrls() throws Exception {
    for (String url : List.of("https://api.bybit.com/v5/x", "https://api.bybit.com/v5/x?",
        "https://api.bybit.com/v5/x?a=1&b=2", "https://api.bybit.com/v5/x?a=1#frag?x",
        "https://api.bybit.com/v5/x#frag?x", "https://api.bybit.com/v5/a%3Fb/c?q=%23&r=x%3Fy",
        "https://u%3Fs:p%3F@api.bybit.com:8443/v5/x?flag&e=&s=a+b%20c#", "https://api.bybit.com/v5/x?caf\u00e9=\u20ac")) {
      HttpUrl parsed = HttpUrl.get(url);
      String expected = parsed.encodedQuery() == null ? "" : parsed.encodedQuery();
      assertEquals(expected, SigningInterceptor.encodedQuery(parsed), url);

      Request signed = sign(request(Api.class, "v5", url, null));
      assertEquals(expectedV5Headers("5000", expected), signed.headers(), url);
      assertEquals(parsed, signed.url(), "the URL is sent as it was");
    }
  }

  @Test
  void hexOfBytesMatchesHexOfTheirString() throws Exception {
    HmacSha256.Key key = new HmacSha256.Key(SECRET);
    byte[] message = (NOW + KEY + "5000" + "baseCoin=BTC").getBytes(StandardCharsets.UTF_8);
    byte[] longer = Arrays.copyOf(message, message.length + 7);
    assertEquals(hmac(NOW + KEY + "5000" + "baseCoin=BTC"), key.hex(longer, message.length));
  }

  @Test
  void arraySortAndJoinMatchATreeMap() {
    Random random = new Random(12);
    String alphabet = "aAbB_-.0z~";
    for (int round = 0; round < 500; round++) {
      Map<String, String> params = new HashMap<>();
      int size = random.nextInt(12);
      while (params.size() < size) {
        StringBuilder name = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        params.put(name.toString(), Integer.toString(random.nextInt(100)));
      }
      String expected = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("&"));
      assertEquals(expected, V2Signing.payload(params));

      List<String> names = new ArrayList<>(params.keySet());
      Collections.shuffle(names, random);
      String[] n = new String[names.size() + 2];
      String[] v = new String[names.size() + 2];
      for (int i = 0; i < names.size(); i++) {
        n[i] = names.get(i);
        v[i] = params.get(names.get(i));
      }
      V2Signing.sort(n, v, names.size());
      assertEquals(expected, V2Signing.join(n, v, names.size()));
      assertNull(n[names.size()]); // only the first size entries are touched
    }
  }

  @Test
  void payloadOfAMapWithRepeatedEqualNamesKeepsTheLastLikeATreeMapCopy() {
    Map<String, String> odd = new IdentityHashMap<>();
    odd.put(new String("a"), "1");
    odd.put(new String("a"), "2");
    odd.put("b", "3");
    assertEquals(new TreeMap<>(odd).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&")), V2Signing.payload(odd));
  }

  @Test
  void hexWrittenInPlaceMatchesHexFormatOfAnIndependentHmac() throws Exception {
    byte[] all = new byte[128]; // every ASCII byte: the same bytes as the UTF-8 of the text hmac() signs
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    byte[] out = new byte[3 + 64];
    new HmacSha256.Key(SECRET).hexInto(all, all.length, out, 3);
    String expected = hmac(new String(all, StandardCharsets.ISO_8859_1));
    assertEquals(expected, new String(out, 3, 64, StandardCharsets.US_ASCII));
    assertEquals(0, out[0] | out[1] | out[2], "nothing written before the offset");
  }
}
