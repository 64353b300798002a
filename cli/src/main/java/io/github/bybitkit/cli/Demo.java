package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitPages;
import io.github.bybitkit.enums.AccountType;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.GetTradeHistoryRequest;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.model.BybitAssetPnlRange;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import io.github.bybitkit.v5.model.BybitV5AccountInfo;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import io.github.bybitkit.v5.model.BybitV5Execution;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import io.github.bybitkit.v5.model.BybitV5WalletAccount;
import io.github.bybitkit.v5.model.BybitV5WalletCoin;
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
 * commands show all of them. Today's API (v5) by default; {@code bybit demo --v2} runs the legacy v2 session
 * (Bybit switched v2 off in October 2023).
 */
final class Demo {
  static final String SYMBOL = "BTCUSD";
  static final int LEVERAGE = 10;
  static final BigDecimal MARGIN = new BigDecimal("0.01");
  /** Small pages, so that the closed P&L takes several requests. */
  static final int PNL_PAGE_SIZE = 5;
  static final int STEPS = 8;
  static final int V5_STEPS = 10;
  /** Small pages, so that the week of closed P&L takes several cursor pages. */
  static final int V5_PNL_PAGE_SIZE = 20;

  private final PrintStream out;
  private final int steps;
  private int step;
  /** A line a step prints below its table, or null. */
  private String footer;

  private Demo(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /**
   * Runs every step; a failed step ends the demo with its exit code (see {@link Main#reportFailure}).
   *
   * @param legacyV2 the legacy v2 session instead of today's v5 one
   */
  static int run(PrintStream out, PrintStream err, Supplier<FakeBybit> sandboxes, SandboxState state,
      boolean legacyV2) {
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
      if (legacyV2) {
        new Demo(out, STEPS).session(session.client());
      } else {
        new Demo(out, V5_STEPS).v5Session(session.client());
      }
      out.println();
      out.println("The sandbox's saved account (" + state.file() + ") is back at the start of this demo: the commands"
          + " above, run one by one, give the same results. 'bybit sandbox reset' also starts over.");
      return ExitCode.OK;
    } catch (BybitException e) {
      out.flush();
      return Main.reportFailure(e, err);
    }
  }

  /**
   * The script's starting point, whatever the recorded answers say: the account in cross margin (v5's account-wide
   * mode, so every position, BTCUSD included, is cross), so both sessions can switch to isolated.
   */
  static void startingPoint(FakeBybit sandbox) {
    sandbox.account().setMarginMode(MarginMode.REGULAR_MARGIN);
  }

