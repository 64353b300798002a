package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.NOW_MILLIS;
import static io.github.bybitkit.TestClients.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.v5.GetPortfolioMarginRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Redacted logging: with logging at its most verbose level, no path through the client (successes, Bybit error codes,
 * HTTP errors, error pages that quote the signed request, bad bodies, dropped connections, timeouts) puts the API
 * secret, the full API key or a signature the server received into the log or into any exception text, cause and
 * suppressed exceptions included. The other tests check the logs say what they should at each level.
 */
class LoggingRedactionTest {
  private static final String BALANCE_PATH = "/v2/private/wallet/balance";
  private static final String LEVERAGE_PATH = "/v2/private/position/leverage/save";
  private static final String PORTFOLIO_PATH = "/v5/asset/portfolio-margin";
  /** Fast retries, so the paths that retry still run quickly; retries stay on because they are a path too. */
  private static final RetryPolicy FAST_RETRIES =
      RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  private static final RequestOptions SHORT_TIMEOUT = RequestOptions.defaults().withTimeout(Duration.ofMillis(300));

  @StartStop
  final MockWebServer server = new MockWebServer();

  // ------------------------------------------------------------------ every path at BODY level

  /** One way through the client: what the server answers, in order, and what the caller does. */
  record Path(List<Answer> answers, ClientCall call, Class<? extends Throwable> expected, List<String> logShows,
      List<String> errorShows) {}

  /** What the server answers to one request. */
  @FunctionalInterface
  interface Answer {
    MockResponse to(RecordedRequest request);
  }

  @FunctionalInterface
  interface ClientCall {
    Object run(BybitClient bybit) throws Exception;
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        // Successes.
        path("v2 GET", answers(r -> recorded("getBalances", "docs-2023.json")), LoggingRedactionTest::balances,
            null, List.of("<-- 200 GET " + BALANCE_PATH + " [getBalances]", "\"available_balance\"")),
        path("v2 POST setLeverage", answers(r -> recorded("setLeverage", "docs-2023.json")),
            LoggingRedactionTest::leverage, null,
            List.of("\"sign\":\"<redacted>\"", "<-- 200 POST " + LEVERAGE_PATH + " [setLeverage]")),
        path("v2 POST changeMargin", answers(r -> recorded("changeMargin", "docs-2023.json")),
            b -> b.inversePerpetual().account().changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.01")),
            null, List.of("\"api_key\":\"<redacted>\"", "<-- 200 POST /v2/private/position/change-position-margin")),
        path("v5 GET", answers(r -> recorded("getPortfolioMargin", "docs-v5.json")), LoggingRedactionTest::portfolio,
            null, List.of("X-BAPI-SIGN: <redacted>", "<-- 200 GET " + PORTFOLIO_PATH + " [getPortfolioMargin]")),
        path("v5 GET async", answers(r -> recorded("getPortfolioMargin", "docs-v5.json")),
            b -> await(b.v5().asset().getPortfolioMarginAsync()), null, List.of("<-- 200 GET " + PORTFOLIO_PATH)),
        path("public getRiskLimit", answers(r -> recorded("getRiskLimit", "docs-2023.json")),
            b -> b.inversePerpetual().account().getRiskLimit(), null,
            List.of("<-- 200 GET /v2/public/risk-limit/list [getRiskLimit]")),
        path("public getServerTime", answers(r -> recorded("getServerTime", "docs-2023.json")),
            b -> b.inversePerpetual().market().getServerTime(), null, List.of("<-- 200 GET /v2/public/time")),
        path("public getV5ServerTime", answers(r -> recorded("getV5ServerTime", "docs-v5.json")),
            b -> b.v5().market().getV5ServerTime(), null, List.of("<-- 200 GET /v5/market/time")),
        path("the API key echoed in a response field", answers(r -> json(apiKeyInfo("\"" + KEY + "\"", "1"))),
            b -> b.inversePerpetual().account().getApiKeyInfo(), null,
            List.of("\"api_key\": \"<redacted>\"", "<-- 200 GET /v2/private/account/api-key")),

