package io.github.bybitkit.benchmarks;

import io.github.bybitkit.internal.auth.HmacSha256;
import io.github.bybitkit.internal.auth.V2Signing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SDK's signing units against bare HMAC-SHA256 of the same v5 string. The SDK's units are the ones the
 * interceptor calls, with the secret prepared once as the interceptor prepares it ({@link HmacSha256.Key}); the
 * interceptor's own request rebuilding is not measured here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBenchmark {
  static final String SECRET = "B7Pmm0GD6xBr7bX2jOdsHfDT2mWdlBxMGpDw";
  static final String API_KEY = "XXXXXXXXXXXXXXXXXX";

  /** A getPositions-like v2 query with the auth parameters the interceptor adds. */
  private final Map<String, String> v2Params = new LinkedHashMap<>();
  /** timestamp + apiKey + recvWindow + query, as v5 signs it. */
  private final String v5Payload = "1672531200000" + API_KEY + "5000" + "baseCoin=BTC";
  private final byte[] v5PayloadBytes = v5Payload.getBytes(StandardCharsets.UTF_8);
  private Mac readyMac;
  private final HmacSha256.Key key = new HmacSha256.Key(SECRET);

  @Setup
  public void setUp() throws GeneralSecurityException {
    v2Params.put("symbol", "BTCUSD");
    v2Params.put("api_key", API_KEY);
    v2Params.put("timestamp", "1672531200000");
    v2Params.put("recv_window", "5000");
    readyMac = Mac.getInstance("HmacSHA256");
    readyMac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  @Benchmark
  public String bybitKitV2() {
    return V2Signing.sign(key, v2Params);
  }

  @Benchmark
  public String bybitKitV5() {
    return key.hex(v5Payload);
  }

  /** The floor: one HMAC of the v5 string with a ready Mac, hex included. */
  @Benchmark
  public String bareHmacReadyMac() {
    return HexFormat.of().formatHex(readyMac.doFinal(v5PayloadBytes));
  }

  @Benchmark
  public String bareHmacMacPerCall() throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(v5PayloadBytes));
  }
}
