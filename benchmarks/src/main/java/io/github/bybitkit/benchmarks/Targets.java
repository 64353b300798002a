package io.github.bybitkit.benchmarks;

import io.github.bybitkit.benchmarks.Interleaved.Group;
import io.github.bybitkit.benchmarks.Interleaved.Metric;
import io.github.bybitkit.benchmarks.Interleaved.Stats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12's targets, checked against the interleaved harness's figures. Edit {@link #ALL} to change a target: each
 * entry names where it is measured (benchmark class and parameter), the ratio (numerator / denominator variant), CPU or
 * allocation, and the bound. A ratio is the median over the rounds of the per-round ratio; a geomean target takes the
 * geometric mean of those medians over its payloads. A target whose class was not run or whose variants do not exist
 * prints "missing" instead of failing.
 */
final class Targets {
  private static final String PM = "PortfolioMarginDecodeBenchmark";
  private static final String V2 = "V2DecodeBenchmark";
  private static final String SIGNING = "InterceptorSigningBenchmark";
  private static final String LOOPBACK = "LoopbackCallBenchmark";

  private static final List<Scope> PM_PAYLOADS = List.of(
      on(PM, "payload", "recorded"), on(PM, "payload", "large"));
  private static final List<Scope> DECODE_PAYLOADS = List.of(
      on(PM, "payload", "recorded"), on(PM, "payload", "large"),
      on(V2, "payload", "positions"), on(V2, "payload", "closedPnl"), on(V2, "payload", "closedPnlLarge"),
      on(V2, "payload", "walletFundRecords"));
  private static final List<Scope> LOOPBACK_PAYLOADS = List.of(
      on(LOOPBACK, "payload", "portfolioMargin"), on(LOOPBACK, "payload", "positions"));

  /** The targets, in the order of the table. */
  static final List<Target> ALL = List.of(
      each("decode CPU", DECODE_PAYLOADS, "bybitKit", "tokenWalk", Metric.CPU, Bound.atMost(1.3)),
      each("decode alloc", DECODE_PAYLOADS, "bybitKit", "tokenWalk", Metric.ALLOC, Bound.atMost(1.5)),
      geomean("vs Moshi reflective", PM_PAYLOADS, "moshiReflective", "bybitKit", Metric.CPU, Bound.atLeast(1.5)),
      geomean("vs Gson", PM_PAYLOADS, "gson", "bybitKit", Metric.CPU, Bound.atLeast(1.5)),
      geomean("vs Jackson databind", PM_PAYLOADS, "jacksonDatabind", "bybitKit", Metric.CPU, Bound.report()),
      each("v2 signing step", List.of(on(SIGNING)), "v2Step", "bareHmacV2", Metric.CPU, Bound.atMost(2)),
      marginal("v2 URL auth cost", List.of(on(SIGNING)), "v2AuthUrl", "v2PlainUrl", "bareHmacV2", Metric.CPU,
          Bound.report()),
      each("v5 signing step", List.of(on(SIGNING)), "v5Step", "bareHmacV5", Metric.CPU, Bound.atMost(2)),
      each("v5 RSA signing step", List.of(on(SIGNING)), "v5RsaStep", "bareRsaV5", Metric.CPU, Bound.report()),
      each("loopback call CPU", LOOPBACK_PAYLOADS, "bybitKit", "raw", Metric.CPU, Bound.atMost(1.2)),
      each("Retrofit+Gson call", LOOPBACK_PAYLOADS, "retrofitGson", "raw", Metric.CPU, Bound.report()));

  private Targets() {}

  /** A benchmark class, and optionally one parameter value (null: every group of the class). */
  record Scope(String benchmark, String param, String value) {
    boolean matches(Group group) {
      return group.benchmark().equals(benchmark) && (param == null || value.equals(group.params().get(param)));
    }

    @Override
    public String toString() {
      String shortName = benchmark.replaceFirst("Benchmark$", "");
      return param == null ? shortName : shortName + " " + value;
    }
  }

  /** At most, at least, or no bound (reported only). */
  record Bound(String symbol, double limit) {
    static Bound atMost(double limit) {
      return new Bound("<=", limit);
    }

    static Bound atLeast(double limit) {
      return new Bound(">=", limit);
    }

    static Bound report() {
      return new Bound("", Double.NaN);
    }

    String status(double value) {
      return switch (symbol) {
        case "<=" -> value <= limit ? "met" : "NOT MET";
        case ">=" -> value >= limit ? "met" : "NOT MET";
        default -> "report";
      };
    }

    @Override
    public String toString() {
      return symbol.isEmpty() ? "-" : String.format(Locale.ROOT, "%s %.2f", symbol, limit);
    }
  }

  /**
   * A ratio {@code numerator / denominator}, or, when {@code without} is set, the marginal ratio
   * {@code (numerator - without) / denominator}: what the numerator's extra work costs in denominators.
   */
  record Target(String what, List<Scope> scopes, String numerator, String without, String denominator,
      Metric metric, boolean geomean, Bound bound) {
    String ratio() {
      String top = without == null ? numerator : "(" + numerator + " - " + without + ")";
      return (metric == Metric.ALLOC ? "B/op " : "CPU ") + top + " / " + denominator;
    }

    boolean measuredIn(Group group) {
      return group.has(numerator) && group.has(denominator) && (without == null || group.has(without));
    }

    Stats stats(Group group) {
      return group.ratio(numerator, without, denominator, metric);
    }
  }

  record Row(String what, String where, String ratio, String value, String bound, String status) {}

  static Scope on(String benchmark) {
    return new Scope(benchmark, null, null);
  }

  static Scope on(String benchmark, String param, String value) {
    return new Scope(benchmark, param, value);
  }

  /** One row per payload, each checked. */
  static Target each(String what, List<Scope> scopes, String numerator, String denominator, Metric metric,
      Bound bound) {
    return new Target(what, scopes, numerator, null, denominator, metric, false, bound);
  }

  /** One row per payload: {@code (with - without) / denominator}, checked. */
  static Target marginal(String what, List<Scope> scopes, String with, String without, String denominator,
      Metric metric, Bound bound) {
    return new Target(what, scopes, with, without, denominator, metric, false, bound);
  }

  /** One row: the geometric mean of the payloads' median ratios, checked. */
  static Target geomean(String what, List<Scope> scopes, String numerator, String denominator, Metric metric,
      Bound bound) {
    return new Target(what, scopes, numerator, null, denominator, metric, true, bound);
  }

  static List<Row> evaluate(List<Target> targets, List<Group> groups) {
    List<Row> rows = new ArrayList<>();
    for (Target target : targets) {
      if (target.geomean()) {
        rows.add(geomeanRow(target, groups));
        continue;
      }
      for (Scope scope : target.scopes()) {
        List<Group> matched = groups.stream().filter(scope::matches).toList();
        if (matched.isEmpty()) {
          rows.add(missing(target, scope.toString(), "missing (not run)"));
        }
        for (Group group : matched) {
          String where = scope.param() == null ? group.key() : scope.toString();
          if (!target.measuredIn(group)) {
            rows.add(missing(target, where, "missing"));
            continue;
          }
          Stats stats = target.stats(group);
          rows.add(new Row(target.what(), where, target.ratio(), stats.format("%.2f"), target.bound().toString(),
              target.bound().status(stats.median())));
        }
      }
    }
    return rows;
  }

  private static Row geomeanRow(Target target, List<Group> groups) {
    String where = "geomean " + String.join(", ", target.scopes().stream()
        .map(s -> s.benchmark().equals(target.scopes().get(0).benchmark()) && s != target.scopes().get(0)
            ? String.valueOf(s.value()) : s.toString())
        .toList());
    double logSum = 0;
    int count = 0;
    StringBuilder each = new StringBuilder();
    for (Scope scope : target.scopes()) {
      List<Group> matched = groups.stream().filter(scope::matches).toList();
      if (matched.isEmpty()) {
        return missing(target, where, "missing (not run)");
      }
      for (Group group : matched) {
        if (!target.measuredIn(group)) {
          return missing(target, where, "missing");
        }
        double median = target.stats(group).median();
        logSum += Math.log(median);
        count++;
        each.append(each.length() == 0 ? " (" : ", ").append(String.format(Locale.ROOT, "%.2f", median));
      }
    }
    double geomean = Math.exp(logSum / count);
    return new Row(target.what(), where, target.ratio(), String.format(Locale.ROOT, "%.2f", geomean) + each + ")",
        target.bound().toString(), target.bound().status(geomean));
  }

  private static Row missing(Target target, String where, String status) {
    return new Row(target.what(), where, target.ratio(), "-", target.bound().toString(), status);
  }

  static void print(List<Row> rows, PrintStream out) {
    out.println();
    out.println("## Issue 12 targets (interleaved CPU time; median [IQR] over rounds)");
    String format = "%-20s %-46s %-42s %-22s %-8s %s%n";
    out.printf(Locale.ROOT, format, "target", "where", "ratio", "value", "bound", "status");
    for (Row row : rows) {
      out.printf(Locale.ROOT, format, row.what(), row.where(), row.ratio(), row.value(), row.bound(), row.status());
    }
  }
}
