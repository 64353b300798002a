package io.github.bybitkit.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link PnlChart}s as one SVG document, a chart per base coin below each other. Each chart's plot area is
 * {@value #PLOT_WIDTH} by {@value #PLOT_HEIGHT} units; a series is a {@code polyline} whose points map the price move
 * linearly onto the width (lowest at the left) and the P&amp;L onto the height (highest at the top). The plot area
 * carries its ranges as {@code data-} attributes, so that a reader (the tests) can map points back to values.
 */
final class PnlSvg {
  static final int PLOT_WIDTH = 600;
  static final int PLOT_HEIGHT = 300;
  private static final int LEFT = 90;
  private static final int TOP = 40;
  private static final int CHART_HEIGHT = TOP + PLOT_HEIGHT + 70;
  private static final int WIDTH = LEFT + PLOT_WIDTH + 150;
  private static final Map<String, String> COLORS = Map.of("ALL", "#1f4e9c", "PERPETUAL", "#d9822b",
      "OPTION", "#2e9c5a");

  private PnlSvg() {}

  static String render(List<PnlChart> charts) {
    StringBuilder svg = new StringBuilder();
    int height = Math.max(1, charts.size()) * CHART_HEIGHT;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (int i = 0; i < charts.size(); i++) {
      chart(svg, charts.get(i), i * CHART_HEIGHT);
    }
    return svg.append("</svg>\n").toString();
  }

  private static void chart(StringBuilder svg, PnlChart chart, int offset) {
    double xMin = chart.minScale().doubleValue();
    double xMax = chart.maxScale().doubleValue();
    double yMin = chart.minPnl().doubleValue();
    double yMax = chart.maxPnl().doubleValue();
    svg.append("  <g class=\"chart\" data-base-coin=\"").append(escape(chart.baseCoin()))
        .append("\" transform=\"translate(0,").append(offset).append(")\">\n");
    svg.append("    <text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\">")
        .append(escape(chart.baseCoin())).append(": P&amp;L over the price move</text>\n");
    svg.append("    <g class=\"plot\" transform=\"translate(").append(LEFT).append(',').append(TOP)
        .append(")\" data-x-min=\"").append(PnlChart.plain(chart.minScale()))
        .append("\" data-x-max=\"").append(PnlChart.plain(chart.maxScale()))
        .append("\" data-y-min=\"").append(PnlChart.plain(chart.minPnl()))
        .append("\" data-y-max=\"").append(PnlChart.plain(chart.maxPnl())).append("\">\n");
    svg.append("      <rect width=\"").append(PLOT_WIDTH).append("\" height=\"").append(PLOT_HEIGHT)
        .append("\" fill=\"none\" stroke=\"#999\"/>\n");
    double zero = y(0, yMin, yMax);
    svg.append("      <line x1=\"0\" x2=\"").append(PLOT_WIDTH).append("\" y1=\"").append(number(zero))
        .append("\" y2=\"").append(number(zero)).append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n");
    // Axis labels: highest, zero and lowest P&L; the price move of each point of the first series.
    for (BigDecimal value : List.of(chart.maxPnl(), BigDecimal.ZERO, chart.minPnl())) {
      svg.append("      <text x=\"-6\" y=\"").append(number(y(value.doubleValue(), yMin, yMax) + 4))
          .append("\" text-anchor=\"end\">").append(PnlChart.plain(value)).append("</text>\n");
    }
    for (PnlChart.Point point : chart.series().get(0).points()) {
      svg.append("      <text x=\"").append(number(x(point.priceScale().doubleValue(), xMin, xMax)))
          .append("\" y=\"").append(PLOT_HEIGHT + 18).append("\" text-anchor=\"middle\">")
          .append(PnlChart.percent(point.priceScale())).append("</text>\n");
    }
    svg.append("      <text x=\"").append(PLOT_WIDTH / 2).append("\" y=\"").append(PLOT_HEIGHT + 40)
        .append("\" text-anchor=\"middle\">price move</text>\n");
    int legend = 0;
    for (PnlChart.Series series : chart.series()) {
      String color = COLORS.getOrDefault(series.name(), "black");
      StringBuilder points = new StringBuilder();
      for (PnlChart.Point point : series.points()) {
        points.append(points.isEmpty() ? "" : " ").append(number(x(point.priceScale().doubleValue(), xMin, xMax)))
            .append(',').append(number(y(point.pnl().doubleValue(), yMin, yMax)));
      }
      svg.append("      <polyline data-series=\"").append(series.name()).append("\" fill=\"none\" stroke=\"")
          .append(color).append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>\n");
      svg.append("      <text x=\"").append(PLOT_WIDTH + 16).append("\" y=\"").append(16 + 20 * legend++)
          .append("\" fill=\"").append(color).append("\">").append(PnlChart.label(series.name())).append("</text>\n");
    }
    svg.append("    </g>\n  </g>\n");
  }

  private static double x(double priceScale, double xMin, double xMax) {
    return xMax == xMin ? PLOT_WIDTH / 2.0 : (priceScale - xMin) / (xMax - xMin) * PLOT_WIDTH;
  }

  private static double y(double pnl, double yMin, double yMax) {
    return yMax == yMin ? PLOT_HEIGHT / 2.0 : (yMax - pnl) / (yMax - yMin) * PLOT_HEIGHT;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