        // 10002: the clock is measured and the request tried again.
        path("10002, time sync, success (v2 GET)",
            answers(r -> json(v2Error(10002, timestampMessage(r))), r -> recorded("getServerTime", "docs-2023.json"),
                r -> recorded("getBalances", "docs-2023.json")),
            LoggingRedactionTest::balances, null, List.of("\"ret_code\":10002", "<-- 200 GET /v2/public/time")),
        path("10002, time sync, success (v2 POST)",
            answers(r -> json(v2Error(10002, timestampMessage(r))), r -> recorded("getServerTime", "docs-2023.json"),
                r -> recorded("setLeverage", "docs-2023.json")),
            LoggingRedactionTest::leverage, null, List.of("<-- 200 POST " + LEVERAGE_PATH)),
        path("10002, time sync, success (v5 GET async)",
            answers(r -> json(v5Error(10002, timestampMessage(r))),
                r -> recorded("getV5ServerTime", "docs-v5.json"), r -> recorded("getPortfolioMargin", "docs-v5.json")),
            b -> await(b.v5().asset().getPortfolioMarginAsync()), null, List.of("<-- 200 GET /v5/market/time")),
        path("10002 again after time sync",
            answers(r -> json(v2Error(10002, timestampMessage(r))), r -> recorded("getServerTime", "docs-2023.json"),
                r -> json(v2Error(10002, timestampMessage(r)))),
            LoggingRedactionTest::balances, BybitTimestampException.class, List.of("<-- 200 GET /v2/public/time"),
            List.of("10002")),
        path("10002, then the time endpoint fails with a 502 page",
            answers(r -> json(v2Error(10002, timestampMessage(r))), r -> echoPage(502, r)),
            LoggingRedactionTest::leverage, BybitTimestampException.class, List.of("<-- 502 GET /v2/public/time"),
            List.of("Suppressed", "HTTP 502")),

        // Bybit's error codes, with messages that quote what was signed, as Bybit's 10004 does.
        path("10004 v2 GET quoting the signed string", answers(r -> json(v2Error(10004, signErrorMessage(r)))),
            LoggingRedactionTest::balances, BybitAuthenticationException.class, List.of("\"ret_code\":10004"),
            List.of("origin_string[api_key=Kx7v...&", "sign <signature>")),
        path("10004 v2 POST quoting the signed string", answers(r -> json(v2Error(10004, signErrorMessage(r)))),
            LoggingRedactionTest::leverage, BybitAuthenticationException.class, List.of("\"ret_code\":10004"),
            List.of("origin_string[api_key=Kx7v...&", "sign <signature>")),
        path("10004 v5 quoting the signed string", answers(r -> json(v5Error(10004, signErrorMessage(r)))),
            LoggingRedactionTest::portfolio, BybitAuthenticationException.class, List.of("\"retCode\":10004"),
            List.of("10004")),
        path("10006 v2", answers(r -> json(v2RateLimited())), LoggingRedactionTest::balances,
            BybitRateLimitException.class, List.of("\"ret_code\":10006"), List.of("10006")),
        path("10006 v5", answers(r -> v5RateLimited()), LoggingRedactionTest::portfolio,
            BybitRateLimitException.class, List.of("X-Bapi-Limit-Status: 0"), List.of("10006")),

