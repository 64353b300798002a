package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.SECRET;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import io.github.bybitkit.inverseperpetual.GetRiskLimitRequest;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitRiskLimit;
import io.github.bybitkit.v5.GetPortfolioMarginRequest;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * What users configure: the environment (mainnet, testnet, a custom URL), timeouts, an OkHttpClient of their own (its
 * interceptors, pool, dispatcher, proxy and timeouts are used, and it is not changed), the User-Agent, and sharing one
 * client between threads.
 */
class ClientConfigTest {
  private static final String BALANCE_PATH = "/v2/private/wallet/balance";
  private static final String LEVERAGE_PATH = "/v2/private/position/leverage/save";
  private static final String PORTFOLIO_PATH = "/v5/asset/portfolio-margin";
  private static final String RISK_LIMIT_PATH = "/v2/public/risk-limit/list";

  @StartStop
  final MockWebServer server = new MockWebServer();

  // ------------------------------------------------------------------ User-Agent

  @Test
  void userAgentNamesBybitKitItsVersionAndJava() {
    Matcher m = Pattern.compile("BybitKit/(\\S+) \\(Java (\\S+)\\)").matcher(BybitClient.USER_AGENT);

    assertTrue(m.matches(), BybitClient.USER_AGENT);
    String version = m.group(1);
    // Fails when resource filtering breaks: "unknown" (no file) or the unfiltered "${project.version}".
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
    assertEquals(System.getProperty("java.version"), m.group(2));
    String projectVersion = System.getProperty("bybitkit.projectVersion");
    if (projectVersion != null) { // set by surefire (sdk/pom.xml); absent when run from an IDE
      assertEquals(projectVersion, version, "the version the build gave the project");
    }
  }

