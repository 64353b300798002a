package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * getPortfolioMargin --plot and --svg draw the recorded answers' P&L ranges: the points are read back from the
 * output and compared with the values in the recorded JSON, read here on their own.
 */
class PlotTest {
  private static final List<String> SERIES = List.of("ALL", "PERPETUAL", "OPTION");
  private static final Map<String, Character> MARKS = Map.of("ALL", '#', "PERPETUAL", 'p', "OPTION", 'o');

  @TempDir
  Path directory;

  /** Price move and worst P&L of each point of a series of the recorded answer's first coin, by price move. */
  private static List<double[]> expected(String file, String series) {
    Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) JsonTree.parse(Recorded.body("getPortfolioMargin", file)))
        .get("result");
    Map<?, ?> coin = (Map<?, ?>) ((List<?>) result.get("assetPnlRange")).get(0);
    Map<?, ?> set = (Map<?, ?>) ((Map<?, ?>) coin.get("totalPnlRanges")).get(series);
    List<double[]> points = new ArrayList<>();
    for (Object range : (List<?>) set.get("pnlRanges")) {
      Map<?, ?> point = (Map<?, ?>) range;
      double worst = ((List<?>) point.get("pnls")).stream()
          .mapToDouble(pnl -> new BigDecimal(pnl.toString()).doubleValue()).min().orElseThrow();
      points.add(new double[] {new BigDecimal(point.get("priceScale").toString()).doubleValue(), worst});
    }
    points.sort(Comparator.comparingDouble(p -> p[0]));
    return points;
  }

  private CliRun plot(String file, String... more) {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNextWithStatus("getPortfolioMargin", 1, 200, "application/json",
        Recorded.body("getPortfolioMargin", file));
    List<String> args = new ArrayList<>(List.of("getPortfolioMargin"));
    args.addAll(List.of(more));
    return CliRun.inSandbox(sandbox, args.toArray(String[]::new));
  }

  private static double[] yRange(String file) {
    double min = 0;
    double max = 0;
    for (String series : SERIES) {
      for (double[] point : expected(file, series)) {
        min = Math.min(min, point[1]);
        max = Math.max(max, point[1]);
      }
    }
    return new double[] {min, max};
  }

  @ParameterizedTest
  @ValueSource(strings = {"docs-v5.json", "first-version-trace-id.json"})
  void theSvgsPolylinesAreTheRecordedPnlRanges(String file) throws Exception {
    Path svg = directory.resolve("pnl.svg");

    CliRun run = plot(file, "--svg", svg.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("bybit: wrote the P&L chart to " + svg + "\n", run.errAfterSandboxMarker());
    assertTrue(run.out().contains("maxLossPriceMove"), "the tables as usual: " + run.out());
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
    assertEquals("svg", document.getDocumentElement().getTagName());
    NodeList charts = document.getElementsByTagName("g");
    Element chart = (Element) charts.item(0);
    assertEquals("BTC", chart.getAttribute("data-base-coin"));
    Element plot = (Element) chart.getElementsByTagName("g").item(0);
    double[] y = yRange(file);
    assertEquals(y[0], Double.parseDouble(plot.getAttribute("data-y-min")), 1e-9, "lowest P&L (or 0)");
    assertEquals(y[1], Double.parseDouble(plot.getAttribute("data-y-max")), 1e-9, "highest P&L (or 0)");
    double xMin = Double.parseDouble(plot.getAttribute("data-x-min"));
    double xMax = Double.parseDouble(plot.getAttribute("data-x-max"));
    assertEquals(-0.1, xMin, 1e-9);
    assertEquals(0.1, xMax, 1e-9);

    NodeList polylines = plot.getElementsByTagName("polyline");
    assertEquals(3, polylines.getLength());
    for (int i = 0; i < polylines.getLength(); i++) {
      Element polyline = (Element) polylines.item(i);
      String series = polyline.getAttribute("data-series");
      assertEquals(SERIES.get(i), series);
      List<double[]> expected = expected(file, series);
      String[] points = polyline.getAttribute("points").split(" ");
      assertEquals(expected.size(), points.length, series);
      for (int p = 0; p < points.length; p++) {
        String[] xy = points[p].split(",");
        // Back from plot units to values: the x axis runs from xMin to xMax, the y axis from y[1] down to y[0].
        double priceScale = xMin + Double.parseDouble(xy[0]) / PnlSvg.PLOT_WIDTH * (xMax - xMin);
        double pnl = y[1] - Double.parseDouble(xy[1]) / PnlSvg.PLOT_HEIGHT * (y[1] - y[0]);
        assertEquals(expected.get(p)[0], priceScale, 1e-4, series + " point " + p);
        assertEquals(expected.get(p)[1], pnl, (y[1] - y[0]) * 1e-4, series + " point " + p);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"docs-v5.json", "first-version-trace-id.json"})
  void theTerminalChartHasEachRecordedPointWhereItBelongs(String file) {
    CliRun run = plot(file, "--plot");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertEquals("BTC: P&L over the price move (# ALL, p PERPETUAL, o OPTION)", lines.get(0));
    int height = PnlChart.TERMINAL_HEIGHT;
    int width = PnlChart.TERMINAL_WIDTH;
    List<String> grid = lines.subList(1, 1 + height).stream()
        .map(line -> line.substring(line.indexOf('|') + 1))
        .map(row -> row + " ".repeat(width - row.length()))
        .toList();
    double[] y = yRange(file);
    assertTrue(lines.get(1).trim().startsWith(PnlChart.plain(BigDecimal.valueOf(y[1]))), lines.get(1));
    assertTrue(lines.get(height).trim().startsWith(PnlChart.plain(BigDecimal.valueOf(y[0]))), lines.get(height));
    assertTrue(lines.get(height + 2).contains("-10%") && lines.get(height + 2).contains("+10%"), run::toString);
    for (int s = 0; s < SERIES.size(); s++) {
      String series = SERIES.get(s);
      for (double[] point : expected(file, series)) {
        int column = (int) Math.round((point[0] + 0.1) / 0.2 * (width - 1));
        int row = (int) Math.round((y[1] - point[1]) / (y[1] - y[0]) * (height - 1));
        char drawn = grid.get(row).charAt(column);
        // A series drawn earlier in the legend covers the later ones where they meet.
        List<Character> allowed = SERIES.subList(0, s + 1).stream().map(MARKS::get).toList();
        assertTrue(allowed.contains(drawn), series + " at " + point[0] + ": '" + drawn + "' at row " + row
            + ", column " + column + "\n" + run.out());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--plot", "--svg"})
  void badPlotOptionsAreRefusedBeforeSending(String option) {
    FakeBybit sandbox = FakeBybit.start();
    String[] args = option.equals("--plot") ? new String[] {"getPortfolioMargin", "--plot", "--json"}
        : new String[] {"getPortfolioMargin", "--svg", directory.resolve("missing/dir/pnl.svg").toString()};

    CliRun run = CliRun.inSandbox(sandbox, args);

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(sandbox.requests().isEmpty());
    assertFalse(run.err().contains("[sandbox]"), run::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"getPositions", "getBalances"})
  void onlyPortfolioMarginHasPlots(String operation) {
    CliRun run = CliRun.run(operation, "--plot");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("bybit: Unknown option: '--plot'"), run::toString);
  }
}
