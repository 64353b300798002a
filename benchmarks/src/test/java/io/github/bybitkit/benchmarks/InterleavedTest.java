package io.github.bybitkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.benchmarks.Interleaved.Group;
import io.github.bybitkit.benchmarks.Interleaved.Metric;
import io.github.bybitkit.benchmarks.Interleaved.Options;
import io.github.bybitkit.benchmarks.Interleaved.Series;
import io.github.bybitkit.benchmarks.Interleaved.Stats;
import io.github.bybitkit.benchmarks.Interleaved.Variant;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The interleaved harness: its discovery of variants and fixtures, its statistics, and its real measurement. Public
 * because JMH's annotation processor generates code for the nested benchmark class.
 */
public class InterleavedTest {
  /** A meter the synthetic variants drive: each op adds its known cost, so every ratio is exact. */
  static final class FakeMeter implements Interleaved.Meter {
    static long cpu;
    static long bytes;

    @Override
    public long cpuNanos() {
      return cpu;
    }

    @Override
    public long allocatedBytes() {
      return bytes;
    }
  }

  /** A benchmark class as JMH sees one; its ops cost 100 fake ns, 100 × factor, and 200. */
  @State(Scope.Benchmark)
  public static class TinyBenchmark {
    static final List<Integer> trialSetUps = new ArrayList<>();
    static int trialTearDowns;
    static int iterationSetUps;
    static int iterationTearDowns;

    @Param({"1", "3"})
    public int factor;

    @Setup(Level.Trial)
    public void setUp() {
      trialSetUps.add(factor);
    }

    @Setup(Level.Iteration)
    public void beforeIteration() {
      iterationSetUps++;
    }

    @TearDown(Level.Iteration)
    public void afterIteration() {
      iterationTearDowns++;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      trialTearDowns++;
    }

    @Benchmark
    public void base() {
      FakeMeter.cpu += 100;
      FakeMeter.bytes += 10;
    }

    @Benchmark
    public long scaled() {
      FakeMeter.cpu += 100L * factor;
      FakeMeter.bytes += 20;
      return FakeMeter.cpu;
    }

    @Benchmark
    public void withBlackhole(Blackhole blackhole) {
      FakeMeter.cpu += 200;
      blackhole.consume(FakeMeter.cpu);
    }
  }

  private static Options options(int rounds, double sliceMs, double warmupSeconds) {
    return new Options(Pattern.compile(""), rounds, (long) (sliceMs * 1e6), (long) (warmupSeconds * 1e9));
  }

