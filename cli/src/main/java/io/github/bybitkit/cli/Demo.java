package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitPages;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.v5.model.BybitAssetPnlRange;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bybit demo}: a scripted session against the sandbox, through the typed SDK, printing each step with the
 * equivalent {@code bybit} command and its result. Lists of wide records show the fields the step is about; the
 * commands show all of them.
 */
final class Demo {
  static final String SYMBOL = "BTCUSD";
  static final int LEVERAGE = 10;
  static final BigDecimal MARGIN = new BigDecimal("0.01");
  /** Small pages, so that the closed P&L takes several requests. */
  static final int PNL_PAGE_SIZE = 5;
  static final int STEPS = 8;

  private final PrintStream out;
  private int step;
  /** A line a step prints below its table, or null. */
  private String footer;

  private Demo(PrintStream out) {
    this.out = out;
  }

  /** Runs every step; a failed step ends the demo with its exit code (see {@link Main#reportFailure}). */
  static int run(PrintStream out, PrintStream err, Supplier<FakeBybit> sandboxes, SandboxState state) {
    FakeBybit sandbox = sandboxes.get();
    startingPoint(sandbox);
    try {
      // The saved sandbox starts where the demo starts, so its commands run one by one give the same results.
      state.save(sandbox);
    } catch (IOException e) {
      sandbox.close();
      err.println("bybit: cannot write the sandbox state to " + state.file() + " (" + e.getClass().getSimpleName()
          + ")");
      return ExitCode.FAILURE;
    }
    err.println(Main.SANDBOX_MARKER);
    // The session itself runs on the fake in memory: the saved state stays at the starting point.
    try (Session session = Session.inMemory(sandbox)) {
      new Demo(out).session(session.client());
      out.println();
      out.println("The sandbox's saved account (" + state.file() + ") is back at the start of this demo: the commands"
          + " above, run one by one, give the same results. 'bybit sandbox reset' also starts over.");
      return ExitCode.OK;
    } catch (BybitException e) {
      out.flush();
      return Main.reportFailure(e, err);
    }
  }

  /** The script's starting point, whatever the recorded answers say: BTCUSD in cross margin, so it can switch. */
  static void startingPoint(FakeBybit sandbox) {
    sandbox.account().setIsolated(SYMBOL, false);
  }

  private void session(BybitClient bybit) {
    InversePerpetualAccountClient account = bybit.inversePerpetual().account();
    out.println("BybitKit demo: a scripted session against the sandbox, an in-process fake Bybit (no credentials,");
    out.println("no real account). " + SYMBOL + " starts in cross margin. Each step shows the bybit command that does"
        + " the same.");

    step("Balances", "bybit getBalances", account::getBalances);
    step("Positions", "bybit getPositions", () -> positions(account.getPositions()));
    step("Set leverage", "bybit setLeverage --symbol " + SYMBOL + " --leverage " + LEVERAGE,
        () -> account.setLeverage(SYMBOL, BigDecimal.valueOf(LEVERAGE)));
    step("Switch to isolated margin", "bybit setIsolatedMode --symbol " + SYMBOL + " --is-isolated true"
        + " --buy-leverage " + LEVERAGE + " --sell-leverage " + LEVERAGE, () -> {
          account.setIsolatedMode(SYMBOL, true, BigDecimal.valueOf(LEVERAGE), BigDecimal.valueOf(LEVERAGE));
          return null;
        });
    step("Change margin: add " + MARGIN.toPlainString() + " BTC to the isolated position (the new position margin)",
        "bybit changeMargin --symbol " + SYMBOL + " --margin " + MARGIN.toPlainString(),
        () -> account.changeMargin(SYMBOL, MARGIN));
    step("Positions again: leverage, isolated margin and position margin changed", "bybit getPositions --symbol "
        + SYMBOL, () -> positions(account.getPositions(GetPositionsRequest.builder().symbol(SYMBOL).build())));
    step("Closed P&L: every page, through the paging helper (getProfitAndLossHistoryPages)",
        "bybit getProfitAndLossHistory --symbol " + SYMBOL + " --limit " + PNL_PAGE_SIZE + " --page 1, 2, ...",
        () -> closedProfitAndLoss(account));
    step("Portfolio margin", "bybit getPortfolioMargin",
        () -> portfolioMargin(bybit.v5().asset().getPortfolioMargin()));
  }

  /** Every closed P&L record, fetched page by page by the SDK's paging helper, with the page it came on. */
  private List<Map<String, Object>> closedProfitAndLoss(InversePerpetualAccountClient account) {
    BybitPages<BybitPnlEntry> pages = account.getProfitAndLossHistoryPages(
        GetProfitAndLossHistoryRequest.builder().symbol(SYMBOL).pageSize(PNL_PAGE_SIZE).build());
    List<Map<String, Object>> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int requests = 0;
    for (Iterator<BybitPages.Page<BybitPnlEntry>> it = pages.pageIterator(); it.hasNext(); ) {
      BybitPages.Page<BybitPnlEntry> page = it.next();
      requests++;
      for (BybitPnlEntry entry : page.items()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("page", page.index());
        row.put("id", entry.id());
        row.put("side", entry.side());
        row.put("closed_size", entry.closedSize());
        row.put("avg_entry_price", entry.avgEntryPrice());
        row.put("avg_exit_price", entry.avgExitPrice());
        row.put("closed_pnl", entry.closedPnl());
        row.put("created_at", entry.createdAt());
        rows.add(row);
        if (entry.closedPnl() != null) {
          total = total.add(entry.closedPnl());
        }
      }
    }
    footer = rows.size() + " records in " + requests + " requests of up to " + PNL_PAGE_SIZE + "; total closed_pnl "
        + total.toPlainString() + " (exact)";
    return rows;
  }

  private static List<Map<String, Object>> positions(List<BybitPosition> positions) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BybitPosition position : positions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("symbol", position.symbol());
      row.put("side", position.side());
      row.put("size", position.size());
      row.put("leverage", position.leverage());
      row.put("is_isolated", position.isIsolated());
      row.put("position_margin", position.positionMargin());
      row.put("risk_id", position.riskId());
      row.put("tp_sl_mode", position.tpSlModeRaw());
      rows.add(row);
    }
    return rows;
  }

  /** The wallet and each coin's worst case; the command also shows every stress scenario. */
  private static Map<String, Object> portfolioMargin(BybitPortfolioMargin margin) {
    List<Map<String, Object>> coins = new ArrayList<>();
    for (BybitAssetPnlRange range : margin.assetPnlRange() == null ? List.<BybitAssetPnlRange>of()
        : margin.assetPnlRange()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("baseCoin", range.baseCoin());
      row.put("maxLossPriceMove", range.maxLossPriceMove());
      row.put("maxLossIvShock", range.maxLossIvShock());
      row.put("totalClosePzFee", range.totalClosePzFee());
      coins.add(row);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("wallet", margin.wallet());
    view.put("assetPnlRange", coins);
    return view;
  }

  /** Prints the heading first, so a failing call is seen at its step. */
  private void step(String title, String command, Supplier<Object> call) {
    step++;
    out.println();
    out.println("== " + step + "/" + STEPS + "  " + title);
    out.println("   $ " + command);
    out.flush();
    footer = null;
    out.print(ResultTable.render(call.get()));
    if (footer != null) {
      out.println(footer);
    }
    out.flush();
  }
}
