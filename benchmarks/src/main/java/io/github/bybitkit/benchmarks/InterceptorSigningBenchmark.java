package io.github.bybitkit.benchmarks;

import io.github.bybitkit.Credentials;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.internal.auth.SigningInterceptor;
import io.github.bybitkit.inverseperpetual.transport.InversePerpetualAccountApi;
import io.github.bybitkit.v5.transport.V5AssetApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import retrofit2.Invocation;

/**
 * The whole interceptor step: a request as Retrofit builds it (with its {@link Invocation} tag) goes through
 * {@link SigningInterceptor} in an OkHttp call that an interceptor after it answers without a network. {@code chainOnly}
 * is the same call without the signer, so the signer's cost is the difference. The signer only reads the method's
 * annotation, so the Invocation's service instance is a proxy that refuses every call.
 *
 * <p>{@code v2Step}, {@code v5Step} and {@code v5RsaStep} call {@link SigningInterceptor#intercept} alone, with a
 * stub chain that answers a prebuilt response; {@code bareHmacV2}, {@code bareHmacV5} and {@code bareRsaV5} are one
 * HMAC-SHA256 (ready Mac, hex included) or one SHA256withRSA (ready Signature, base64 included) of exactly the string
 * the interceptor signs for that request. Setup checks that each bare result equals the signature the interceptor
 * sent, so step/bare compares the same signing work plus the interceptor's own.
 *
 * <p>{@code v2PlainUrl} and {@code v2AuthUrl} measure what OkHttp alone charges for carrying v2's credentials in a
 * URL, wherever the signing happens: both build the request URL of {@code v2Request} the way Retrofit does (base URL,
 * relative path, one {@code addQueryParameter} per parameter, {@code build()}); {@code v2AuthUrl} also adds
 * {@code api_key}, {@code recv_window}, {@code timestamp} and {@code sign} with the cheapest call for it
 * ({@code addEncodedQueryParameter}), their texts (the signature included) made in advance. Any v2 GET signing costs
 * at least one HMAC plus {@code v2AuthUrl - v2PlainUrl}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptorSigningBenchmark {
  private OkHttpClient signing;
  private OkHttpClient unsigned;
  private Request v2Request;
  private Request v5Request;

  private SigningInterceptor hmacSigner;
  private SigningInterceptor rsaSigner;
  private StubChain v2Chain;
  private StubChain v5Chain;
  private Mac readyMac;
  private byte[] v2SignedBytes;
  private byte[] v5SignedBytes;
  private Signature readyRsa;
  private HttpUrl baseUrl;
  private String v2Sign;

  @Setup
  public void setUp() throws NoSuchMethodException, IOException, GeneralSecurityException {
    Clock fixed = Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC);
    Interceptor answer = chain -> new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.EMPTY)
        .build();
    unsigned = new OkHttpClient.Builder().addInterceptor(answer).build();
    signing = new OkHttpClient.Builder()
        .addInterceptor(
            new SigningInterceptor(Credentials.of(SigningBenchmark.API_KEY, SigningBenchmark.SECRET), fixed, 5000))
        .addInterceptor(answer)
        .build();
    Method getPositions = InversePerpetualAccountApi.class.getMethod("getPositions", String.class,
        RequestOptions.class);
    v2Request = new Request.Builder()
        .url("https://api.bybit.com/v2/private/position/list?symbol=BTCUSD")
        .tag(Invocation.class, Invocation.of(InversePerpetualAccountApi.class, unusable(InversePerpetualAccountApi.class), getPositions, Arrays.asList("BTCUSD", null)))
        .build();
    Method getPortfolioMargin = V5AssetApi.class.getMethod("getPortfolioMargin", String.class, RequestOptions.class);
    v5Request = new Request.Builder()
        .url("https://api.bybit.com/v5/asset/portfolio-margin?baseCoin=BTC")
        .tag(Invocation.class, Invocation.of(V5AssetApi.class, unusable(V5AssetApi.class),
            getPortfolioMargin, Arrays.asList("BTC", null)))
        .build();
    if (signedUrlOrHeader(v2Request).equals(v2Request.url().toString())
        || signedUrlOrHeader(v5Request) == null) {
      throw new IllegalStateException("the interceptor did not sign");
    }

    hmacSigner = new SigningInterceptor(Credentials.of(SigningBenchmark.API_KEY, SigningBenchmark.SECRET), fixed, 5000);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    PrivateKey privateKey = pair.getPrivate();
    rsaSigner = new SigningInterceptor(Credentials.rsa(SigningBenchmark.API_KEY, privateKey), fixed, 5000);
    v2Chain = new StubChain(v2Request);
    v5Chain = new StubChain(v5Request);
    readyMac = Mac.getInstance("HmacSHA256");
    readyMac.init(new SecretKeySpec(SigningBenchmark.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    readyRsa = Signature.getInstance("SHA256withRSA");
    readyRsa.initSign(privateKey);

    // Exactly what the interceptor signs for these requests at the fixed clock (1672531200000) and 5000 ms.
    v2SignedBytes = ("api_key=" + SigningBenchmark.API_KEY + "&recv_window=5000&symbol=BTCUSD&timestamp=1672531200000")
        .getBytes(StandardCharsets.UTF_8);
    v5SignedBytes = ("1672531200000" + SigningBenchmark.API_KEY + "5000" + "baseCoin=BTC")
        .getBytes(StandardCharsets.UTF_8);
    hmacSigner.intercept(v2Chain);
    v2Sign = bareHmacV2();
    check("v2", v2Chain.last.url().queryParameter("sign"), v2Sign);
    baseUrl = HttpUrl.get("https://api.bybit.com/");
    HttpUrl sent = v2Chain.last.url();
    HttpUrl floor = v2AuthUrl();
    if (!sent.queryParameterNames().equals(floor.queryParameterNames())
        || sent.queryParameterNames().stream()
            .anyMatch(name -> !sent.queryParameterValues(name).equals(floor.queryParameterValues(name)))
        || !sent.encodedPath().equals(floor.encodedPath())) {
      throw new IllegalStateException("v2AuthUrl does not carry what the interceptor sends: " + floor);
    }
    hmacSigner.intercept(v5Chain);
    check("v5", v5Chain.last.header("X-BAPI-SIGN"), bareHmacV5());
    rsaSigner.intercept(v5Chain);
    check("v5 RSA", v5Chain.last.header("X-BAPI-SIGN"), bareRsaV5());
  }

  private static void check(String what, String interceptorSign, String bareSign) {
    if (interceptorSign == null || !interceptorSign.equals(bareSign)) {
      throw new IllegalStateException(what + ": the bare signature is not of the string the interceptor signs");
    }
  }

  /** The rest of the chain: answers a prebuilt response to whatever it gets and keeps the request it got. */
  private static final class StubChain implements Interceptor.Chain {
    private final Request request;
    private final Response response;
    Request last;

    StubChain(Request request) {
      this.request = request;
      this.response = new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .body(ResponseBody.EMPTY)
          .build();
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request request) {
      last = request;
      return response;
    }

    // The signer uses none of these.
    @Override
    public okhttp3.Connection connection() {
      throw new UnsupportedOperationException("connection");
    }

    @Override
    public okhttp3.Call call() {
      throw new UnsupportedOperationException("call");
    }

    @Override
    public int connectTimeoutMillis() {
      throw new UnsupportedOperationException("connectTimeoutMillis");
    }

    @Override
    public Interceptor.Chain withConnectTimeout(int a0, java.util.concurrent.TimeUnit a1) {
      throw new UnsupportedOperationException("withConnectTimeout");
    }

    @Override
    public int readTimeoutMillis() {
      throw new UnsupportedOperationException("readTimeoutMillis");
    }

    @Override
    public Interceptor.Chain withReadTimeout(int a0, java.util.concurrent.TimeUnit a1) {
      throw new UnsupportedOperationException("withReadTimeout");
    }

    @Override
    public int writeTimeoutMillis() {
      throw new UnsupportedOperationException("writeTimeoutMillis");
    }

    @Override
    public Interceptor.Chain withWriteTimeout(int a0, java.util.concurrent.TimeUnit a1) {
      throw new UnsupportedOperationException("withWriteTimeout");
    }

    @Override
    public boolean getFollowSslRedirects() {
      throw new UnsupportedOperationException("getFollowSslRedirects");
    }

    @Override
    public boolean getFollowRedirects() {
      throw new UnsupportedOperationException("getFollowRedirects");
    }

    @Override
    public okhttp3.Dns getDns() {
      throw new UnsupportedOperationException("getDns");
    }

    @Override
    public Interceptor.Chain withDns(okhttp3.Dns a0) {
      throw new UnsupportedOperationException("withDns");
    }

    @Override
    public javax.net.SocketFactory getSocketFactory() {
      throw new UnsupportedOperationException("getSocketFactory");
    }

    @Override
    public Interceptor.Chain withSocketFactory(javax.net.SocketFactory a0) {
      throw new UnsupportedOperationException("withSocketFactory");
    }

    @Override
    public boolean getRetryOnConnectionFailure() {
      throw new UnsupportedOperationException("getRetryOnConnectionFailure");
    }

    @Override
    public Interceptor.Chain withRetryOnConnectionFailure(boolean a0) {
      throw new UnsupportedOperationException("withRetryOnConnectionFailure");
    }

    @Override
    public okhttp3.Authenticator getAuthenticator() {
      throw new UnsupportedOperationException("getAuthenticator");
    }

    @Override
    public Interceptor.Chain withAuthenticator(okhttp3.Authenticator a0) {
      throw new UnsupportedOperationException("withAuthenticator");
    }

    @Override
    public okhttp3.CookieJar getCookieJar() {
      throw new UnsupportedOperationException("getCookieJar");
    }

    @Override
    public Interceptor.Chain withCookieJar(okhttp3.CookieJar a0) {
      throw new UnsupportedOperationException("withCookieJar");
    }

    @Override
    public okhttp3.Cache getCache() {
      throw new UnsupportedOperationException("getCache");
    }

    @Override
    public Interceptor.Chain withCache(okhttp3.Cache a0) {
      throw new UnsupportedOperationException("withCache");
    }

    @Override
    public java.net.Proxy getProxy() {
      throw new UnsupportedOperationException("getProxy");
    }

    @Override
    public Interceptor.Chain withProxy(java.net.Proxy a0) {
      throw new UnsupportedOperationException("withProxy");
    }

    @Override
    public java.net.ProxySelector getProxySelector() {
      throw new UnsupportedOperationException("getProxySelector");
    }

    @Override
    public Interceptor.Chain withProxySelector(java.net.ProxySelector a0) {
      throw new UnsupportedOperationException("withProxySelector");
    }

    @Override
    public okhttp3.Authenticator getProxyAuthenticator() {
      throw new UnsupportedOperationException("getProxyAuthenticator");
    }

    @Override
    public Interceptor.Chain withProxyAuthenticator(okhttp3.Authenticator a0) {
      throw new UnsupportedOperationException("withProxyAuthenticator");
    }

    @Override
    public javax.net.ssl.SSLSocketFactory getSslSocketFactoryOrNull() {
      throw new UnsupportedOperationException("getSslSocketFactoryOrNull");
    }

    @Override
    public Interceptor.Chain withSslSocketFactory(javax.net.ssl.SSLSocketFactory a0, javax.net.ssl.X509TrustManager a1) {
      throw new UnsupportedOperationException("withSslSocketFactory");
    }

    @Override
    public javax.net.ssl.X509TrustManager getX509TrustManagerOrNull() {
      throw new UnsupportedOperationException("getX509TrustManagerOrNull");
    }

    @Override
    public javax.net.ssl.HostnameVerifier getHostnameVerifier() {
      throw new UnsupportedOperationException("getHostnameVerifier");
    }

    @Override
    public Interceptor.Chain withHostnameVerifier(javax.net.ssl.HostnameVerifier a0) {
      throw new UnsupportedOperationException("withHostnameVerifier");
    }

    @Override
    public okhttp3.CertificatePinner getCertificatePinner() {
      throw new UnsupportedOperationException("getCertificatePinner");
    }

    @Override
    public Interceptor.Chain withCertificatePinner(okhttp3.CertificatePinner a0) {
      throw new UnsupportedOperationException("withCertificatePinner");
    }

    @Override
    public okhttp3.ConnectionPool getConnectionPool() {
      throw new UnsupportedOperationException("getConnectionPool");
    }

    @Override
    public Interceptor.Chain withConnectionPool(okhttp3.ConnectionPool a0) {
      throw new UnsupportedOperationException("withConnectionPool");
    }

    @Override
    public okhttp3.EventListener getEventListener() {
      throw new UnsupportedOperationException("getEventListener");
    }
  }

  private static <T> T unusable(Class<T> api) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
      throw new UnsupportedOperationException("benchmark stand-in for " + api.getSimpleName());
    }));
  }

  private String signedUrlOrHeader(Request request) {
    try (Response response = signing.newCall(request).execute()) {
      return request == v2Request ? response.request().url().toString()
          : response.request().header("X-BAPI-SIGN");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public Response v2Signed() throws IOException {
    try (Response response = signing.newCall(v2Request).execute()) {
      return response;
    }
  }

  @Benchmark
  public Response v5Signed() throws IOException {
    try (Response response = signing.newCall(v5Request).execute()) {
      return response;
    }
  }

  @Benchmark
  public Response chainOnly() throws IOException {
    try (Response response = unsigned.newCall(v5Request).execute()) {
      return response;
    }
  }

  @Benchmark
  public Request v2Step() throws IOException {
    hmacSigner.intercept(v2Chain);
    return v2Chain.last;
  }

  @Benchmark
  public Request v5Step() throws IOException {
    hmacSigner.intercept(v5Chain);
    return v5Chain.last;
  }

  @Benchmark
  public Request v5RsaStep() throws IOException {
    rsaSigner.intercept(v5Chain);
    return v5Chain.last;
  }

  /** The URL of {@code v2Request} as Retrofit builds it, unsigned. */
  @Benchmark
  public HttpUrl v2PlainUrl() {
    return baseUrl.newBuilder("v2/private/position/list")
        .addQueryParameter("symbol", "BTCUSD")
        .build();
  }

  /** {@link #v2PlainUrl} with the four v2 auth parameters, made in advance, added as cheaply as OkHttp allows. */
  @Benchmark
  public HttpUrl v2AuthUrl() {
    return baseUrl.newBuilder("v2/private/position/list")
        .addQueryParameter("symbol", "BTCUSD")
        .addEncodedQueryParameter("api_key", SigningBenchmark.API_KEY)
        .addEncodedQueryParameter("recv_window", "5000")
        .addEncodedQueryParameter("timestamp", "1672531200000")
        .addEncodedQueryParameter("sign", v2Sign)
        .build();
  }

  /** One HMAC-SHA256 with a ready Mac of the string v2Step signs, hex included. */
  @Benchmark
  public String bareHmacV2() {
    return HexFormat.of().formatHex(readyMac.doFinal(v2SignedBytes));
  }

  /** One HMAC-SHA256 with a ready Mac of the string v5Step signs, hex included. */
  @Benchmark
  public String bareHmacV5() {
    return HexFormat.of().formatHex(readyMac.doFinal(v5SignedBytes));
  }

  /** One SHA256withRSA with a ready Signature of the string v5RsaStep signs, base64 included. */
  @Benchmark
  public String bareRsaV5() throws GeneralSecurityException {
    readyRsa.update(v5SignedBytes);
    return Base64.getEncoder().encodeToString(readyRsa.sign());
  }
}
