package io.github.bybitkit.benchmarks;

import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The v5 portfolio margin decoded by BybitKit, its peers, and the token-walk floor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PortfolioMarginDecodeBenchmark {
  /** recorded: the docs' response as recorded; large: its assetPnlRange repeated to ~100 KB. */
  @Param({"recorded", "large"})
  public String payload;

  private byte[] body;
  private BybitJson.ResponseDecoder bybitKit;
  private PeerDecoders.MoshiReflective moshiReflective;
  private PeerDecoders.GsonReflective gson;
  private PeerDecoders.JacksonReflective jackson;

  @Setup(Level.Trial)
  public void setUp() {
    body = payload.equals("large") ? Payloads.largePortfolioMargin() : Payloads.recorded(Payloads.PORTFOLIO_MARGIN);
    DecodeChecks.portfolioMarginPeersAgree(body);
    bybitKit = BybitJson.decoder(BybitOperations.GET_PORTFOLIO_MARGIN, false);
    moshiReflective = new PeerDecoders.MoshiReflective();
    gson = new PeerDecoders.GsonReflective();
    jackson = new PeerDecoders.JacksonReflective();
  }

  @Benchmark
  public Object bybitKit() {
    return bybitKit.result(body);
  }

  @Benchmark
  public Object moshiReflective() {
    return moshiReflective.decode(body);
  }

  @Benchmark
  public Object gson() {
    return gson.decode(body);
  }

  @Benchmark
  public Object jacksonDatabind() {
    return jackson.decode(body);
  }

  @Benchmark
  public long tokenWalk() {
    return TokenWalk.walk(body);
  }
}
