package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Credentials, a fixed clock and client builders pointed at a MockWebServer, shared by the client tests. */
final class TestClients {
  static final String KEY = "Kx7vQ2mLp9Rt4WzB1n";
  static final String SECRET = "Zq8Hs2Lk5Vn1Tb7Xc4Pm9Rd3Wf6Jy0GuE2Ao";
  static final Instant NOW = Instant.parse("2024-03-05T06:07:08.123Z");
  static final long NOW_MILLIS = NOW.toEpochMilli();
  static final long DEFAULT_RECV_WINDOW_MILLIS = 5000;

  private TestClients() {}

  /** A builder with the test credentials and the fixed clock, sending to {@code server}. */
  static BybitClient.Builder builder(MockWebServer server) {
    return BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials(KEY, SECRET)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static BybitClient client(MockWebServer server) {
    return builder(server).build();
  }

  /** A client without credentials: only public operations can work. */
  static BybitClient anonymousClient(MockWebServer server) {
    return BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  static SignatureVerifier verifier() {
    return verifier(DEFAULT_RECV_WINDOW_MILLIS);
  }

  static SignatureVerifier verifier(long recvWindowMillis) {
    return new SignatureVerifier(KEY, SECRET, NOW_MILLIS, recvWindowMillis);
  }

  /** The next request the server received; fails instead of blocking forever. */
  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "the server received no request");
    return request;
  }
}