  @Test
  void everyRequestCarriesTheUserAgent() throws Exception {
    // v2 GET after a 10002 and the time sync it triggers, v2 POST, v5 GET, public GET, async.
    server.enqueue(json("{\"ret_code\":10002,\"ret_msg\":\"invalid request, please check your timestamp\"}"));
    server.enqueue(recorded("getServerTime", "docs-2023.json"));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));
    server.enqueue(recorded("getV5ServerTime", "docs-v5.json"));
    BybitClient bybit = TestClients.client(server);

    bybit.inversePerpetual().account().getBalances();
    bybit.inversePerpetual().account().setLeverage("BTCUSD", 3, 3);
    bybit.v5().asset().getPortfolioMargin();
    bybit.inversePerpetual().account().getRiskLimit();
    bybit.v5().market().getV5ServerTimeAsync().get(10, TimeUnit.SECONDS);

    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RecordedRequest request = take(server);
      paths.add(request.getUrl().encodedPath());
      assertEquals(BybitClient.USER_AGENT, request.getHeaders().get("User-Agent"), request.getRequestLine());
    }
    assertEquals(List.of(BALANCE_PATH, "/v2/public/time", BALANCE_PATH, LEVERAGE_PATH, PORTFOLIO_PATH,
        RISK_LIMIT_PATH, "/v5/market/time"), paths);
  }

  // ------------------------------------------------------------------ a caller-supplied OkHttpClient

  @Test
  void theCallersInterceptorsSeeBybitKitsRequests() throws Exception {
    List<Request> beforeSigning = new CopyOnWriteArrayList<>();
    List<Request> onTheWire = new CopyOnWriteArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          beforeSigning.add(chain.request());
          return chain.proceed(chain.request());
        })
        .addNetworkInterceptor(chain -> {
          onTheWire.add(chain.request());
          return chain.proceed(chain.request());
        })
        .build();
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    BybitClient bybit = TestClients.builder(server).okHttpClient(shared).build();

    bybit.inversePerpetual().account().getBalances();
    bybit.v5().asset().getPortfolioMargin();

    assertEquals(List.of(BALANCE_PATH, PORTFOLIO_PATH),
        beforeSigning.stream().map(r -> r.url().encodedPath()).toList());
    // A network interceptor sees the request as sent: signed, with BybitKit's User-Agent.
    assertEquals(2, onTheWire.size());
    assertEquals(KEY, onTheWire.get(0).url().queryParameter("api_key"));
    assertNotNull(onTheWire.get(0).url().queryParameter("sign"));
    assertEquals(KEY, onTheWire.get(1).header("X-BAPI-API-KEY"));
    assertEquals(BybitClient.USER_AGENT, onTheWire.get(1).header("User-Agent"));
  }

  @Test
  void theCallersConnectionPoolAndEventListenerAreUsedAndSharedBetweenClients() throws Exception {
    ConnectionPool pool = new ConnectionPool();
    List<String> callsStarted = new CopyOnWriteArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder()
        .connectionPool(pool)
        .eventListener(new EventListener() {
          @Override
          public void callStart(Call call) {
            callsStarted.add(call.request().url().encodedPath());
          }
        })
        .build();
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    BybitClient first = TestClients.builder(server).okHttpClient(shared).build();
    BybitClient second = TestClients.builder(server).okHttpClient(shared).recvWindow(Duration.ofSeconds(2)).build();
    assertEquals(0, pool.connectionCount());

    first.inversePerpetual().account().getBalances();
    second.v5().asset().getPortfolioMargin();

    assertEquals(List.of(BALANCE_PATH, PORTFOLIO_PATH), callsStarted);
    assertEquals(1, pool.connectionCount(), "the caller's pool holds the connection");
    // Both clients used the same pooled connection.
    RecordedRequest a = take(server);
    RecordedRequest b = take(server);
    assertEquals(a.getConnectionIndex(), b.getConnectionIndex());
    assertEquals(List.of(0, 1), List.of(a.getExchangeIndex(), b.getExchangeIndex()));
  }

  @Test
  void theCallersDispatcherRunsAsyncCalls() throws Exception {
    AtomicInteger executed = new AtomicInteger();
    ExecutorService executor = new ThreadPoolExecutor(0, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
      @Override
      public void execute(Runnable command) {
        executed.incrementAndGet();
        super.execute(command);
      }
    };
    try {
      OkHttpClient shared = new OkHttpClient.Builder().dispatcher(new okhttp3.Dispatcher(executor)).build();
      server.enqueue(recorded("getBalances", "docs-2023.json"));
      BybitClient bybit = TestClients.builder(server).okHttpClient(shared).build();

      Map<String, BybitBalance> balances =
          bybit.inversePerpetual().account().getBalancesAsync().get(10, TimeUnit.SECONDS);

      assertEquals(1, executed.get());
      assertEquals(new BigDecimal("1002"), balances.get("BTC").equity());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theCallersClientIsNotChanged() throws Exception {
    Interceptor interceptor = chain -> chain.proceed(chain.request());
    Interceptor networkInterceptor = chain -> chain.proceed(chain.request());
    OkHttpClient shared = new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addNetworkInterceptor(networkInterceptor)
        .build();
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server)
        .okHttpClient(shared)
        .timeout(Duration.ofSeconds(7))
        .connectTimeout(Duration.ofSeconds(3))
        .logging(HttpLogLevel.BODY)
        .build();

    bybit.inversePerpetual().account().getBalances();

    assertEquals(List.of(interceptor), shared.interceptors());
    assertEquals(List.of(networkInterceptor), shared.networkInterceptors());
    assertEquals(0, shared.callTimeoutMillis());
    assertEquals(10_000, shared.connectTimeoutMillis());
    // The caller's own calls are still plain: not signed, OkHttp's User-Agent.
    take(server);
    server.enqueue(json("{}"));
    try (Response response = shared.newCall(new Request.Builder().url(server.url(BALANCE_PATH)).build()).execute()) {
      assertEquals(200, response.code());
    }
    RecordedRequest plain = take(server);
    SignatureVerifier.assertUnsigned(plain);
    assertTrue(plain.getHeaders().get("User-Agent").startsWith("okhttp/"), plain.getHeaders().get("User-Agent"));
  }

  @Test
  void theCallersReadTimeoutApplies() {
    OkHttpClient shared = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
    server.enqueue(slowBody());
    BybitClient bybit = TestClients.builder(server).okHttpClient(shared).retryPolicy(RetryPolicy.none()).build();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> bybit.inversePerpetual().account().getBalances());

    assertTrue(e.isTimeout(), e::toString);
  }

  // ------------------------------------------------------------------ a proxy, through the caller's client

  @Test
  void requestsGoThroughTheCallersProxy() throws Exception {
    // The server is the proxy; the target host cannot resolve, so only the proxy can have answered.
    OkHttpClient viaProxy = new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())))
        .build();
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    BybitClient bybit = BybitClient.builder()
        .baseUrl("http://api.bybit.invalid")
        .credentials(KEY, SECRET)
        .clock(Clock.fixed(TestClients.NOW, ZoneOffset.UTC))
        .okHttpClient(viaProxy)
        .build();

    Map<String, BybitBalance> balances = bybit.inversePerpetual().account().getBalances();
    BybitPortfolioMargin margin = bybit.v5().asset().getPortfolioMargin(
        GetPortfolioMarginRequest.builder().baseCoin("BTC").build());

    assertEquals(new BigDecimal("1002"), balances.get("BTC").equity());
    assertEquals(new BigDecimal("52197.86892104"), margin.wallet().equity());
    RecordedRequest v2 = take(server);
    assertTrue(v2.getTarget().startsWith("http://api.bybit.invalid" + BALANCE_PATH + "?"), v2.getTarget());
    assertEquals("api.bybit.invalid", v2.getHeaders().get("Host"));
    TestClients.verifier().verifyV2Query(v2);
    RecordedRequest v5 = take(server);
    assertEquals("http://api.bybit.invalid" + PORTFOLIO_PATH + "?baseCoin=BTC", v5.getTarget());
    assertEquals("api.bybit.invalid", v5.getHeaders().get("Host"));
    TestClients.verifier().verifyV5Get(v5);
  }

  // ------------------------------------------------------------------ environments

  @Test
  void mainnetAndTestnetAreBybitsHosts() {
    assertEquals("https://api.bybit.com", BybitClient.MAINNET);
    assertEquals("https://api-testnet.bybit.com", BybitClient.TESTNET);
  }

  @Test
  void theDefaultEnvironmentIsMainnet() {
    List<Request> seen = new CopyOnWriteArrayList<>();
    BybitClient bybit = BybitClient.builder().okHttpClient(answeringLocally(seen)).build();

    bybit.inversePerpetual().market().getServerTime();
    bybit.v5().market().getV5ServerTime();

    assertEquals(List.of("https://api.bybit.com/v2/public/time", "https://api.bybit.com/v5/market/time"),
        seen.stream().map(r -> r.url().toString()).toList());
  }

  @Test
  void testnetSendsToTheTestnetHost() {
    List<Request> seen = new CopyOnWriteArrayList<>();
    BybitClient bybit = BybitClient.builder().baseUrl(BybitClient.TESTNET).okHttpClient(answeringLocally(seen))
        .build();

    bybit.inversePerpetual().market().getServerTime();

    assertEquals("https://api-testnet.bybit.com/v2/public/time", seen.get(0).url().toString());
  }

  @Test
  void aCustomUrlKeepsItsPathAsAPrefixWithOrWithoutTrailingSlash() throws Exception {
    String withoutSlash = server.url("/gateway/bybit").toString();
    for (String baseUrl : List.of(withoutSlash, withoutSlash + "/")) {
      // A 10002 makes the client read the server time: that request keeps the prefix too.
      server.enqueue(json("{\"ret_code\":10002,\"ret_msg\":\"invalid request, please check your timestamp\"}"));
      server.enqueue(recorded("getServerTime", "docs-2023.json"));
      server.enqueue(recorded("getBalances", "docs-2023.json"));
      server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
      BybitClient bybit = TestClients.builder(server).baseUrl(baseUrl).build();

      bybit.inversePerpetual().account().getBalances();
      bybit.v5().asset().getPortfolioMargin();

      assertEquals("/gateway/bybit" + BALANCE_PATH, take(server).getUrl().encodedPath(), baseUrl);
      assertEquals("/gateway/bybit/v2/public/time", take(server).getUrl().encodedPath(), baseUrl);
      RecordedRequest retried = take(server);
      assertEquals("/gateway/bybit" + BALANCE_PATH, retried.getUrl().encodedPath(), baseUrl);
      RecordedRequest v5 = take(server);
      assertEquals("/gateway/bybit" + PORTFOLIO_PATH, v5.getUrl().encodedPath(), baseUrl);
      assertTrue(v5.getHeaders().get("X-BAPI-SIGN") != null, "signed");
    }
  }

  @Test
  void anInvalidBaseUrlIsRejected() {
    for (String bad : List.of("", "api.bybit.com", "ftp://api.bybit.com", "https://", "not a url")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> BybitClient.builder().baseUrl(bad), bad);
      assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> BybitClient.builder().baseUrl(null));
  }

  // ------------------------------------------------------------------ timeouts

  @Test
  void theClientTimeoutEndsASlowCall() {
    server.enqueue(slowBody());
    BybitClient bybit = TestClients.builder(server)
        .timeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.none())
        .build();
    long start = System.nanoTime();

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> bybit.inversePerpetual().account().getBalances());

    assertTrue(e.isTimeout(), e::toString);
    assertEquals("getBalances", e.operationId());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis < 5_000, "took " + millis + " ms, the body was 10 s away");
  }

  @Test
  void timeoutsReachTheCallAndPerCallOptionsOverrideThem() {
    List<Long> callTimeouts = new CopyOnWriteArrayList<>();
    List<Integer> connectTimeouts = new CopyOnWriteArrayList<>();
    OkHttpClient observing = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          callTimeouts.add(TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
          connectTimeouts.add(chain.connectTimeoutMillis());
          return chain.proceed(chain.request());
        })
        .build();
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server)
        .okHttpClient(observing)
        .timeout(Duration.ofMillis(2345))
        .connectTimeout(Duration.ofMillis(1234))
        .build();

    bybit.inversePerpetual().account().getRiskLimit();
    bybit.withOptions(RequestOptions.defaults().withTimeout(Duration.ofMillis(3456)))
        .inversePerpetual().account().getRiskLimit();

    assertEquals(List.of(2345L, 3456L), callTimeouts);
    assertEquals(List.of(1234, 1234), connectTimeouts);
  }

  @Test
  void timeoutsMustBePositive() {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
      assertThrows(IllegalArgumentException.class, () -> BybitClient.builder().timeout(bad), bad::toString);
      assertThrows(IllegalArgumentException.class, () -> BybitClient.builder().connectTimeout(bad), bad::toString);
      assertThrows(IllegalArgumentException.class, () -> RequestOptions.defaults().withTimeout(bad), bad::toString);
    }
    assertThrows(NullPointerException.class, () -> BybitClient.builder().timeout(null));
    assertThrows(NullPointerException.class, () -> BybitClient.builder().connectTimeout(null));
    assertThrows(NullPointerException.class, () -> RequestOptions.defaults().withTimeout(null));
  }

  // ------------------------------------------------------------------ one client, many threads

  @Test
  void oneClientServesConcurrentCallsFromManyThreads() throws Exception {
    EchoingDispatcher dispatcher = new EchoingDispatcher();
    server.setDispatcher(dispatcher);
    BybitClient bybit = TestClients.client(server);
    int threads = 8;
    int rounds = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          start.await();
          for (int round = 0; round < rounds; round++) {
            // Every answer echoes its request, so a response given to the wrong caller shows.
            callAll(bybit, thread * 100 + round + 1, (thread + round) % 2 == 0);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        try {
          worker.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // Rethrow a worker's assertion failure as itself, so the report shows it.
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }

    List<RecordedRequest> received = dispatcher.received();
    assertEquals(threads * rounds * 4, received.size());
    for (RecordedRequest request : received) {
      assertEquals(BybitClient.USER_AGENT, request.getHeaders().get("User-Agent"));
      switch (request.getUrl().encodedPath()) {
        case BALANCE_PATH -> TestClients.verifier().verifyV2Query(request);
        case LEVERAGE_PATH -> {
          Map<String, SignatureVerifier.JsonField> fields = TestClients.verifier().verifyV2Body(request);
          assertEquals(Set.of("symbol", "leverage"), fields.keySet());
        }
        case PORTFOLIO_PATH -> TestClients.verifier().verifyV5Get(request);
        case RISK_LIMIT_PATH -> SignatureVerifier.assertUnsigned(request);
        default -> throw new AssertionError("unexpected request " + request.getRequestLine());
      }
    }
  }

  /** v2 GET, v2 POST, v5 GET and a public GET, each with a value of its own ({@code n}), sync or async. */
  private static void callAll(BybitClient bybit, int n, boolean async) throws Exception {
    String coin = "C" + n;
    GetBalancesRequest balancesRequest = GetBalancesRequest.builder().asset(coin).build();
    Map<String, BybitBalance> balances = async
        ? await(bybit.inversePerpetual().account().getBalancesAsync(balancesRequest))
        : bybit.inversePerpetual().account().getBalances(balancesRequest);
    assertEquals(List.of(coin), List.copyOf(balances.keySet()));

    BigDecimal leverage = async
        ? await(bybit.inversePerpetual().account().setLeverageAsync("BTCUSD", n, n))
        : bybit.inversePerpetual().account().setLeverage("BTCUSD", n, n);
    assertEquals(BigDecimal.valueOf(n), leverage);

    GetPortfolioMarginRequest marginRequest = GetPortfolioMarginRequest.builder().baseCoin("B" + n).build();
    BybitPortfolioMargin margin = async
        ? await(bybit.v5().asset().getPortfolioMarginAsync(marginRequest))
        : bybit.v5().asset().getPortfolioMargin(marginRequest);
    assertEquals(new BigDecimal(n), margin.wallet().equity());

    GetRiskLimitRequest riskRequest = GetRiskLimitRequest.builder().symbol("S" + n).build();
    List<BybitRiskLimit> limits = async
        ? await(bybit.inversePerpetual().account().getRiskLimitAsync(riskRequest))
        : bybit.inversePerpetual().account().getRiskLimit(riskRequest);
    assertFalse(limits.isEmpty());
    for (BybitRiskLimit limit : limits) {
      assertEquals("S" + n, limit.symbol());
    }
  }

  /** Answers by path, putting the request's own value into the response. */
  private static final class EchoingDispatcher extends Dispatcher {
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      received.add(request);
      return switch (request.getUrl().encodedPath()) {
        case BALANCE_PATH -> json(RecordedResponses.body("getBalances", "docs-2023.json")
            .replace("\"BTC\"", "\"" + request.getUrl().queryParameter("coin") + "\""));
        case LEVERAGE_PATH -> json("{\"ret_code\":0,\"ret_msg\":\"ok\",\"result\":"
            + SignatureVerifier.jsonObject(request).get("leverage").text() + "}");
        case PORTFOLIO_PATH -> json(RecordedResponses.body("getPortfolioMargin", "docs-v5.json")
            .replace("\"equity\": \"52197.86892104\"",
                "\"equity\": \"" + request.getUrl().queryParameter("baseCoin").substring(1) + "\""));
        case RISK_LIMIT_PATH -> json(RecordedResponses.body("getRiskLimit", "docs-2023.json")
            .replaceAll("\"symbol\": \"[A-Z]+\"", "\"symbol\": \"" + request.getUrl().queryParameter("symbol") + "\""));
        default -> new MockResponse.Builder().code(404).build();
      };
    }

    List<RecordedRequest> received() {
      return List.copyOf(received);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  private static MockResponse slowBody() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(RecordedResponses.body("getBalances", "docs-2023.json"))
        .bodyDelay(10, TimeUnit.SECONDS)
        .build();
  }

  /** A client that never touches the network: it answers every request with a server-time body and records it. */
  private static OkHttpClient answeringLocally(List<Request> seen) {
    return new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.add(chain.request());
          String body = chain.request().url().encodedPath().startsWith("/v5/")
              ? RecordedResponses.body("getV5ServerTime", "docs-v5.json")
              : RecordedResponses.body("getServerTime", "docs-2023.json");
          return new Response.Builder()
              .request(chain.request())
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .body(ResponseBody.create(body, MediaType.get("application/json")))
              .build();
        })
        .build();
  }

  @Test
  void aRedirectIsNotFollowedSoTheSignedRequestNeverReachesAnotherHost() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      server.enqueue(new MockResponse.Builder().code(307)
          .setHeader("Location", elsewhere.url("/v2/private/wallet/balance").toString()).build());
      OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).build();
      BybitClient bybit = TestClients.builder(server).okHttpClient(following)
          .retryPolicy(RetryPolicy.none()).build();

      BybitHttpException e = assertThrows(BybitHttpException.class,
          () -> bybit.inversePerpetual().account().setLeverage("BTCUSD", 5, 5));

      assertEquals(307, e.status());
      assertEquals(0, elsewhere.getRequestCount());
      assertTrue(following.followRedirects(), "the caller's client is left as it was");
    }
  }
}
