package io.github.bybitkit.benchmarks;

import io.github.bybitkit.Credentials;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.internal.auth.SigningInterceptor;
import io.github.bybitkit.inverseperpetual.transport.InversePerpetualAccountApi;
import io.github.bybitkit.v5.transport.V5AssetApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptorSigningBenchmark {
  private OkHttpClient signing;
  private OkHttpClient unsigned;
  private Request v2Request;
  private Request v5Request;

  @Setup
  public void setUp() throws NoSuchMethodException {
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
}