        // HTTP errors.
        path("403 page quoting the v2 GET", answers(r -> echoPage(403, r)), LoggingRedactionTest::balances,
            BybitRateLimitException.class, List.of("<-- 403 GET " + BALANCE_PATH, "X-Echo-Sign: <signature>"),
            List.of("HTTP 403", "sign=<redacted>")),
        path("403 page quoting the v2 GET, async", answers(r -> echoPage(403, r)),
            b -> await(b.inversePerpetual().account().getBalancesAsync()), BybitRateLimitException.class,
            List.of("<-- 403 GET " + BALANCE_PATH), List.of("HTTP 403", "sign=<redacted>")),
        path("403 page quoting the v2 POST", answers(r -> echoPage(403, r)), LoggingRedactionTest::leverage,
            BybitRateLimitException.class, List.of("<-- 403 POST " + LEVERAGE_PATH), List.of("HTTP 403")),
        path("403 page quoting the v5 GET", answers(r -> echoPage(403, r)), LoggingRedactionTest::portfolio,
            BybitRateLimitException.class, List.of("<-- 403 GET " + PORTFOLIO_PATH), List.of("<signature>")),
        path("502 page quoting the v2 GET, retried", answers(r -> echoPage(502, r)), LoggingRedactionTest::balances,
            BybitHttpException.class, List.of("<-- 502 GET " + BALANCE_PATH), List.of("HTTP 502")),
        path("502 page quoting the v2 POST", answers(r -> echoPage(502, r)), LoggingRedactionTest::leverage,
            BybitHttpException.class, List.of("<-- 502 POST " + LEVERAGE_PATH), List.of("HTTP 502")),
        path("400 with a v2 envelope quoting the request",
            answers(r -> json(v2Error(10001, "params error: " + quoted(r))).newBuilder().code(400).build()),
            LoggingRedactionTest::leverage, BybitApiException.class, List.of("<-- 400 POST " + LEVERAGE_PATH),
            List.of("10001", "HTTP 400")),
        path("400 with a v5 envelope quoting the request",
            answers(r -> json(v5Error(10001, "params error: " + quoted(r))).newBuilder().code(400).build()),
            LoggingRedactionTest::portfolio, BybitApiException.class, List.of("<-- 400 GET " + PORTFOLIO_PATH),
            List.of("10001", "HTTP 400")),

