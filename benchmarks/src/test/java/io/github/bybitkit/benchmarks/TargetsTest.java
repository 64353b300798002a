package io.github.bybitkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.benchmarks.Interleaved.Group;
import io.github.bybitkit.benchmarks.Interleaved.Metric;
import io.github.bybitkit.benchmarks.Interleaved.Series;
import io.github.bybitkit.benchmarks.Targets.Bound;
import io.github.bybitkit.benchmarks.Targets.Row;
import io.github.bybitkit.benchmarks.Targets.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The met / NOT MET / missing logic of the target table, on figures known by construction. */
class TargetsTest {
  /** A group whose variants cost the given CPU ns/op (and B/op) in every one of 5 rounds. */
  private static Group group(String benchmark, String payload, Object... variantAndCost) {
    Map<String, Series> variants = new LinkedHashMap<>();
    for (int i = 0; i < variantAndCost.length; i += 2) {
      double cost = ((Number) variantAndCost[i + 1]).doubleValue();
      variants.put((String) variantAndCost[i], new Series(new double[] {cost, cost, cost, cost, cost},
          new double[] {cost * 2, cost * 2, cost * 2, cost * 2, cost * 2}));
    }
    return new Group(benchmark, payload == null ? Map.of() : Map.of("payload", payload), variants);
  }

  private static final List<Group> GROUPS = List.of(
      group("Decode", "small", "fast", 100, "floor", 90, "peer", 120),
      group("Decode", "big", "fast", 100, "floor", 50, "peer", 300),
      group("Sign", null, "step", 150, "bare", 100));

  @Test
  void eachPayloadIsCheckedAgainstItsBound() {
    List<Row> rows = Targets.evaluate(List.of(Targets.each("cpu", List.of(Targets.on("Decode", "payload", "small"),
        Targets.on("Decode", "payload", "big")), "fast", "floor", Metric.CPU, Bound.atMost(1.3))), GROUPS);
    assertEquals(2, rows.size());
    assertEquals("1.11 [1.11-1.11]", rows.get(0).value());
    assertEquals("met", rows.get(0).status());
    assertEquals("2.00 [2.00-2.00]", rows.get(1).value());
    assertEquals("NOT MET", rows.get(1).status());
  }

  @Test
  void allocationUsesBytesPerOp() {
    // B/op are twice CPU ns/op in these groups: the ratio is the same, so a CPU bound of 1.5 at 1.5 is met.
    Row row = Targets.evaluate(List.of(Targets.each("alloc", List.of(Targets.on("Sign")), "step", "bare",
        Metric.ALLOC, Bound.atMost(1.5))), GROUPS).get(0);
    assertEquals("1.50 [1.50-1.50]", row.value());
    assertEquals("met", row.status());
    assertTrue(row.ratio().startsWith("B/op"), row.ratio());
  }

  @Test
  void geomeanOverPayloadsAgainstALowerBound() {
    List<Target> targets = List.of(
        Targets.geomean("peer", List.of(Targets.on("Decode", "payload", "small"), Targets.on("Decode", "payload",
            "big")), "peer", "fast", Metric.CPU, Bound.atLeast(1.5)),
        Targets.geomean("peer strict", List.of(Targets.on("Decode", "payload", "small"), Targets.on("Decode",
            "payload", "big")), "peer", "fast", Metric.CPU, Bound.atLeast(2)));
    List<Row> rows = Targets.evaluate(targets, GROUPS);
    // sqrt(1.2 * 3.0) = 1.897
    assertEquals("1.90 (1.20, 3.00)", rows.get(0).value());
    assertEquals("met", rows.get(0).status());
    assertEquals("NOT MET", rows.get(1).status());
  }

  @Test
  void aMarginalRatioIsTheExtraCostInDenominators() {
    List<Group> groups = List.of(group("Sign", null, "with", 400, "without", 250, "bare", 100));
    List<Row> rows = Targets.evaluate(List.of(
        Targets.marginal("extra", List.of(Targets.on("Sign")), "with", "without", "bare", Metric.CPU,
            Bound.atMost(1.2)),
        Targets.marginal("extra, absent", List.of(Targets.on("Sign")), "with", "nothing", "bare", Metric.CPU,
            Bound.atMost(1.2))), groups);
    assertEquals("1.50 [1.50-1.50]", rows.get(0).value());
    assertEquals("NOT MET", rows.get(0).status());
    assertEquals("CPU (with - without) / bare", rows.get(0).ratio());
    assertEquals("missing", rows.get(1).status());
  }

  @Test
  void absentVariantsOrClassesAreMissingNotFailures() {
    List<Row> rows = Targets.evaluate(List.of(
        Targets.each("absent variant", List.of(Targets.on("Sign")), "v2Step", "bare", Metric.CPU, Bound.atMost(2)),
        Targets.each("absent class", List.of(Targets.on("Loopback")), "a", "b", Metric.CPU, Bound.atMost(2)),
        Targets.geomean("absent in one", List.of(Targets.on("Decode", "payload", "small"),
            Targets.on("Decode", "payload", "huge")), "peer", "fast", Metric.CPU, Bound.atLeast(1.5)),
        Targets.each("reported", List.of(Targets.on("Sign")), "step", "bare", Metric.CPU, Bound.report())),
        GROUPS);
    assertEquals("missing", rows.get(0).status());
    assertEquals("missing (not run)", rows.get(1).status());
    assertEquals("missing (not run)", rows.get(2).status());
    assertEquals("report", rows.get(3).status());
    assertEquals("1.50 [1.50-1.50]", rows.get(3).value());
  }

  @Test
  void theIssueSigningTargetsSayMissingWhenTheStepVariantsAreAbsent() {
    List<Row> rows = Targets.evaluate(Targets.ALL, List.of(
        group("InterceptorSigningBenchmark", null, "chainOnly", 1, "v2Signed", 10, "v5Signed", 3)));
    List<Row> signing = rows.stream().filter(r -> r.what().contains("signing")).toList();
    assertEquals(3, signing.size());
    signing.forEach(r -> assertEquals("missing", r.status(), r.toString()));
  }
}
