package io.github.bybitkit.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.squareup.moshi.JsonReader;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import javax.net.ServerSocketFactory;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/**
 * A full signed call on loopback through the public client against a raw OkHttp GET whose body is walked with
 * {@link JsonReader} (the floor: same server, same bytes, no signing, no envelope, no models). In JMH this is wall-clock
 * time, so the server's share is in both; compare the two, not the absolute numbers. The measure, CPU time of
 * the calling thread, is what the interleaved harness ({@link Interleaved}) takes of these same variants.
 *
 * <p>Two diagnostic variants place the client between floor and peer: {@code rawDecode} is the raw call with the
 * body decoded by BybitKit's own decoding path (no signing, no Retrofit, no interceptors), so {@code bybitKit} minus
 * {@code rawDecode} is what signing and the client's call machinery add; {@code retrofitGson} is an unsigned
 * Retrofit call with a Gson converter (portfolio margin into the same generated records as the decode benchmarks'
 * Gson peer; positions, which Gson cannot read into BybitKit's records without per-field configuration, into Gson's
 * {@link JsonObject} tree).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopbackCallBenchmark {
  @Param({"portfolioMargin", "positions"})
  public String payload;

  private MockWebServer server;
  private BybitClient client;
  private OkHttpClient rawClient;
  private HttpUrl rawUrl;
  private BybitJson.ResponseDecoder decoder;
  private GsonApi gsonApi;

  /** The same endpoints through Retrofit and Gson, unsigned. */
  interface GsonApi {
    @GET("v5/asset/portfolio-margin")
    Call<PortfolioMarginResponse> portfolioMargin();

    @GET("v2/private/position/list")
    Call<JsonObject> positions();
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    byte[] body = Payloads.recorded(payload.equals("positions") ? Payloads.POSITIONS : Payloads.PORTFOLIO_MARGIN);
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(new Buffer().write(body))
            .build();
      }
    });
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start();
    rawClient = new OkHttpClient();
    client = BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials(SigningBenchmark.API_KEY, SigningBenchmark.SECRET)
        .okHttpClient(rawClient)
        .build();
    rawUrl = server.url(payload.equals("positions") ? "/v2/private/position/list" : "/v5/asset/portfolio-margin");
    decoder = BybitJson.decoder(payload.equals("positions") ? BybitOperations.GET_POSITIONS
        : BybitOperations.GET_PORTFOLIO_MARGIN, false);
    gsonApi = new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .client(rawClient)
        .addConverterFactory(new GsonConverter(new PeerDecoders.GsonReflective().gson()))
        .build()
        .create(GsonApi.class);
    if (bybitKit() == null || raw() == 0 || rawDecode() == null || retrofitGson() == null) {
      throw new IllegalStateException("a loopback call returned nothing");
    }
  }

  /** MockWebServer keeps every request it served; drop them so memory stays flat over the run. */
  @TearDown(Level.Iteration)
  public void forgetServedRequests() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // drained
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
    rawClient.dispatcher().executorService().shutdown();
    rawClient.connectionPool().evictAll();
  }

  @Benchmark
  public Object bybitKit() {
    return payload.equals("positions")
        ? client.inversePerpetual().account().getPositions()
        : client.v5().asset().getPortfolioMargin();
  }

  @Benchmark
  public long raw() throws IOException {
    try (Response response = rawClient.newCall(new Request.Builder().url(rawUrl).build()).execute()) {
      return TokenWalk.walk(JsonReader.of(response.body().source()));
    }
  }

  /** The raw call, its body decoded by BybitKit's decoding path: what the client does minus signing and machinery. */
  @Benchmark
  public Object rawDecode() throws IOException {
    try (Response response = rawClient.newCall(new Request.Builder().url(rawUrl).build()).execute()) {
      return decoder.result(response.body().bytes());
    }
  }

  /** The peer: Retrofit with a Gson converter, unsigned. */
  @Benchmark
  public Object retrofitGson() throws IOException {
    return (payload.equals("positions") ? gsonApi.positions() : gsonApi.portfolioMargin()).execute().body();
  }

  /** A minimal Gson converter for Retrofit (the converter-gson artifact is not a dependency here). */
  private static final class GsonConverter extends Converter.Factory {
    private final Gson gson;

    GsonConverter(Gson gson) {
      this.gson = gson;
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
      return body -> {
        try (body) {
          return gson.fromJson(body.charStream(), type);
        }
      };
    }
  }

  /**
   * Without TCP_NODELAY on the server's sockets, Nagle's algorithm meets the client's delayed ACK and every call
   * waits ~40 ms, for both variants alike, hiding all client work.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }
}
