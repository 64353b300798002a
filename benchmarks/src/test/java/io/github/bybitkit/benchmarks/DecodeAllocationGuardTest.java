package io.github.bybitkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's regression guard, by allocation rather than time (bytes allocated per decode do not depend on how busy
 * the machine is): decoding the large portfolio-margin page through the client's path may allocate at most
 * {@link #MAX_RATIO} times what the {@code JsonReader} token walk (the floor, {@link TokenWalk}) allocates for the
 * same bytes, both measured here the same way, on this thread, after warm-up.
 */
class DecodeAllocationGuardTest {
  /**
   * Measured here on JDK 17.0.15: 1.23x (601 KB against 489 KB for the 101.6 KB page); 2.90x before issue 12's
   * allocation work (JMH -prof gc then: 2.94x). The headroom covers JDK and JIT differences in what escape analysis
   * removes; the target is 1.5x.
   */
  static final double MAX_RATIO = 1.35;

  private static final int WARM_UP_DECODES = 300;
  private static final int ROUNDS = 15;
  private static final int DECODES_PER_ROUND = 10;

  @Test
  void largePortfolioMarginDecodeAllocatesLittleMoreThanTheTokenWalk() {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    byte[] body = Payloads.largePortfolioMargin();
    BybitJson.ResponseDecoder bybitKit = BybitJson.decoder(BybitOperations.GET_PORTFOLIO_MARGIN, false);
    // The guard is meaningless if the decoder skips the work: the page's entries are all there.
    BybitPortfolioMargin decoded = (BybitPortfolioMargin) bybitKit.result(body);
    assertTrue(decoded.assetPnlRange().size() > 10, "decoded " + decoded.assetPnlRange().size() + " entries");

    ToLongFunction<byte[]> ours = b -> ((BybitPortfolioMargin) bybitKit.result(b)).assetPnlRange().size();
    ToLongFunction<byte[]> floor = TokenWalk::walk;
    for (int i = 0; i < WARM_UP_DECODES; i++) {
      ours.applyAsLong(body);
      floor.applyAsLong(body);
    }
    // Interleaved rounds, medians: a round that straddles a JIT recompilation does not decide the outcome.
    long[] oursPerDecode = new long[ROUNDS];
    long[] floorPerDecode = new long[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      oursPerDecode[round] = bytesPerDecode(threads, ours, body);
      floorPerDecode[round] = bytesPerDecode(threads, floor, body);
    }
    long oursMedian = median(oursPerDecode);
    long floorMedian = median(floorPerDecode);
    double ratio = (double) oursMedian / floorMedian;
    assertTrue(ratio <= MAX_RATIO, String.format("decoding the %d-byte portfolio-margin page allocates %d bytes, "
        + "%.2fx the token walk's %d bytes (limit %.2fx); per round: ours %s, token walk %s", body.length,
        oursMedian, ratio, floorMedian, MAX_RATIO, Arrays.toString(oursPerDecode),
        Arrays.toString(floorPerDecode)));
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM cannot count allocated bytes per thread");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }

  private static long bytesPerDecode(com.sun.management.ThreadMXBean threads, ToLongFunction<byte[]> decode,
      byte[] body) {
    long thread = Thread.currentThread().getId();
    long sink = 0;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < DECODES_PER_ROUND; i++) {
      sink += decode.applyAsLong(body);
    }
    long after = threads.getThreadAllocatedBytes(thread);
    assertTrue(sink > 0, "the decodes read nothing");
    return (after - before) / DECODES_PER_ROUND;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