  @Test
  void findsTheVariantsSetsEachParamAndCallsTheFixtures() throws Throwable {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<Group> groups = Interleaved.run(TinyBenchmark.class, options(7, 1, 0), new FakeMeter(),
        new PrintStream(table, true, StandardCharsets.UTF_8), quiet);

    assertEquals(2, groups.size());
    assertEquals(List.of(1, 3), TinyBenchmark.trialSetUps, "trial setup once per combination, after @Param is set");
    assertEquals(2, TinyBenchmark.trialTearDowns);
    // Per combination: around the warm-up, then around each of the 7 rounds.
    assertEquals(2 * (7 + 1), TinyBenchmark.iterationSetUps);
    assertEquals(2 * (7 + 1), TinyBenchmark.iterationTearDowns);
    for (int i = 0; i < 2; i++) {
      Group group = groups.get(i);
      int factor = i == 0 ? 1 : 3;
      assertEquals("TinyBenchmark", group.benchmark());
      assertEquals(Map.of("factor", String.valueOf(factor)), group.params());
      assertEquals(List.of("base", "scaled", "withBlackhole"), List.copyOf(group.variants().keySet()));
      assertEquals(7, group.variants().get("base").cpuNsPerOp().length);
      assertEquals(new Stats(factor, factor, factor), group.ratio("scaled", "base", Metric.CPU));
      assertEquals(new Stats(2, 2, 2), group.ratio("withBlackhole", "base", Metric.CPU));
      assertEquals(2.0, group.ratio("scaled", "base", Metric.ALLOC).median());
      assertEquals(100.0 * factor, Stats.of(group.variants().get("scaled").cpuNsPerOp()).median());
    }
    String printed = table.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("## TinyBenchmark factor=3 (interleaved)"), printed);
  }

  @Test
  void theJmhListNamesTheBenchmarkClasses() throws Exception {
    List<String> classes = Interleaved.benchmarkClasses();
    assertTrue(classes.contains(PortfolioMarginDecodeBenchmark.class.getName()), classes.toString());
    assertTrue(classes.contains(LoopbackCallBenchmark.class.getName()), classes.toString());
  }

  @Test
  void aForkedClassHandsItsFiguresBackUnchanged(@TempDir Path dir) throws Exception {
    Map<String, Series> variants = new LinkedHashMap<>();
    variants.put("floor", new Series(new double[] {1.5, 2.25}, new double[] {0, 16}));
    variants.put("fast", new Series(new double[] {3.0, 1e-3}, new double[] {24, 1e9}));
    List<Group> groups = List.of(new Group("A", Map.of("payload", "p=1"), variants), new Group("B", Map.of(),
        Map.of("only", new Series(new double[] {7}, new double[] {8}))));
    Path file = dir.resolve("figures.tsv");
    Interleaved.writeData(groups, file);
    List<Group> read = Interleaved.readData(file);
    assertEquals(2, read.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(groups.get(i).key(), read.get(i).key());
      assertEquals(List.copyOf(groups.get(i).variants().keySet()), List.copyOf(read.get(i).variants().keySet()));
      for (String name : groups.get(i).variants().keySet()) {
        Series expected = groups.get(i).variants().get(name);
        Series actual = read.get(i).variants().get(name);
        assertArrayEquals(expected.cpuNsPerOp(), actual.cpuNsPerOp());
        assertArrayEquals(expected.allocBytesPerOp(), actual.allocBytesPerOp());
      }
    }
  }

  @Test
  void medianAndQuartilesOfTheRounds() {
    assertEquals(new Stats(3, 2, 4), Stats.of(new double[] {100, 4, 1, 3, 2}));
    assertEquals(new Stats(2.5, 1.75, 3.25), Stats.of(new double[] {4, 1, 3, 2}));
  }

  @Test
  void aRatioIsTakenPerRoundBeforeTheMedian() {
    // Round 2 ran on a slow machine for both variants: per round the ratio is 4, 4, 2 -> median 4, while the
    // ratio of the two medians would be 8 / 3.
    Group group = new Group("X", Map.of(), Map.of(
        "a", new Series(new double[] {4, 40, 12}, new double[3]),
        "b", new Series(new double[] {1, 10, 6}, new double[3])));
    assertEquals(4.0, group.ratio("a", "b", Metric.CPU).median());
  }

  /** Real CPU time: one variant does 3 times the work of the other, so the median ratio is about 3. */
  @Test
  void measuresRealCpuTimeAndAllocationInAlternatingSlices() throws Throwable {
    Variant once = new Variant("once", n -> {
      for (int i = 0; i < n; i++) {
        sink = work(2_000, sink);
        allocated = new long[100];
      }
    });
    Variant thrice = new Variant("thrice", n -> {
      for (int i = 0; i < n; i++) {
        sink = work(6_000, sink);
        allocated = new long[300];
      }
    });
    Map<String, Series> series = Interleaved.measure(List.of(once, thrice), options(15, 3, 0.3),
        Interleaved.threadMeter(), Interleaved.NO_FIXTURE, new PrintStream(OutputStream.nullOutputStream()));
    Group group = new Group("Work", Map.of(), series);
    double cpuRatio = group.ratio("thrice", "once", Metric.CPU).median();
    assertTrue(cpuRatio > 2.4 && cpuRatio < 3.6, "CPU ratio " + cpuRatio);
    // A long[n] is a 16-byte header and 8 n bytes.
    double onceBytes = Stats.of(series.get("once").allocBytesPerOp()).median();
    double thriceBytes = Stats.of(series.get("thrice").allocBytesPerOp()).median();
    assertTrue(onceBytes >= 816 && onceBytes < 840, "B/op " + onceBytes);
    assertTrue(thriceBytes >= 2416 && thriceBytes < 2440, "B/op " + thriceBytes);
  }

  static volatile long sink;
  static volatile long[] allocated;

  /** Serial work the JIT cannot shorten: each step depends on the one before. */
  private static long work(int steps, long seed) {
    long x = seed;
    for (int i = 0; i < steps; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      x ^= x >>> 29;
    }
    return x;
  }
}
