package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Prints, from one JMH JSON result file, each variant's score divided by the floor and by each peer of the same
 * benchmark class and parameters, with the JMH error (99.9% confidence half-width) carried into the ratio.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.bybitkit.benchmarks.Report
 * benchmarks/target/results.json}
 */
public final class Report {
  /** Per benchmark class, the method that is the floor (ratios are against it). */
  static final Map<String, String> FLOORS = Map.of(
      "PortfolioMarginDecodeBenchmark", "tokenWalk",
      "V2DecodeBenchmark", "tokenWalk",
      "SigningBenchmark", "bareHmacReadyMac",
      "LoopbackCallBenchmark", "raw",
      "InterceptorSigningBenchmark", "chainOnly");

  record Result(String group, String method, double score, double error, String unit, Double allocBytesPerOp) {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results.json");
    List<Result> results = read(Files.readAllBytes(file));
    Map<String, List<Result>> byGroup = new LinkedHashMap<>();
    for (Result r : results) {
      byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Result>> group : byGroup.entrySet()) {
      List<Result> rows = group.getValue();
      System.out.println();
      System.out.println("## " + group.getKey());
      StringBuilder header = new StringBuilder(String.format("%-20s %20s %14s", "variant", "score ± error",
          "alloc B/op"));
      for (Result other : rows) {
        header.append(String.format(" %20s", "/ " + other.method()));
      }
      System.out.println(header);
      for (Result r : rows) {
        StringBuilder line = new StringBuilder(String.format("%-20s %20s %14s", r.method(),
            String.format("%.3f ± %.3f %s", r.score(), r.error(), r.unit()),
            r.allocBytesPerOp() == null ? "-" : String.format("%.0f", r.allocBytesPerOp())));
        for (Result other : rows) {
          line.append(String.format(" %20s", ratio(r, other)));
        }
        System.out.println(line);
      }
    }
    System.out.println();
    System.out.println("Ratios are score / score (lower is faster for the row); ± is the ratio's error from both JMH"
        + " errors (first order). Floors: " + FLOORS + ". One run, one machine: compare within a group only.");
  }

  /** a/b with the relative errors added (first-order propagation, conservative for independent errors). */
  private static String ratio(Result a, Result b) {
    double ratio = a.score() / b.score();
    double relativeError = a.error() / a.score() + b.error() / b.score();
    // JMH gives no error for fewer than 2 iterations: say so rather than print a false ± 0.
    return Double.isNaN(relativeError) ? String.format("%.2fx ± n/a", ratio)
        : String.format("%.2fx ± %.2f", ratio, ratio * relativeError);
  }

  @SuppressWarnings("unchecked")
  static List<Result> read(byte[] json) throws IOException {
    List<Object> runs = (List<Object>) JsonReader.of(new Buffer().write(json)).readJsonValue();
    List<Result> results = new ArrayList<>();
    for (Object run : runs) {
      Map<String, Object> benchmark = (Map<String, Object>) run;
      String fullName = (String) benchmark.get("benchmark");
      int lastDot = fullName.lastIndexOf('.');
      String method = fullName.substring(lastDot + 1);
      String className = fullName.substring(fullName.lastIndexOf('.', lastDot - 1) + 1, lastDot);
      Map<String, Object> params = (Map<String, Object>) benchmark.get("params");
      String group = params == null ? className : className + " " + params;
      Map<String, Object> primary = (Map<String, Object>) benchmark.get("primaryMetric");
      Map<String, Object> secondary = (Map<String, Object>) benchmark.get("secondaryMetrics");
      Double alloc = null;
      if (secondary != null && secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm) {
        alloc = number(norm.get("score"));
      }
      results.add(new Result(group, method, number(primary.get("score")), number(primary.get("scoreError")),
          (String) primary.get("scoreUnit"), alloc));
    }
    // The floor first in each group, so the first ratio column is against it.
    results.sort((x, y) -> Boolean.compare(!isFloor(x), !isFloor(y)));
    return results;
  }

  private static boolean isFloor(Result r) {
    return Objects.equals(FLOORS.get(r.group().split(" ", 2)[0]), r.method());
  }

  /** JMH writes "NaN" as a string when there is too little data for an error. */
  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
