package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.BybitClient;
import java.io.IOException;
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

/**
 * A full signed call on loopback through the public client against a raw OkHttp GET whose body is walked with
 * {@link JsonReader} (the floor: same server, same bytes, no signing, no envelope, no models). Wall-clock time, so
 * the server's share is in both; compare the two, not the absolute numbers.
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
    if (bybitKit() == null || raw() == 0) {
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
