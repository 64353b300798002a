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

/**
 * The v2 payloads (snake_case names, numbers and numeric strings) decoded by BybitKit against the token-walk floor.
 * The reflective peers are not run here: mapping these bodies onto the records needs per-field configuration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class V2DecodeBenchmark {
  @Param({"positions", "closedPnl", "closedPnlLarge", "walletFundRecords"})
  public String payload;

  private byte[] body;
  private BybitJson.ResponseDecoder bybitKit;

  @Setup(Level.Trial)
  public void setUp() {
    String operationId = switch (payload) {
      case "positions" -> "getPositions";
      case "closedPnl", "closedPnlLarge" -> "getProfitAndLossHistory";
      case "walletFundRecords" -> "getWalletFundHistory";
      default -> throw new IllegalArgumentException("unknown payload " + payload);
    };
    body = switch (payload) {
      case "positions" -> Payloads.recorded(Payloads.POSITIONS);
      case "closedPnl" -> Payloads.recorded(Payloads.CLOSED_PNL);
      case "closedPnlLarge" -> Payloads.largeClosedPnl();
      default -> Payloads.recorded(Payloads.WALLET_FUND_RECORDS);
    };
    DecodeChecks.bybitKitReadsEveryEntry(operationId, body);
    bybitKit = BybitJson.decoder(BybitOperations.byId(operationId), false);
  }

  @Benchmark
  public Object bybitKit() {
    return bybitKit.result(body);
  }

  @Benchmark
  public long tokenWalk() {
    return TokenWalk.walk(body);
  }
}
