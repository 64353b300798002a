package io.github.bybitkit;

import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.BybitTransport;
import io.github.bybitkit.internal.DependencyCheck;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.internal.HttpLogger;
import io.github.bybitkit.internal.NoReplayInterceptor;
import io.github.bybitkit.internal.RateLimits;
import io.github.bybitkit.internal.Redactor;
import io.github.bybitkit.internal.ServerClock;
import io.github.bybitkit.internal.Sleeper;
import io.github.bybitkit.internal.auth.SigningInterceptor;
import io.github.bybitkit.internal.json.BybitMoshi;
import io.github.bybitkit.inverseperpetual.InversePerpetual;
import io.github.bybitkit.v5.V5;
import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Entry point of BybitKit. Build one per set of credentials and share it: it is immutable and thread-safe, and all
 * its clients and views reuse one connection pool. Close it when done ({@link #close()}), so that the threads and
 * connections it opened do not keep the JVM waiting.
 *
 * <pre>{@code
 * try (BybitClient bybit = BybitClient.builder()
 *     .baseUrl(BybitClient.TESTNET)
 *     .credentials(apiKey, apiSecret)
 *     .build()) {
 *   Map<String, BybitBalance> balances = bybit.inversePerpetual().account().getBalances();
 * }
 * }</pre>
 *
 * <p>What every call gets: signing, a timestamp corrected towards Bybit's clock (resynchronised on 10002, after which
 * the request is tried once more), retries of what is safe to retry ({@link RetryPolicy}), the rate-limit state of
 * each operation ({@link #rateLimit(String)}), typed exceptions ({@link BybitException}), and optional redacted
 * logging ({@link HttpLogLevel}).
 */
public final class BybitClient implements AutoCloseable {
  /** Bybit's mainnet REST host. */
  public static final String MAINNET = "https://api.bybit.com";
  /** Bybit's testnet REST host. */
  public static final String TESTNET = "https://api-testnet.bybit.com";
  /**
   * Bybit's demo-trading REST host: simulated trading with demo API keys created on mainnet (not testnet keys).
   * Only v5 operations exist there, and not all of them.
   */
  public static final String DEMO = "https://api-demo.bybit.com";
  /** Bybit's default receive window. */
  public static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);
  /** The User-Agent BybitKit sends, e.g. "BybitKit/0.1.0 (Java 17.0.15)". */
  public static final String USER_AGENT = "BybitKit/" + version() + " (Java " + System.getProperty("java.version")
      + ")";

  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final Duration recvWindow;
  private final BybitTransport transport;
  private final RequestOptions options;
  private final InversePerpetual inversePerpetual;
  private final V5 v5;

  private BybitClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.credentials = builder.credentials;
    this.recvWindow = builder.recvWindow;
    Redactor redactor = new Redactor(credentials);
    ServerClock clock = new ServerClock(builder.clock);
    OkHttpClient.Builder http = builder.okHttpClient != null ? builder.okHttpClient.newBuilder()
        : new OkHttpClient.Builder();
    if (builder.timeout != null) {
      http.callTimeout(builder.timeout);
    }
    if (builder.connectTimeout != null) {
      http.connectTimeout(builder.connectTimeout);
    }
    // Bybit does not redirect; following one would hand the signed request (key, signature, body) to another host.
    http.followRedirects(false).followSslRedirects(false)
        .addInterceptor(new SigningInterceptor(credentials, clock, recvWindow.toMillis()))
        .addInterceptor(new NoReplayInterceptor(USER_AGENT));
    // With logging off the logger is not in the chain at all: no interceptor hop per call. (With a level set it stays,
    // and asks the System.Logger on every call, since a logging configuration may turn DEBUG on later.)
    if (builder.logLevel != HttpLogLevel.NONE) {
      http.addInterceptor(new HttpLogger(builder.logLevel, builder.logger, redactor));
    }
    // Stale connections (issue 14, item 7): a server may close a kept-alive connection while it sits idle in the pool.
    // OkHttp recovers from that by sending the request again on another connection, which the one-shot body of a
    // non-GET (NoReplayInterceptor) forbids, because OkHttp cannot tell a close before any byte arrived from a drop
    // after the request was received. So a non-GET never takes a pooled connection: it goes out on a connection opened
    // for it (a pool that keeps no idle connection), which cannot have been closed while idle. This cannot double a
    // POST: the body stays one-shot, so OkHttp still never transmits it twice, and BybitTransport's retry rules are
    // unchanged. GETs keep the shared pool (and OkHttp's own recovery, harmless for a GET). The cost is one
    // connection setup (TCP, and TLS against Bybit) per POST.
    OkHttpClient pooled = http.build();
    OkHttpClient fresh = pooled.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    Call.Factory calls = request -> (request.method().equals("GET") ? pooled : fresh).newCall(request);
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(calls)
        .addConverterFactory(new BybitConverterFactory(BybitMoshi.create(builder.strict), builder.strict, redactor))
        .validateEagerly(true)
        .build();
    this.transport = new BybitTransport(retrofit, BybitMoshi.create(false), redactor, clock, builder.timeSync,
        builder.retryPolicy, new RateLimits(builder.limiterReserve, builder.limiterMaxWait), builder.sleeper,
        releaser(pooled, fresh, builder.okHttpClient == null));
    this.options = RequestOptions.defaults();
    this.inversePerpetual = new InversePerpetual(transport, options);
    this.v5 = new V5(transport, options);
  }

  /** A view of {@code base} whose calls use {@code options}. */
  private BybitClient(BybitClient base, RequestOptions options) {
    this.baseUrl = base.baseUrl;
    this.credentials = base.credentials;
    this.recvWindow = base.recvWindow;
    this.transport = base.transport;
    this.options = options;
    this.inversePerpetual = new InversePerpetual(transport, options);
    this.v5 = new V5(transport, options);
  }

  /**
   * What {@link #close()} frees: the POST connection pool always (made here), the dispatcher's threads and the shared
   * pool only when BybitKit built the OkHttp client. A caller's client, with its dispatcher, pool and cache, is theirs.
   */
  private static Runnable releaser(OkHttpClient pooled, OkHttpClient fresh, boolean ownsPooled) {
    return () -> {
      fresh.connectionPool().evictAll();
      if (ownsPooled) {
        pooled.dispatcher().executorService().shutdown();
        pooled.connectionPool().evictAll();
      }
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The legacy v2 inverse-perpetual APIs, e.g. {@code inversePerpetual().account()}. */
  public InversePerpetual inversePerpetual() {
    return inversePerpetual;
  }

  /** The v5 APIs, e.g. {@code v5().asset()}. */
  public V5 v5() {
    return v5;
  }

  /**
   * A view of this client whose calls use {@code options} (a receive window, a timeout) instead of the defaults.
   * Cheap: it shares the connection pool, clock offset, rate-limit state and everything else with this client.
   *
   * @param options the options; {@link RequestOptions#defaults()} gives the client-wide behaviour back
   */
  public BybitClient withOptions(RequestOptions options) {
    return new BybitClient(this, Objects.requireNonNull(options, "options"));
  }

  /**
   * The rate-limit state Bybit reported with the last response of an operation.
   *
   * @param operationId the spec's operation id, which is also the method name, e.g. "getBalances"
   * @return the state, or empty before the first response or when the operation reports none (public ones)
   */
  public Optional<RateLimit> rateLimit(String operationId) {
    return Optional.ofNullable(transport.rateLimits().get(operationId));
  }

  /** Every operation's last reported rate-limit state, by operation id. */
  public Map<String, RateLimit> rateLimits() {
    return transport.rateLimits().snapshot();
  }

  /**
   * Measures the offset to Bybit's clock now (one request to the v5 server-time endpoint) and uses it for later
   * timestamps. Not needed for correctness, since a 10002 triggers the same by itself; call it at start or now and
   * then to avoid the first rejection.
   *
   * @return how far Bybit's clock is ahead of the local one (negative: behind)
   * @throws BybitException when the server time cannot be read
   */
  public Duration syncTime() {
    return transport.syncTime(EnvelopeKind.V5);
  }

  /** How far Bybit's clock is ahead of the local one, as last measured (zero before any measurement). */
  public Duration clockOffset() {
    return transport.clock().offset();
  }

  /**
   * Stops the threads and closes the idle connections this client opened (OkHttp's dispatcher threads would
   * otherwise keep the JVM alive for about a minute after the last async call). A client given to {@link
   * Builder#okHttpClient(OkHttpClient)} is left as it was: it is the caller's to shut down. Afterwards every call, sync
   * or async, on this client, its API clients and its {@link #withOptions} views fails with {@link
   * IllegalStateException} before anything is sent, and pending retries are dropped; calls already sent finish. Views
   * share the client's lifecycle: closing one closes all. Calling it again does nothing.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "BybitClient[baseUrl=" + withoutUserInfo(baseUrl) + ", credentials=" + credentials
        + ", recvWindow=" + recvWindow + (options.equals(RequestOptions.defaults()) ? "" : ", " + options) + "]";
  }

  /** The URL with any user name and password replaced by {@code ***}: they are credentials too. */
  static String withoutUserInfo(HttpUrl url) {
    if (url.encodedUsername().isEmpty() && url.encodedPassword().isEmpty()) {
      return url.toString();
    }
    return url.newBuilder().username("***").password("").build().toString();
  }

  /** URL text that may not parse, with anything between {@code //} and {@code @} hidden. */
  static String withoutUserInfo(String url) {
    return url.replaceAll("//[^/?#]*@", "//***@");
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = BybitClient.class.getResourceAsStream("bybitkit.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // No version then; the User-Agent still names BybitKit.
    }
    return properties.getProperty("version", "unknown");
  }

  /** Configures a {@link BybitClient}. Not thread-safe; the built client is. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(MAINNET + "/");
    private Credentials credentials;
    private Duration recvWindow = DEFAULT_RECV_WINDOW;
    private Clock clock = Clock.systemUTC();
    private OkHttpClient okHttpClient;
    private boolean strict;
    private Duration timeout;
    private Duration connectTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private boolean timeSync = true;
    private int limiterReserve = -1;
    private Duration limiterMaxWait = Duration.ZERO;
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private System.Logger logger = System.getLogger("io.github.bybitkit.http");
    private Sleeper sleeper = Sleeper.REAL;

    private Builder() {}

    /**
     * Where to send requests: {@link #MAINNET} (default), {@link #TESTNET}, {@link #DEMO}, or any URL (a proxy, a test
     * server). A path in the URL is kept as a prefix.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, was '" + withoutUserInfo(baseUrl)
            + "'");
      }
      this.baseUrl = url;
      return this;
    }

    /**
     * The API key and secret of a system-generated (HMAC) key, which sign private requests. Without credentials only
     * public operations work. Replaces credentials given before.
     *
     * @throws IllegalArgumentException when either is null or blank, or the secret is a PEM key (see {@link
     *     #rsaCredentials(String, String)})
     */
    public Builder credentials(String apiKey, String apiSecret) {
      this.credentials = Credentials.of(apiKey, apiSecret);
      return this;
    }

    /**
     * The API key and private key of a self-generated RSA key: v5 requests are signed RSA-SHA256 (PKCS#1 v1.5,
     * base64). Bybit's v2 API had no RSA keys, so a legacy v2 operation throws {@link IllegalStateException} before
     * anything is sent. Replaces credentials given before.
     *
     * @throws IllegalArgumentException when the API key is null or blank, or the key is not an RSA private key that
     *     can sign SHA256withRSA
     */
    public Builder rsaCredentials(String apiKey, PrivateKey privateKey) {
      this.credentials = Credentials.rsa(apiKey, privateKey);
      return this;
    }

    /**
     * As {@link #rsaCredentials(String, PrivateKey)}, with the private key as unencrypted PKCS#8 PEM text
     * ({@code -----BEGIN PRIVATE KEY-----}, what Bybit's key generator writes), e.g. read from a file. The text is
     * parsed now and not kept.
     *
     * @throws IllegalArgumentException when the API key is null or blank or the PEM is not a PKCS#8 RSA private key
     *     (the message says what is wrong and never quotes the PEM)
     */
    public Builder rsaCredentials(String apiKey, String pkcs8Pem) {
      this.credentials = Credentials.rsa(apiKey, pkcs8Pem);
      return this;
    }

    /**
     * How long after its timestamp Bybit may still accept a request (default 5 s). Per call: {@link
     * RequestOptions#withRecvWindow(Duration)}.
     *
     * @throws IllegalArgumentException unless between 1 ms and 1 minute
     */
    public Builder recvWindow(Duration recvWindow) {
      this.recvWindow = RequestOptions.checkRecvWindow(recvWindow);
      return this;
    }

    /** The clock that timestamps signed requests (default: system UTC). Inject one for deterministic tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * An OkHttp client to build on, so BybitKit shares its connection pool, dispatcher, timeouts and proxy. BybitKit
     * adds its interceptors to a derived client, which does not follow redirects; the given one is not changed.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * The longest a call may take, from sending to reading the whole response (default: no overall limit; OkHttp's
     * 10 s connect, read and write timeouts apply). Each retry gets its own. Per call: {@link
     * RequestOptions#withTimeout(Duration)}.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * The longest connecting may take (default: OkHttp's 10 s, or the shared client's).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} switches retries off). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Whether a request refused with 10002 (timestamp outside the receive window) makes the client measure Bybit's
     * clock and try that request once more (default true). It was not executed, so this is safe for POST too.
     */
    public Builder timeSync(boolean timeSync) {
      this.timeSync = timeSync;
      return this;
    }

    /**
     * Turns on the client-side limiter: once the last response of an operation says only {@code reserve} requests
     * are left in its window, further calls of that operation wait for the reported reset (up to {@code maxWait};
     * a longer wait fails with {@link BybitRateLimitException} without sending anything). Off by default.
     *
     * @param reserve requests to keep in hand, 0 to use the window up to the last request
     * @throws IllegalArgumentException if reserve is negative or maxWait is negative or over 1 minute
     */
    public Builder rateLimiter(int reserve, Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (reserve < 0) {
        throw new IllegalArgumentException("reserve must not be negative, was " + reserve);
      }
      if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("maxWait must be between 0 and 1 minute, was " + maxWait);
      }
      this.limiterReserve = reserve;
      this.limiterMaxWait = maxWait;
      return this;
    }

    /**
     * Logs HTTP exchanges at {@code DEBUG} to the {@link System.Logger} named "io.github.bybitkit.http" (or the one
     * given to {@link #logger(System.Logger)}). Off by default. Keys and signatures are always redacted.
     */
    public Builder logging(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** The logger for {@link #logging(HttpLogLevel)}. */
    public Builder logger(System.Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Fail on response fields the spec does not know instead of skipping them (default false). Meant for contract
     * tests that must notice when Bybit adds fields.
     */
    public Builder strictDecoding(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** For tests: how the client waits before a retry or for a rate limit. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if the class path has an OkHttp older than 5 or a Kotlin stdlib older than
     *     1.8.20 (an OkHttp 4 artifact next to okhttp-jvm 5, say); the message names the versions and the fix
     */
    public BybitClient build() {
      DependencyCheck.requireCompatibleRuntime();
      return new BybitClient(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
