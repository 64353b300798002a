package io.github.bybitkit;

import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.BybitTransport;
import io.github.bybitkit.internal.auth.SigningInterceptor;
import io.github.bybitkit.internal.json.BybitMoshi;
import io.github.bybitkit.inverseperpetual.InversePerpetual;
import io.github.bybitkit.v5.V5;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Entry point of BybitKit. Build one per set of credentials and share it: it is immutable and thread-safe, and its
 * clients reuse one connection pool.
 *
 * <pre>{@code
 * BybitClient bybit = BybitClient.builder()
 *     .baseUrl(BybitClient.TESTNET)
 *     .credentials(apiKey, apiSecret)
 *     .build();
 * Map<String, BybitBalance> balances = bybit.inversePerpetual().account().getBalances();
 * }</pre>
 */
public final class BybitClient {
  /** Bybit's mainnet REST host. */
  public static final String MAINNET = "https://api.bybit.com";
  /** Bybit's testnet REST host. */
  public static final String TESTNET = "https://api-testnet.bybit.com";
  /** Bybit's default receive window. */
  public static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);

  private final HttpUrl baseUrl;
  private final Credentials credentials;
  private final Duration recvWindow;
  private final InversePerpetual inversePerpetual;
  private final V5 v5;

  private BybitClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.credentials = builder.credentials;
    this.recvWindow = builder.recvWindow;
    OkHttpClient http = (builder.okHttpClient != null ? builder.okHttpClient.newBuilder() : new OkHttpClient.Builder())
        .addInterceptor(new SigningInterceptor(credentials, builder.clock, recvWindow.toMillis()))
        .build();
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(http)
        .addConverterFactory(new BybitConverterFactory(BybitMoshi.create(builder.strict), builder.strict))
        .validateEagerly(true)
        .build();
    BybitTransport transport = new BybitTransport(retrofit, credentials);
    this.inversePerpetual = new InversePerpetual(transport);
    this.v5 = new V5(transport);
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

  @Override
  public String toString() {
    return "BybitClient[baseUrl=" + baseUrl + ", credentials=" + credentials + ", recvWindow=" + recvWindow + "]";
  }

  /** Configures a {@link BybitClient}. Not thread-safe; the built client is. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(MAINNET + "/");
    private Credentials credentials;
    private Duration recvWindow = DEFAULT_RECV_WINDOW;
    private Clock clock = Clock.systemUTC();
    private OkHttpClient okHttpClient;
    private boolean strict;

    private Builder() {}

    /**
     * Where to send requests: {@link #MAINNET} (default), {@link #TESTNET}, or any URL (a proxy, a test server). A
     * path in the URL is kept as a prefix.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, was '" + baseUrl + "'");
      }
      this.baseUrl = url;
      return this;
    }

    /**
     * The API key and secret that sign private requests. Without them only public operations work.
     *
     * @throws IllegalArgumentException when either is null or blank
     */
    public Builder credentials(String apiKey, String apiSecret) {
      this.credentials = Credentials.of(apiKey, apiSecret);
      return this;
    }

    /**
     * How long after its timestamp Bybit may still accept a request (default 5 s).
     *
     * @throws IllegalArgumentException unless between 1 ms and 1 minute
     */
    public Builder recvWindow(Duration recvWindow) {
      Objects.requireNonNull(recvWindow, "recvWindow");
      if (recvWindow.toMillis() < 1 || recvWindow.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("recvWindow must be between 1 ms and 1 minute, was " + recvWindow);
      }
      this.recvWindow = recvWindow;
      return this;
    }

    /** The clock that timestamps signed requests (default: system UTC). Inject one for deterministic tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * An OkHttp client to build on, so BybitKit shares its connection pool, dispatcher, timeouts and proxy. BybitKit
     * adds its signing interceptor to a derived client; the given one is not changed.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
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

    public BybitClient build() {
      return new BybitClient(this);
    }
  }
}