        // Bodies that are not what the spec says.
        path("malformed JSON carrying the key",
            answers(r -> json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":1002,,\"api_key\":\""
                + KEY + "\"}}}")),
            LoggingRedactionTest::balances, BybitDecodingException.class, List.of("<-- 200 GET " + BALANCE_PATH),
            List.of("$.result.BTC")),
        path("an HTML page with status 200 quoting the request", answers(r -> echoPage(200, r)),
            LoggingRedactionTest::leverage, BybitDecodingException.class, List.of("<-- 200 POST " + LEVERAGE_PATH),
            List.of("setLeverage")),
        path("truncated JSON", answers(r -> json(truncatedBalances())), LoggingRedactionTest::balances,
            BybitDecodingException.class, List.of("<-- 200 GET " + BALANCE_PATH), List.of("truncated")),
        path("a value of the wrong type that is the API key",
            answers(r -> json(apiKeyInfo("\"" + KEY + "\"", "\"" + KEY + "\""))),
            b -> b.inversePerpetual().account().getApiKeyInfo(), BybitDecodingException.class,
            List.of("<-- 200 GET /v2/private/account/api-key"), List.of("user_id", "Kx7v...")),
        path("a value of the wrong type that is the signature",
            answers(r -> json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\""
                + SignatureVerifier.signatureOf(r) + "\"}}}")),
            LoggingRedactionTest::balances, BybitDecodingException.class, List.of("<-- 200 GET " + BALANCE_PATH),
            List.of("equity", "<signature>")),

        // The network.
        path("connection dropped before the response (v2 GET, retried)", answers(r -> dropped()),
            LoggingRedactionTest::balances, BybitTransportException.class, List.of("failed"), List.of("failed")),
        path("connection dropped before the response (v2 POST)", answers(r -> dropped()),
            LoggingRedactionTest::leverage, BybitTransportException.class, List.of("failed"), List.of("failed")),
        path("connection dropped before the response (v5 GET async)", answers(r -> dropped()),
            b -> await(b.v5().asset().getPortfolioMarginAsync()), BybitTransportException.class, List.of("failed"),
            List.of("failed")),
        path("connection dropped in the body", answers(r -> droppedInBody()), LoggingRedactionTest::balances,
            BybitTransportException.class, List.of("--> GET " + BALANCE_PATH), List.of("getBalances")),
        path("timeout in the body (v2 POST)", answers(r -> slowBody()),
            b -> b.withOptions(SHORT_TIMEOUT).inversePerpetual().account().setLeverage("BTCUSD", 3, 3),
            BybitTransportException.class, List.of("--> POST " + LEVERAGE_PATH), List.of("timed out")),
        path("timeout in the body (v5 GET async, retried)", answers(r -> slowBody()),
            b -> await(b.withOptions(SHORT_TIMEOUT).v5().asset().getPortfolioMarginAsync()),
            BybitTransportException.class, List.of("--> GET " + PORTFOLIO_PATH), List.of("timed out")),
        path("a broken status line quoting the request", answers(r -> brokenStatusLine(r)),
            LoggingRedactionTest::balances, BybitTransportException.class, List.of("failed: ProtocolException"),
            List.of("Caused by: java.io.IOException: java.net.ProtocolException: Unexpected status line")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void noPathLeaksTheSecretTheKeyOrASignatureAtBodyLevel(Path path) {
    CapturingLogger logger = new CapturingLogger();
    ScriptedDispatcher dispatcher = new ScriptedDispatcher(path.answers());
    server.setDispatcher(dispatcher);
    BybitClient bybit = TestClients.builder(server)
        .logging(HttpLogLevel.BODY)
        .logger(logger)
        .retryPolicy(FAST_RETRIES)
        .build();

    Throwable thrown = runCatching(path.call(), bybit);

    // The path went as intended, so the check below is about the texts it should produce.
    Throwable failure = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    if (path.expected() == null) {
      assertNull(thrown, () -> "expected success, got " + describe(thrown));
    } else {
      assertInstanceOf(path.expected(), failure, () -> describe(thrown));
      // The timeout paths must be recognisable as timeouts, the redacted cause chain notwithstanding.
      if (path.expected() == BybitTransportException.class && path.errorShows().contains("timed out")) {
        assertTrue(((BybitTransportException) failure).isTimeout(), failure.toString());
      }
    }
    List<RecordedRequest> received = dispatcher.received();
    assertFalse(received.isEmpty(), "the server received no request");
    Set<String> signatures = signaturesOf(received);

    String log = logger.text();
    for (RecordedRequest request : received) {
      assertTrue(log.contains("--> " + request.getMethod() + " " + request.getUrl().encodedPath()),
          () -> request.getRequestLine() + " is not in the log:\n" + log);
    }
    for (String expected : path.logShows()) {
      assertTrue(log.contains(expected), () -> "'" + expected + "' is not in the log:\n" + log);
    }
    assertNoCredential("the log", log, signatures);
    if (thrown != null) {
      String errorText = describe(thrown);
      for (String expected : path.errorShows()) {
        assertTrue(errorText.contains(expected), () -> "'" + expected + "' is not in:\n" + errorText);
      }
      assertNoCredential("the exception", errorText, signatures);
    }
  }

  private static Throwable runCatching(ClientCall call, BybitClient bybit) {
    try {
      call.run(bybit);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  /** The signatures the server received; every private request must have carried one, or the check is hollow. */
  private static Set<String> signaturesOf(List<RecordedRequest> received) {
    Set<String> signatures = new LinkedHashSet<>();
    for (RecordedRequest request : received) {
      String path = request.getUrl().encodedPath();
      boolean isPublic = path.startsWith("/v2/public/") || path.startsWith("/v5/market/");
      String signature = SignatureVerifier.signatureOf(request);
      if (isPublic) {
        assertNull(signature, path);
      } else {
        assertNotNull(signature, () -> "no signature on " + request.getRequestLine());
        signatures.add(signature);
      }
    }
    return signatures;
  }

  // ------------------------------------------------------------------ what each level logs

  @Test
  void bodyLevelLogsMethodPathStatusHeadersAndBodiesWithCredentialsRedacted() {
    CapturingLogger logger = new CapturingLogger();
    BybitClient bybit = clientLoggingAt(HttpLogLevel.BODY, logger);

    runV2GetV2PostAndV5Get(bybit);

    String log = logger.text();
    assertContainsAll(log,
        "--> GET " + BALANCE_PATH + "?api_key=<redacted>&recv_window=5000&timestamp=" + NOW_MILLIS
            + "&sign=<redacted> [getBalances]",
        "User-Agent: " + BybitClient.USER_AGENT,
        "<-- 200 GET " + BALANCE_PATH + " [getBalances]",
        "Content-Type: application/json",
        RecordedResponses.body("getBalances", "docs-2023.json").strip(),
        "--> POST " + LEVERAGE_PATH + " [setLeverage]",
        "\"symbol\":\"BTCUSD\",\"leverage\":3,\"api_key\":\"<redacted>\",\"recv_window\":5000,"
            + "\"timestamp\":" + NOW_MILLIS + ",\"sign\":\"<redacted>\"",
        "<-- 200 POST " + LEVERAGE_PATH + " [setLeverage]",
        RecordedResponses.body("setLeverage", "docs-2023.json").strip(),
        "--> GET " + PORTFOLIO_PATH + "?baseCoin=BTC [getPortfolioMargin]",
        "X-BAPI-API-KEY: Kx7v...",
        "X-BAPI-SIGN: <redacted>",
        "X-BAPI-TIMESTAMP: " + NOW_MILLIS,
        "X-BAPI-RECV-WINDOW: 5000",
        "<-- 200 GET " + PORTFOLIO_PATH + " [getPortfolioMargin]",
        "\"accountMMRate\": \"0.0204\"");
    assertTrue(logger.entries().stream().allMatch(e -> e.level() == Level.DEBUG), logger.entries()::toString);
    assertEquals(6, logger.entries().size(), "one line per request and one per response:\n" + log);
    assertNoCredential("the log", log, signaturesOf(takeAll(3)));
  }

  @Test
  void headersLevelLogsQueryAndHeadersButNoBodies() {
    CapturingLogger logger = new CapturingLogger();
    BybitClient bybit = clientLoggingAt(HttpLogLevel.HEADERS, logger);

    runV2GetV2PostAndV5Get(bybit);

    String log = logger.text();
    assertContainsAll(log, "?api_key=<redacted>&recv_window=5000", "&sign=<redacted> [getBalances]",
        "User-Agent: " + BybitClient.USER_AGENT, "X-BAPI-SIGN: <redacted>", "<-- 200 POST " + LEVERAGE_PATH);
    assertContainsNone(log, "\"leverage\"", "\"sign\"", "available_balance", "accountMMRate");
    assertNoCredential("the log", log, signaturesOf(takeAll(3)));
  }

  @Test
  void basicLevelLogsMethodPathOperationAndStatusOnly() {
    CapturingLogger logger = new CapturingLogger();
    BybitClient bybit = clientLoggingAt(HttpLogLevel.BASIC, logger);

    runV2GetV2PostAndV5Get(bybit);

    String log = logger.text();
    assertContainsAll(log, "--> GET " + BALANCE_PATH + " [getBalances]",
        "<-- 200 GET " + BALANCE_PATH + " [getBalances]",
        "--> POST " + LEVERAGE_PATH + " [setLeverage]", "<-- 200 POST " + LEVERAGE_PATH + " [setLeverage]",
        "--> GET " + PORTFOLIO_PATH + " [getPortfolioMargin]");
    // No query, no headers, no bodies.
    assertContainsNone(log, "?", "api_key", "sign", "timestamp", "baseCoin", "User-Agent", "X-BAPI", "buy_leverage",
        "available_balance", "Content-Type");
    assertEquals(6, logger.entries().size(), log);
  }

  @Test
  void noneLevelLogsNothing() {
    CapturingLogger logger = new CapturingLogger();
    BybitClient bybit = clientLoggingAt(HttpLogLevel.NONE, logger);

    runV2GetV2PostAndV5Get(bybit);

    assertEquals(List.of(), logger.entries());
  }

  @Test
  void loggingIsOffByDefault() {
    CapturingLogger logger = new CapturingLogger();
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server).logger(logger).build();

    bybit.inversePerpetual().account().getBalances();

    assertEquals(List.of(), logger.entries());
  }

  @Test
  void aLoggerThatDoesNotLogDebugIsNotWrittenTo() {
    CapturingLogger logger = new CapturingLogger(Level.INFO);
    BybitClient bybit = clientLoggingAt(HttpLogLevel.BODY, logger);

    runV2GetV2PostAndV5Get(bybit);

    assertEquals(List.of(), logger.entries());
  }

  private BybitClient clientLoggingAt(HttpLogLevel level, CapturingLogger logger) {
    return TestClients.builder(server).logging(level).logger(logger).build();
  }

  private void runV2GetV2PostAndV5Get(BybitClient bybit) {
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    bybit.inversePerpetual().account().getBalances();
    bybit.inversePerpetual().account().setLeverage("BTCUSD", 3, 3);
    bybit.v5().asset().getPortfolioMargin(GetPortfolioMarginRequest.builder().baseCoin("BTC").build());
  }

  private List<RecordedRequest> takeAll(int count) {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        requests.add(TestClients.take(server));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return requests;
  }

  // ------------------------------------------------------------------ toString

  @Test
  void credentialsToStringShowsOnlyTheStartOfTheKey() {
    String text = Credentials.of(KEY, SECRET).toString();

    assertEquals("Credentials[apiKey=Kx7v..., apiSecret=***]", text);
  }

  @Test
  void clientToStringShowsNeitherTheKeyNorTheSecret() {
    BybitClient bybit = TestClients.builder(server).build();
    BybitClient view = bybit.withOptions(SHORT_TIMEOUT);

    for (String text : List.of(bybit.toString(), view.toString())) {
      assertContainsAll(text, "Kx7v...", "***", server.url("/").toString());
      assertNoCredential("toString", text, Set.of());
    }
  }

  // ------------------------------------------------------------------ the check itself

  @Test
  void theLeakCheckCatchesEachCredentialInAnyCase() {
    String signature = SignatureVerifier.hmacSha256Hex(SECRET, "payload");

    assertThrows(AssertionFailedError.class, () -> assertNoCredential("t", "x" + SECRET + "x", Set.of()));
    assertThrows(AssertionFailedError.class, () -> assertNoCredential("t", "key=" + KEY, Set.of()));
    assertThrows(AssertionFailedError.class,
        () -> assertNoCredential("t", "sign=" + signature.toUpperCase(Locale.ROOT), Set.of(signature)));
    assertNoCredential("t", "api_key=Kx7v...&sign=<redacted>", Set.of(signature));
  }

  // ------------------------------------------------------------------ helpers: checks

  /** Fails when {@code text} holds the secret, the full API key or one of the signatures, in any letter case. */
  static void assertNoCredential(String where, String text, Collection<String> signatures) {
    String lower = text.toLowerCase(Locale.ROOT);
    Map<String, String> forbidden = new TreeMap<>();
    forbidden.put("the API secret", SECRET);
    forbidden.put("the full API key", KEY);
    int i = 0;
    for (String signature : signatures) {
      forbidden.put("signature " + i++, signature);
    }
    forbidden.forEach((what, value) -> assertFalse(lower.contains(value.toLowerCase(Locale.ROOT)),
        () -> what + " is in " + where + ":\n" + text));
  }

  private static void assertContainsAll(String text, String... expected) {
    for (String e : expected) {
      assertTrue(text.contains(e), () -> "'" + e + "' is not in:\n" + text);
    }
  }

  private static void assertContainsNone(String text, String... unexpected) {
    for (String e : unexpected) {
      assertFalse(text.contains(e), () -> "'" + e + "' is in:\n" + text);
    }
  }

  /** Everything a caller may print of an exception: message, toString, the stack trace with causes and suppressed. */
  static String describe(Throwable thrown) {
    if (thrown == null) {
      return "null";
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    StringBuilder text = new StringBuilder(thrown.getMessage() + "\n" + thrown + "\n" + trace);
    // The accessors that carry server text.
    Set<Throwable> all = new LinkedHashSet<>();
    collect(thrown, all);
    for (Throwable t : all) {
      text.append('\n').append(t.getLocalizedMessage());
      if (t instanceof BybitApiException api) {
        text.append('\n').append(api.retMsg());
      } else if (t instanceof BybitRateLimitException limited) {
        text.append('\n').append(limited.retMsg().orElse(""));
      } else if (t instanceof BybitHttpException http) {
        text.append('\n').append(http.bodyPreview());
      }
    }
    return text.toString();
  }

  private static void collect(Throwable t, Set<Throwable> all) {
    if (t == null || !all.add(t)) {
      return;
    }
    collect(t.getCause(), all);
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, all);
    }
  }

  private static Object await(CompletableFuture<?> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  // ------------------------------------------------------------------ helpers: calls

  private static Object balances(BybitClient bybit) {
    return bybit.inversePerpetual().account().getBalances();
  }

  private static Object leverage(BybitClient bybit) {
    return bybit.inversePerpetual().account().setLeverage("BTCUSD", 3, 3);
  }

  private static Object portfolio(BybitClient bybit) {
    return bybit.v5().asset().getPortfolioMargin(GetPortfolioMarginRequest.builder().baseCoin("BTC").build());
  }

  // ------------------------------------------------------------------ helpers: answers

  private static List<Answer> answers(Answer... a) {
    return List.of(a);
  }

  private static Arguments path(String name, List<Answer> answers, ClientCall call,
      Class<? extends Throwable> expected, List<String> logShows) {
    return path(name, answers, call, expected, logShows, List.of());
  }

  private static Arguments path(String name, List<Answer> answers, ClientCall call,
      Class<? extends Throwable> expected, List<String> logShows, List<String> errorShows) {
    return Arguments.of(named(name, new Path(answers, call, expected, logShows, errorShows)));
  }

  /**
   * The whole signed request as text: request line, every header, the body. Proxies, firewalls and some API errors
   * quote requests like this.
   */
  private static String quoted(RecordedRequest r) {
    StringBuilder text = new StringBuilder(r.getRequestLine());
    String sign = r.getHeaders().get("X-BAPI-SIGN");
    if (sign != null) {
      text.append(" X-BAPI-SIGN=").append(sign).append(" X-BAPI-API-KEY=").append(r.getHeaders().get("X-BAPI-API-KEY"));
    }
    if (r.getBodySize() > 0) {
      text.append(' ').append(r.getBody().utf8());
    }
    for (int i = 0; i < r.getHeaders().size(); i++) {
      text.append(' ').append(r.getHeaders().name(i)).append(": ").append(r.getHeaders().value(i));
    }
    return text.toString();
  }

  /** An HTML error page quoting the request near its start (so it is in the exception's preview too). */
  private static MockResponse echoPage(int code, RecordedRequest r) {
    String html = "<html><head><title>" + code + "</title></head><body><p>Blocked " + quoted(r) + "</p>\n<p>URL "
        + r.getUrl() + "</p></body></html>";
    MockResponse.Builder response = new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .setHeader("X-Echo-Request", r.getRequestLine())
        .body(html);
    String signature = SignatureVerifier.signatureOf(r);
    if (signature != null) {
      response.setHeader("X-Echo-Sign", signature);
    }
    return response.build();
  }

  /** Bybit's 10004 quotes the string it expected to be signed, API key included. */
  private static String signErrorMessage(RecordedRequest r) {
    String v5Sign = r.getHeaders().get("X-BAPI-SIGN");
    if (v5Sign != null) {
      return "error sign! origin_string[" + r.getHeaders().get("X-BAPI-TIMESTAMP")
          + r.getHeaders().get("X-BAPI-API-KEY")
          + r.getHeaders().get("X-BAPI-RECV-WINDOW") + SignatureVerifier.rawQuery(r) + "], sign=" + v5Sign;
    }
    Map<String, String> params = new TreeMap<>();
    if (r.getBodySize() > 0) {
      SignatureVerifier.jsonObject(r).forEach((name, field) -> params.put(name, field.text()));
    } else {
      params.putAll(SignatureVerifier.queryParameters(r));
    }
    String sign = params.remove("sign");
    return "error sign! origin_string[" + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&")) + "] sign " + sign;
  }

  private static String timestampMessage(RecordedRequest r) {
    return "invalid request, please check your timestamp and recv_window param. " + quoted(r);
  }

  private static String v2Error(int code, String message) {
    return "{\"ret_code\":" + code + ",\"ret_msg\":" + jsonString(message)
        + ",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,\"time_now\":\"1709618828.200000\"}";
  }

  private static String v5Error(int code, String message) {
    return "{\"retCode\":" + code + ",\"retMsg\":" + jsonString(message)
        + ",\"result\":{},\"retExtInfo\":{},\"time\":1709618828200}";
  }

  private static String v2RateLimited() {
    return "{\"ret_code\":10006,\"ret_msg\":\"too many visits!\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,"
        + "\"time_now\":\"1709618828.200000\",\"rate_limit_status\":0,\"rate_limit_reset_ms\":" + (NOW_MILLIS + 60_000)
        + ",\"rate_limit\":120}";
  }

  private static MockResponse v5RateLimited() {
    return recorded("getPortfolioMargin", "error-10006-too-many-visits.json").newBuilder()
        .setHeader("X-Bapi-Limit", "10")
        .setHeader("X-Bapi-Limit-Status", "0")
        .setHeader("X-Bapi-Limit-Reset-Timestamp", NOW_MILLIS + 60_000)
        .build();
  }

  /** A getApiKeyInfo response whose api_key and user_id hold the given JSON values. */
  private static String apiKeyInfo(String apiKeyJson, String userIdJson) {
    return "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":[{\"api_key\": "
        + apiKeyJson + ",\"type\":\"personal\",\"user_id\":" + userIdJson + ",\"inviter_id\":0,\"ips\":[\"*\"],"
        + "\"note\":\"apikey\",\"permissions\":[\"Order\"],\"created_at\":\"2022-08-25T07:16:07Z\","
        + "\"expired_at\":\"2022-11-25T07:16:07Z\",\"read_only\":false,\"vip_level\":\"VIP-1\","
        + "\"mkt_maker_level\":\"0\",\"affiliate_id\":0}],\"time_now\":\"1664188595.552202\"}";
  }

  private static String truncatedBalances() {
    String body = RecordedResponses.body("getBalances", "docs-2023.json");
    return body.substring(0, body.indexOf("\"used_margin\""));
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  private static MockResponse droppedInBody() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(RecordedResponses.body("getBalances", "docs-2023.json"))
        .throttleBody(64, 10, TimeUnit.MILLISECONDS)
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
        .build();
  }

  private static MockResponse slowBody() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(RecordedResponses.body("setLeverage", "docs-2023.json"))
        .bodyDelay(5, TimeUnit.SECONDS)
        .build();
  }

  /** A status line OkHttp cannot parse, quoting the request line (query with api_key and sign). */
  private static MockResponse brokenStatusLine(RecordedRequest r) {
    return new MockResponse.Builder().status("HTTP/1.1 ??? " + r.getRequestLine()).build();
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  // ------------------------------------------------------------------ helpers: server and logger

  /** Answers in script order; the last answer repeats, so retries get one too. Keeps every request it saw. */
  static final class ScriptedDispatcher extends Dispatcher {
    private final List<Answer> answers;
    private final AtomicInteger next = new AtomicInteger();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    ScriptedDispatcher(List<Answer> answers) {
      this.answers = answers;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      received.add(request);
      return answers.get(Math.min(next.getAndIncrement(), answers.size() - 1)).to(request);
    }

    List<RecordedRequest> received() {
      return List.copyOf(received);
    }
  }

  /**
   * A {@link System.Logger} that keeps everything it is given, as it would be printed: bundles resolved, parameters
   * formatted (and listed), throwables with their stack traces.
   */
  static final class CapturingLogger implements System.Logger {
    record Entry(Level level, String text) {}

    private final Level threshold;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    CapturingLogger() {
      this(Level.ALL);
    }

    CapturingLogger(Level threshold) {
      this.threshold = threshold;
    }

    @Override
    public String getName() {
      return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      entries.add(new Entry(level, localized(bundle, msg) + (thrown == null ? "" : "\n" + describe(thrown))));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      String pattern = localized(bundle, format);
      StringBuilder text = new StringBuilder(
          params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params));
      if (params != null) {
        for (Object param : params) {
          text.append('\n').append(param instanceof Throwable t ? describe(t) : String.valueOf(param));
        }
      }
      entries.add(new Entry(level, text.toString()));
    }

    private static String localized(ResourceBundle bundle, String key) {
      if (bundle == null || key == null) {
        return String.valueOf(key);
      }
      try {
        return bundle.getString(key);
      } catch (MissingResourceException e) {
        return key;
      }
    }

    List<Entry> entries() {
      return List.copyOf(entries);
    }

    String text() {
      return entries.stream().map(Entry::text).collect(Collectors.joining("\n"));
    }
  }
}
