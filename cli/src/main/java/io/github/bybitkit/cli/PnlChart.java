package io.github.bybitkit.cli;

import io.github.bybitkit.v5.model.BybitAssetPnlRange;
import io.github.bybitkit.v5.model.BybitPnlRange;
import io.github.bybitkit.v5.model.BybitPnlRangeSet;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import io.github.bybitkit.v5.model.BybitTotalPnlRanges;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The P&amp;L ranges of a portfolio-margin answer as charts: one per base coin, a line each for all positions,
 * perpetuals and options (Bybit's {@code totalPnlRanges} ALL, PERPETUAL, OPTION), P&amp;L over the price move. Where
 * a point has one P&amp;L per implied-volatility shock, the worst is plotted. {@link #terminal} draws it with
 * characters, {@link PnlSvg} as an SVG file.
 *
 * @param baseCoin the coin the chart is for
 * @param series the lines; those Bybit sent no points for are left out
 */
record PnlChart(String baseCoin, List<Series> series) {
  static final int TERMINAL_WIDTH = 61;
  static final int TERMINAL_HEIGHT = 17;
  /** A plotted point: the price move (-0.1 is -10 %) and the P&amp;L at it. */
  record Point(BigDecimal priceScale, BigDecimal pnl) {}

  /**
   * @param name Bybit's name of the contract type: ALL, PERPETUAL or OPTION
   * @param mark the character the terminal chart draws the line with
   */
  record Series(String name, char mark, List<Point> points) {}

  /** The charts of every base coin in the answer; none when it has no P&amp;L ranges. */
  static List<PnlChart> of(BybitPortfolioMargin margin) {
    List<PnlChart> charts = new ArrayList<>();
    if (margin == null || margin.assetPnlRange() == null) {
      return charts;
    }
    for (BybitAssetPnlRange asset : margin.assetPnlRange()) {
      BybitTotalPnlRanges totals = asset.totalPnlRanges();
      if (totals == null) {
        continue;
      }
      List<Series> series = new ArrayList<>();
      addSeries(series, "ALL", '#', totals.all());
      addSeries(series, "PERPETUAL", 'p', totals.perpetual());
      addSeries(series, "OPTION", 'o', totals.option());
      if (!series.isEmpty()) {
        charts.add(new PnlChart(asset.baseCoin() == null ? "?" : asset.baseCoin(), series));
      }
    }
    return charts;
  }

  private static void addSeries(List<Series> series, String name, char mark, BybitPnlRangeSet set) {
    if (set == null || set.pnlRanges() == null) {
      return;
    }
    List<Point> points = new ArrayList<>();
    for (BybitPnlRange range : set.pnlRanges()) {
      if (range.priceScale() == null || range.pnls() == null) {
        continue;
      }
      range.pnls().stream().filter(pnl -> pnl != null).min(Comparator.naturalOrder())
          .ifPresent(worst -> points.add(new Point(range.priceScale(), worst)));
    }
    points.sort(Comparator.comparing(Point::priceScale));
    if (!points.isEmpty()) {
      series.add(new Series(name, mark, List.copyOf(points)));
    }
  }

  BigDecimal minScale() {
    return points().map(Point::priceScale).min(Comparator.naturalOrder()).orElseThrow();
  }

  BigDecimal maxScale() {
    return points().map(Point::priceScale).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The lowest P&amp;L, or 0 if every one is above: the zero line is always in the chart. */
  BigDecimal minPnl() {
    return points().map(Point::pnl).reduce(BigDecimal.ZERO, BigDecimal::min);
  }

  /** The highest P&amp;L, or 0 if every one is below. */
  BigDecimal maxPnl() {
    return points().map(Point::pnl).reduce(BigDecimal.ZERO, BigDecimal::max);
  }

  private java.util.stream.Stream<Point> points() {
    return series.stream().flatMap(s -> s.points().stream());
  }

  /**
   * The chart in characters: P&amp;L upwards with its highest, zero and lowest value labelled, the price move
   * across, a line per series drawn between its points (ALL over PERPETUAL over OPTION where they meet).
   *
   * @param width the plot's columns
   * @param height the plot's rows
   */
  String terminal(int width, int height) {
    char[][] grid = new char[height][width];
    for (char[] row : grid) {
      java.util.Arrays.fill(row, ' ');
    }
    double xMin = minScale().doubleValue();
    double xMax = maxScale().doubleValue();
    double yMin = minPnl().doubleValue();
    double yMax = maxPnl().doubleValue();
    int zeroRow = row(0, yMin, yMax, height);
    java.util.Arrays.fill(grid[zeroRow], '-');
    // Drawn last on top: OPTION, then PERPETUAL, then ALL.
    for (int s = series.size() - 1; s >= 0; s--) {
      Series line = series.get(s);
      for (int column = 0; column < width; column++) {
        double x = width == 1 ? xMin : xMin + (xMax - xMin) * column / (width - 1);
        Double y = interpolate(line.points(), x);
        if (y != null) {
          grid[row(y, yMin, yMax, height)][column] = line.mark();
        }
      }
    }
    String top = plain(maxPnl());
    String bottom = plain(minPnl());
    int labelWidth = Math.max(Math.max(top.length(), bottom.length()), 1);
    StringBuilder out = new StringBuilder();
    out.append(ResultTable.printable(baseCoin)).append(": P&L over the price move (");
    for (int s = 0; s < series.size(); s++) {
      out.append(s == 0 ? "" : ", ").append(series.get(s).mark()).append(' ').append(series.get(s).name());
    }
    out.append(")\n");
    for (int r = 0; r < height; r++) {
      String label = r == 0 ? top : r == height - 1 ? bottom : r == zeroRow ? "0" : "";
      out.append(" ".repeat(labelWidth - label.length())).append(label).append(" |")
          .append(new String(grid[r]).stripTrailing()).append('\n');
    }
    out.append(" ".repeat(labelWidth)).append(" +").append("-".repeat(width)).append('\n');
    String left = percent(minScale());
    String right = percent(maxScale());
    String middle = "price move";
    int gap = Math.max(1, width - left.length() - right.length() - middle.length());
    out.append(" ".repeat(labelWidth + 2)).append(left).append(" ".repeat(gap / 2)).append(middle)
        .append(" ".repeat(gap - gap / 2)).append(right).append('\n');
    return out.toString();
  }

  /** The P&amp;L a line has at price move {@code x}, straight between its points; null outside them. */
  private static Double interpolate(List<Point> points, double x) {
    for (int i = 0; i < points.size(); i++) {
      double x1 = points.get(i).priceScale().doubleValue();
      double y1 = points.get(i).pnl().doubleValue();
      if (Math.abs(x1 - x) < 1e-12) {
        return y1;
      }
      if (i + 1 < points.size()) {
        double x2 = points.get(i + 1).priceScale().doubleValue();
        double y2 = points.get(i + 1).pnl().doubleValue();
        if (x1 < x && x < x2) {
          return y1 + (y2 - y1) * (x - x1) / (x2 - x1);
        }
      }
    }
    return null;
  }

  private static int row(double y, double yMin, double yMax, int height) {
    if (yMax == yMin) {
      return height - 1;
    }
    return (int) Math.round((yMax - y) / (yMax - yMin) * (height - 1));
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** -0.1 as "-10%". */
  static String percent(BigDecimal scale) {
    String text = plain(scale.movePointRight(2));
    return (scale.signum() > 0 ? "+" : "") + text + "%";
  }

  /** The charts in characters, one after the other; a line saying so when there are none. */
  static String terminal(List<PnlChart> charts) {
    if (charts.isEmpty()) {
      return "(no P&L ranges in the answer)\n";
    }
    StringBuilder out = new StringBuilder();
    for (PnlChart chart : charts) {
      out.append(out.isEmpty() ? "" : "\n").append(chart.terminal(TERMINAL_WIDTH, TERMINAL_HEIGHT));
    }
    return out.toString();
  }

  /** Lower-case names for the legend of the SVG. */
  static String label(String seriesName) {
    return seriesName.toLowerCase(Locale.ROOT);
  }
}
