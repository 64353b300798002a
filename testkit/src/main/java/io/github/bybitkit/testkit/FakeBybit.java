package io.github.bybitkit.testkit;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A fake Bybit REST server on loopback, built on MockWebServer, for tests of code that uses BybitKit.
 *
 * <pre>{@code
 * try (FakeBybit fake = FakeBybit.start()) {
 *   BybitClient client = fake.clientBuilder().build();
 *   client.inversePerpetual().account().setLeverage("BTCUSD", 10, 10);
 *   assertEquals(new BigDecimal("10"), fake.account().position("BTCUSD").leverage());
 * }
 * }</pre>
 *
 * <p>What it does:
 * <ul>
 *   <li>Serves every operation of the spec at its real method and path ({@link BybitOperations}); answers are the
 *       recorded responses of {@code spec/recorded/}, packaged in the test kit. Another path, or another method on a
 *       known path, is an HTTP 404 with 10017.</li>
 *   <li>Checks requests as Bybit does, in Bybit's order: the API key (10003), the timestamp against its own clock
 *       and the receive window, {@code server - recvWindow <= timestamp < server + 1000} (10002), the v2 or v5
 *       signature with the configured secret (10004), then the parameters against the spec: required, JSON type,
 *       enum values, ranges, non-zero (10001, naming the parameter). Public operations are not signature-checked.
 *       v5 history calls are refused (10001) beyond Bybit's time windows: 7 days for closed P&amp;L, trade history and
 *       the transaction logs, less than 30 days for withdrawals.
 *       Refusals are Bybit's envelopes, so a wrong client fails against the fake as it would against Bybit.</li>
 *   <li>Keeps a small {@link AccountState}: leverage, cross/isolated margin, TP/SL mode, risk id and position margin
 *       per symbol show up in getPositions; changeMargin moves margin between the position and the balance. v5
 *       shares it: getPositionInfo and getWalletBalance read it; setLeverage (110043 when unchanged, buy = sell for
 *       inverse), the account-wide setMarginMode (seen in getAccountInfo) and addOrReduceMargin change it.</li>
 *   <li>Serves v5 history (closed P&amp;L, trade history, transaction log, withdrawals) from a timeline of records that
 *       ends when the fake started ({@link AccountState#setHistory}), in pages linked by {@code nextPageCursor}, and
 *       reports each v5 operation's rate limit in the {@code X-Bapi-Limit*} headers.</li>
 *   <li>Answers server time ({@code /v2/public/time}, {@code /v5/market/time}, every envelope's {@code time_now} or
 *       {@code time}) from its own clock.</li>
 *   <li>Injects faults into the next calls of an operation ({@link #failNext}, {@link #failNextWithStatus},
 *       {@link #delayNext}, {@link #dropNext}, {@link #rateLimitNext}) and records every request it received
 *       ({@link #requests()}).</li>
 * </ul>
 *
 * <p>Thread-safe; requests are served on MockWebServer's threads. In JUnit 5 tests, {@link FakeBybitExtension}
 * starts one per test and closes it afterwards.
 */
public final class FakeBybit implements AutoCloseable {
  /** The API key a fake accepts unless built with other credentials. */
  public static final String API_KEY = "fake-bybit-key-0001";
  /** The secret of {@link #API_KEY}. Fake: it guards nothing. */
  public static final String API_SECRET = "fake-bybit-secret-not-for-production";
  /** The request limit v5 answers report per operation unless told otherwise (portfolio margin allows 50/s). */
  static final int V5_DEFAULT_LIMIT = 50;
  /**
   * The v5 operations whose limit is not {@link #V5_DEFAULT_LIMIT}, from Bybit's rate-limit table (per second; the
   * asset records per minute).
   */
  static final Map<String, Integer> V5_LIMITS = Map.of(
      "addOrReduceMargin", 10,
      "v5SetLeverage", 10,
      "setTradingStop", 10,
      "getTransactionLog", 25,
      "setMarginMode", 5,
      "v5GetApiKeyInfo", 10,
      "getWithdrawalRecords", 300,
      "getCoinExchangeRecords", 600);

  private static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

  private final MockWebServer server = new MockWebServer();
  private final String apiKey;
  private final String apiSecret;
  private final Clock clock;
  private final Authenticator authenticator;
  private final RecordedAnswers answers;
  private final AccountState account;
  private final Operations operations;
  private final Faults faults = new Faults();
  private final List<ReceivedRequest> received = new ArrayList<>();
  /** Operations by path, then by HTTP method. */
  private final Map<String, Map<String, OperationInfo>> routes = new LinkedHashMap<>();

  private FakeBybit(Builder builder) {
    this.apiKey = builder.apiKey;
    this.apiSecret = builder.apiSecret;
    this.clock = builder.clock;
    if (builder.rsaKeys.containsKey(apiKey)) {
      throw new IllegalArgumentException("rsaKey: API key " + Credentials.redact(apiKey)
          + " is already the fake's HMAC key");
    }
    this.authenticator = new Authenticator(apiKey, apiSecret, builder.rsaKeys);
    this.answers = RecordedAnswers.load(FakeBybit.class.getClassLoader());
    this.account = Operations.seedAccount(answers);
    account.setHistoryEnd(clock.instant());
    this.operations = new Operations(answers, account, apiKey);
    for (OperationInfo op : BybitOperations.all()) {
      answers.defaultAnswer(op.operationId()); // fails now, naming the operation, rather than on its first call
      routes.computeIfAbsent(op.path(), p -> new LinkedHashMap<>()).put(op.httpMethod().name(), op);
    }
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return FakeBybit.this.dispatch(request);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), builder.port);
    } catch (IOException e) {
      throw new UncheckedIOException("FakeBybit cannot listen on port " + builder.port, e);
    }
  }

  /** Starts a fake on a free loopback port with {@link #API_KEY}, {@link #API_SECRET} and the system clock. */
  public static FakeBybit start() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where the fake listens, e.g. {@code http://127.0.0.1:54321/}: give it to {@code BybitClient.Builder.baseUrl}. */
  public String baseUrl() {
    // The bound address rather than MockWebServer's host name: "localhost" may resolve to another loopback address.
    return new HttpUrl.Builder().scheme("http").host(server.getSocketAddress().getAddress().getHostAddress())
        .port(server.getPort()).build().toString();
  }

  public int port() {
    return server.getPort();
  }

  /** A client builder preset with {@link #baseUrl()} and the credentials the fake accepts. */
  public BybitClient.Builder clientBuilder() {
    return BybitClient.builder().baseUrl(baseUrl()).credentials(apiKey, apiSecret);
  }

  /** The API key the fake accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** The clock the fake checks timestamps against and reports as server time. */
  public Clock clock() {
    return clock;
  }

  /** The account the fake keeps: read it to assert, set it up before calling. */
  public AccountState account() {
    return account;
  }

  /** Stops listening. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  // ---------------------------------------------------------------- fault injection

  /**
   * The next {@code times} calls of the operation are answered with Bybit's error envelope carrying
   * {@code retCode} and {@code retMsg} (HTTP 200), whatever the request. Rate-limit state comes along as on any
   * answer of the operation.
   *
   * @param operationId an operation id of {@link BybitOperations}, e.g. "getBalances"
   */
  public void failNext(String operationId, int times, int retCode, String retMsg) {
    faults.add(operation(operationId).operationId(), Faults.Kind.CODE, times,
        new Faults.FailWithCode(retCode, Objects.requireNonNull(retMsg, "retMsg")));
  }

  /**
   * The next {@code times} calls of the operation get this HTTP answer instead (a CDN's 502 page, a 403 of the IP
   * limit, ...).
   *
   * @param contentType the Content-Type header, or null for none
   * @param body the body, "" for none
   */
  public void failNextWithStatus(String operationId, int times, int httpStatus, String contentType, String body) {
    if (httpStatus < 100 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be between 100 and 599, was " + httpStatus);
    }
    faults.add(operation(operationId).operationId(), Faults.Kind.STATUS, times,
        new Faults.FailWithStatus(httpStatus, contentType, Objects.requireNonNull(body, "body")));
  }

  /** The next {@code times} answers of the operation are held back for {@code delay} before their headers. */
  public void delayNext(String operationId, int times, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    faults.add(operation(operationId).operationId(), Faults.Kind.DELAY, times, new Faults.Delay(delay));
  }

  /**
   * For the next {@code times} calls of the operation, the connection is closed after the request was read and
   * before anything is answered: the client cannot know whether the request was executed.
   */
  public void dropNext(String operationId, int times) {
    faults.add(operation(operationId).operationId(), Faults.Kind.DROP, times, new Faults.Drop());
  }

  /**
   * The next {@code times} answers of the operation report this rate-limit state: v2 in the body's
   * {@code rate_limit}, {@code rate_limit_status} and {@code rate_limit_reset_ms}, v5 in the
   * {@code X-Bapi-Limit}, {@code X-Bapi-Limit-Status} and {@code X-Bapi-Limit-Reset-Timestamp} headers.
   *
   * @param remaining requests left in the window, e.g. 1 for "nearly exhausted"
   * @param resetAt when the window resets
   */
  public void rateLimitNext(String operationId, int times, int limit, int remaining, Instant resetAt) {
    Objects.requireNonNull(resetAt, "resetAt");
    if (limit < 0 || remaining < 0) {
      throw new IllegalArgumentException("limit and remaining must not be negative, were " + limit + ", "
          + remaining);
    }
    faults.add(operation(operationId).operationId(), Faults.Kind.RATE_LIMIT, times,
        new Faults.RateLimitState(limit, remaining, resetAt));
  }

  /** Forgets every fault that has not happened yet. */
  public void clearFaults() {
    faults.clear();
  }

  // ---------------------------------------------------------------- received requests

  /** Every request received so far, in order. */
  public List<ReceivedRequest> requests() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The requests received for one operation, in order. */
  public List<ReceivedRequest> requests(String operationId) {
    String id = operation(operationId).operationId();
    return requests().stream().filter(r -> r.operationId().filter(id::equals).isPresent()).toList();
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    synchronized (received) {
      received.clear();
    }
  }

  private static OperationInfo operation(String operationId) {
    return BybitOperations.byId(Objects.requireNonNull(operationId, "operationId"));
  }

  // ---------------------------------------------------------------- serving

  private MockResponse dispatch(RecordedRequest recorded) {
    Instant now = clock.instant();
    IncomingRequest request = new IncomingRequest(recorded);
    try {
      return route(request, now);
    } catch (RuntimeException bug) {
      // A fault of the fake itself: say so in the answer rather than leave the client with a closed connection.
      Answer answer = new Answer.Http(500, "text/plain; charset=utf-8", "FakeBybit failed: " + bug, Map.of());
      return respond(null, request, now, answer, Faults.Active.NONE);
    }
  }

  private MockResponse route(IncomingRequest request, Instant now) {
    Map<String, OperationInfo> byMethod = routes.get(request.path);
    OperationInfo op = byMethod == null ? null : byMethod.get(request.method);
    if (op == null) {
      EnvelopeKind kind = request.path.startsWith("/v5/") ? EnvelopeKind.V5 : EnvelopeKind.V2;
      String message = byMethod == null ? "request path not found" : "request method " + request.method
          + " is not supported, use " + String.join(" or ", byMethod.keySet());
      Answer answer = Answer.json(404, Envelopes.error(kind, BybitCodes.PATH_OR_METHOD, message, now));
      return respond(null, request, now, answer, Faults.Active.NONE);
    }
    Faults.Active fault = faults.take(op.operationId());
    Answer answer;
    if (fault.drop() != null) {
      answer = Answer.DROP;
    } else if (fault.status() != null) {
      answer = Answer.raw(fault.status());
    } else if (fault.code() != null) {
      answer = Answer.json(200, withRateLimit(op, Envelopes.error(op.envelope(), fault.code().retCode(),
          fault.code().retMsg(), now), now, fault));
    } else {
      answer = serve(op, request, now, fault);
    }
    return respond(op, request, now, answer, fault);
  }

  /** The answer Bybit would give: a refusal of the checks, or the operation's answer. */
  private Answer serve(OperationInfo op, IncomingRequest request, Instant now, Faults.Active fault) {
    try {
      authenticator.check(op, request, now.toEpochMilli());
    } catch (Refusal refusal) {
      return Answer.json(200, Envelopes.error(op.envelope(), refusal.retCode, refusal.retMsg, now));
    }
    Map<String, Object> envelope;
    try {
      ParameterChecks.check(op, request);
      envelope = operations.answer(op, request, now);
      Envelopes.stamp(op.envelope(), envelope, now);
    } catch (Refusal refusal) {
      envelope = Envelopes.error(op.envelope(), refusal.retCode, refusal.retMsg, now);
    }
    return Answer.json(200, withRateLimit(op, envelope, now, fault));
  }

  /**
   * Adds the rate-limit state to an answer of a private operation that got past authentication: the injected one,
   * or a fresh window (one request used, resetting now) where Bybit reports one (v5 headers; v2 body fields where
   * the recorded answer has them).
   */
  private Answer.Envelope withRateLimit(OperationInfo op, Map<String, Object> envelope, Instant now,
      Faults.Active fault) {
    Faults.RateLimitState state = fault.rateLimit();
    Map<String, String> headers = new LinkedHashMap<>();
    if (op.auth() != AuthScheme.NONE) {
      if (op.envelope() == EnvelopeKind.V2) {
        Integer recordedLimit = Envelopes.v2Limit(Json.object(answers.defaultAnswer(op.operationId()).tree()));
        if (state != null) {
          Envelopes.putV2RateLimit(envelope, state.limit(), state.remaining(), state.resetAt().toEpochMilli());
        } else if (recordedLimit != null) {
          Envelopes.putV2RateLimit(envelope, recordedLimit, recordedLimit - 1, now.toEpochMilli());
        }
      } else {
        int limit = state != null ? state.limit() : V5_LIMITS.getOrDefault(op.operationId(), V5_DEFAULT_LIMIT);
        headers.put("X-Bapi-Limit", Integer.toString(limit));
        headers.put("X-Bapi-Limit-Status", Integer.toString(state != null ? state.remaining() : limit - 1));
        headers.put("X-Bapi-Limit-Reset-Timestamp",
            Long.toString((state != null ? state.resetAt() : now).toEpochMilli()));
      }
    }
    return new Answer.Envelope(envelope, headers);
  }

  /** Logs the request with its answer and turns the answer into MockWebServer's response. */
  private MockResponse respond(OperationInfo op, IncomingRequest request, Instant now, Answer answer,
      Faults.Active fault) {
    Duration delay = fault.delay() == null ? Duration.ZERO : fault.delay().delay();
    MockResponse.Builder response = new MockResponse.Builder();
    int status = 0;
    Integer retCode = null;
    if (answer == Answer.DROP) {
      response.onResponseStart(new SocketEffect.CloseSocket());
    } else {
      status = answer.status();
      String body = answer.body();
      retCode = Envelopes.retCodeOf(body);
      response.code(status).body(body);
      if (answer.contentType() != null) {
        response.setHeader("Content-Type", answer.contentType());
      }
      answer.headers().forEach(response::setHeader);
    }
    if (!delay.isZero()) {
      response.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    synchronized (received) {
      received.add(new ReceivedRequest(received.size() + 1, op == null ? null : op.operationId(), request, now,
          status, retCode, answer == Answer.DROP, delay));
    }
    return response.build();
  }

  /** What the fake sends back. */
  private sealed interface Answer {
    Answer DROP = new Dropped();

    int status();

    String contentType();

    String body();

    Map<String, String> headers();

    static Answer json(int status, Map<String, Object> envelope) {
      return json(status, new Envelope(envelope, Map.of()));
    }

    static Answer json(int status, Envelope envelope) {
      return new Http(status, JSON_CONTENT_TYPE, Json.write(envelope.body()), envelope.headers());
    }

    static Answer raw(Faults.FailWithStatus failure) {
      return new Http(failure.httpStatus(), failure.contentType(), failure.body(), Map.of());
    }

    /** An envelope with the headers that go with it. */
    record Envelope(Map<String, Object> body, Map<String, String> headers) {}

    record Http(int status, String contentType, String body, Map<String, String> headers) implements Answer {}

    record Dropped() implements Answer {
      public int status() {
        return 0;
      }

      public String contentType() {
        return null;
      }

      public String body() {
        return "";
      }

      public Map<String, String> headers() {
        return Map.of();
      }
    }
  }

  @Override
  public String toString() {
    return "FakeBybit[" + baseUrl() + ", apiKey=" + Credentials.redact(apiKey) + "]";
  }

  /** Configures a {@link FakeBybit}; {@link #build()} starts it. */
  public static final class Builder {
    private String apiKey = API_KEY;
    private String apiSecret = API_SECRET;
    private Clock clock = Clock.systemUTC();
    private int port;
    private final Map<String, PublicKey> rsaKeys = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Also accepts a self-generated RSA key: v5 requests with this API key must be signed SHA256withRSA (base64) by
     * the private key that belongs to {@code publicKey}, as Bybit checks them with the public key uploaded for the
     * key. Such a key cannot sign v2 requests (10003). Call once per key; the HMAC credentials stay accepted too.
     *
     * @throws IllegalArgumentException if the API key is blank or already given, or the public key is not RSA
     */
    public Builder rsaKey(String apiKey, PublicKey publicKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be null or blank");
      }
      Objects.requireNonNull(publicKey, "publicKey");
      if (!"RSA".equalsIgnoreCase(publicKey.getAlgorithm())) {
        throw new IllegalArgumentException("publicKey must be an RSA key, was " + publicKey.getAlgorithm());
      }
      if (rsaKeys.putIfAbsent(apiKey, publicKey) != null) {
        throw new IllegalArgumentException("rsaKey: API key " + Credentials.redact(apiKey) + " is given twice");
      }
      return this;
    }

    /** The only credentials the fake accepts (default {@link #API_KEY}, {@link #API_SECRET}). */
    public Builder credentials(String apiKey, String apiSecret) {
      Credentials.of(apiKey, apiSecret); // the same rules as the client's
      this.apiKey = apiKey;
      this.apiSecret = apiSecret;
      return this;
    }

    /**
     * The fake's clock (default: system UTC): request timestamps are checked against it, and it is the server time
     * the fake reports. A client whose clock differs by more than the receive window gets 10002 and resynchronises.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The loopback port to listen on (default 0: any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Starts the fake. */
    public FakeBybit build() {
      return new FakeBybit(this);
    }
  }
}