  /** Today's API: the v5 calls that replace the legacy inverse-perpetual ones. */
  private void v5Session(BybitClient bybit) {
    V5PositionClient position = bybit.v5().position();
    out.println("BybitKit demo: a scripted session of Bybit's v5 API against the sandbox, an in-process fake Bybit");
    out.println("(no credentials, no real account). The account starts in cross margin. Each step shows the bybit");
    out.println("command that does the same. The legacy v2 session: bybit demo --v2.");

    step("Account info: the account-wide margin mode", "bybit getAccountInfo",
        () -> accountInfo(bybit.v5().account().getAccountInfo()));
    step("Wallet balance (unified account)", "bybit getWalletBalance --account-type UNIFIED",
        () -> wallet(bybit.v5().account().getWalletBalance(AccountType.UNIFIED).list()));
    step("Inverse positions", "bybit getPositionInfo --category inverse",
        () -> v5Positions(position.getPositionInfo(Category.INVERSE).list()));
    step("Set leverage (buy = sell: inverse positions are one-way)", "bybit v5SetLeverage --category inverse"
        + " --symbol " + SYMBOL + " --buy-leverage " + LEVERAGE + " --sell-leverage " + LEVERAGE, () -> {
          position.setLeverage(Category.INVERSE, SYMBOL, BigDecimal.valueOf(LEVERAGE), BigDecimal.valueOf(LEVERAGE));
          return null; // an empty result, shown as the command shows it
        });
    step("Switch the account to isolated margin", "bybit setMarginMode --set-margin-mode ISOLATED_MARGIN",
        () -> bybit.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN));
    step("Add " + MARGIN.toPlainString() + " BTC of margin to the position (positionIM afterwards)",
        "bybit addOrReduceMargin --category inverse --symbol " + SYMBOL + " --margin " + MARGIN.toPlainString(),
        () -> position.addOrReduceMargin(Category.INVERSE, SYMBOL, MARGIN).positionIM());
    step("Position again: leverage, isolated margin (tradeMode 1) and position margin changed",
        "bybit getPositionInfo --category inverse --symbol " + SYMBOL, () -> v5Positions(position.getPositionInfo(
            GetPositionInfoRequest.builder().category(Category.INVERSE).symbol(SYMBOL).build()).list()));
    step("Closed P&L of the last 7 days: every cursor page", "bybit getClosedPnl --category inverse --symbol "
        + SYMBOL + " --limit " + V5_PNL_PAGE_SIZE + ", then again with --cursor <nextPageCursor> until it is empty",
        () -> closedPnlPages(position));
    step("Last funding fee (the newest Funding execution)", "bybit getTradeHistory --category inverse --symbol "
        + SYMBOL + " --exec-type Funding --limit 1", () -> executions(bybit.v5().execution().getTradeHistory(
            GetTradeHistoryRequest.builder().category(Category.INVERSE).symbol(SYMBOL).execType(ExecType.FUNDING)
                .limit(1).build()).list()));
    step("Portfolio margin", "bybit getPortfolioMargin",
        () -> portfolioMargin(bybit.v5().asset().getPortfolioMargin()));
  }

  /** Walks the cursor pages of the default window; one row per page. */
  private List<Map<String, Object>> closedPnlPages(V5PositionClient position) {
    List<Map<String, Object>> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int records = 0;
    String cursor = null;
    do {
      BybitV5ClosedPnlPage page = position.getClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
          .symbol(SYMBOL).limit(V5_PNL_PAGE_SIZE).cursor(cursor).build());
      List<BybitV5ClosedPnl> list = page.list() == null ? List.of() : page.list();
      BigDecimal pageTotal = BigDecimal.ZERO;
      for (BybitV5ClosedPnl pnl : list) {
        pageTotal = pageTotal.add(pnl.closedPnl() == null ? BigDecimal.ZERO : pnl.closedPnl());
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("page", rows.size() + 1);
      row.put("cursor", cursor == null ? "" : cursor);
      row.put("records", list.size());
      row.put("newest", list.isEmpty() ? "" : list.get(0).createdTime());
      row.put("oldest", list.isEmpty() ? "" : list.get(list.size() - 1).createdTime());
      row.put("closedPnl", pageTotal);
      rows.add(row);
      records += list.size();
      total = total.add(pageTotal);
      cursor = page.nextPageCursor();
    } while (cursor != null && !cursor.isEmpty());
    footer = records + " records in " + rows.size() + " requests of up to " + V5_PNL_PAGE_SIZE
        + "; total closedPnl " + total.toPlainString() + " (exact)";
    return rows;
  }

  private static Map<String, Object> accountInfo(BybitV5AccountInfo info) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("marginMode", info.marginModeRaw());
    view.put("unifiedMarginStatus", info.unifiedMarginStatus());
    return view;
  }

  private static List<Map<String, Object>> wallet(List<BybitV5WalletAccount> accounts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BybitV5WalletAccount account : accounts) {
      for (BybitV5WalletCoin coin : account.coin() == null ? List.<BybitV5WalletCoin>of() : account.coin()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accountType", account.accountTypeRaw());
        row.put("coin", coin.coin());
        row.put("walletBalance", coin.walletBalance());
        row.put("equity", coin.equity());
        row.put("availableToWithdraw", coin.availableToWithdraw());
        row.put("totalPositionIM", coin.totalPositionIM());
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Map<String, Object>> v5Positions(List<BybitV5PositionInfo> positions) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BybitV5PositionInfo position : positions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("symbol", position.symbol());
      row.put("side", position.side());
      row.put("size", position.size());
      row.put("leverage", position.leverage());
      row.put("tradeMode", position.tradeMode());
      row.put("positionBalance", position.positionBalance());
      row.put("riskId", position.riskId());
      row.put("tpslMode", position.tpslModeRaw());
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> executions(List<BybitV5Execution> executions) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BybitV5Execution execution : executions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("symbol", execution.symbol());
      row.put("execType", execution.execTypeRaw());
      row.put("execFee", execution.execFee());
      row.put("feeRate", execution.feeRate());
      row.put("execPrice", execution.execPrice());
      rows.add(row);
    }
    return rows;
  }

  /** The legacy v2 session (Bybit switched v2 off in October 2023; the sandbox still answers it). */
  private void session(BybitClient bybit) {
    InversePerpetualAccountClient account = bybit.inversePerpetual().account();
    out.println("BybitKit demo: the legacy v2 session (Bybit switched v2 off in October 2023) against the sandbox,");
    out.println("an in-process fake Bybit (no credentials, no real account). " + SYMBOL + " starts in cross margin."
        + " Each step shows the bybit command that does the same.");

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
    out.println("== " + step + "/" + steps + "  " + title);
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
