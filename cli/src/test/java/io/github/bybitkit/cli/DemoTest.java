package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.testkit.ReceivedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bybit demo}: every step printed, in order, each one a request the sandbox accepted. */
class DemoTest {

  @Test
  void theDefaultSessionIsTodaysV5ApiAndExitsWith0() {
    FakeBybit sandbox = FakeBybit.start();

    CliRun run = CliRun.inSandbox(sandbox, "demo");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("", run.errAfterSandboxMarker());
    List<String> headings = run.out().lines().filter(line -> line.startsWith("== ")).toList();
    assertEquals(List.of(
        "== 1/10  Account info: the account-wide margin mode",
        "== 2/10  Wallet balance (unified account)",
        "== 3/10  Inverse positions",
        "== 4/10  Set leverage (buy = sell: inverse positions are one-way)",
        "== 5/10  Switch the account to isolated margin",
        "== 6/10  Add 0.01 BTC of margin to the position (positionIM afterwards)",
        "== 7/10  Position again: leverage, isolated margin (tradeMode 1) and position margin changed",
        "== 8/10  Closed P&L of the last 7 days: every cursor page",
        "== 9/10  Last funding fee (the newest Funding execution)",
        "== 10/10  Portfolio margin"), headings);
    // Every request went to a v5 path and was accepted.
    List<ReceivedRequest> requests = sandbox.requests();
    assertTrue(requests.stream().allMatch(r -> r.path().startsWith("/v5/")), requests::toString);
    assertTrue(requests.stream().allMatch(r -> r.retCode().orElse(-1) == 0), requests::toString);
    assertEquals(List.of("getAccountInfo", "getWalletBalance", "getPositionInfo", "v5SetLeverage", "setMarginMode",
        "addOrReduceMargin", "getPositionInfo", "getClosedPnl", "getClosedPnl", "getClosedPnl", "getClosedPnl",
        "getClosedPnl", "getTradeHistory", "getPortfolioMargin"),
        sandbox.requests().stream().map(r -> r.operationId().orElse("?")).toList());
    // The cursor pages: the first without a cursor, each next one with the cursor the previous page gave.
    List<ReceivedRequest> pages = sandbox.requests("getClosedPnl");
    assertEquals(null, pages.get(0).parameters().get("cursor"));
    assertTrue(pages.subList(1, pages.size()).stream().allMatch(r -> r.parameters().get("cursor") != null),
        pages::toString);
    // A record every 2 hours up to the sandbox's start: 84 in the 7 days before the demo's first request (85 if that
    // is in the same millisecond), 5 pages of up to 20.
    assertTrue(run.out().matches(
        "(?s).*\\n8[45] records in 5 requests of up to 20; total closedPnl -?[0-9.]+ \\(exact\\)\\n.*"), run::toString);

    // The account after the session: isolated margin, leverage 10, the margin moved into the position.
    assertEquals(MarginMode.ISOLATED_MARGIN, sandbox.account().marginMode());
    assertEquals(0, new BigDecimal("10").compareTo(sandbox.account().position("BTCUSD").leverage()));
    String positionAgain = run.out().substring(run.out().indexOf("== 7/10"), run.out().indexOf("== 8/10"));
    BigDecimal margin = sandbox.account().position("BTCUSD").positionMargin();
    assertTrue(positionAgain.matches("(?s).*BTCUSD\\s+Buy\\s+\\S+\\s+10\\s+1\\s+" + margin.toPlainString()
        + "\\s.*"), positionAgain);
  }

  /**
   * The printed commands are real: run one by one after the demo, on the sandbox it saved at its starting point,
   * each one is accepted, and the account ends where the demo's ended.
   */
  @Test
  void theBybitCommandsItPrintsRunOneByOneAfterIt() throws IOException {
    Path stateFile = Files.createTempDirectory("bybit-demo-test").resolve("sandbox.json");
    Map<String, String> environment = Map.of(SandboxState.STATE_VARIABLE, stateFile.toString());
    CliRun demo = CliRun.run(environment, "demo");
    assertEquals(ExitCode.OK, demo.exitCode(), demo::toString);
    List<String> commands = demo.out().lines().filter(line -> line.startsWith("   $ bybit "))
        .map(line -> line.substring("   $ bybit ".length())).toList();
    assertEquals(10, commands.size());
    for (String command : commands) {
      // "--limit 20, then again with --cursor <nextPageCursor> ...": the first page's command.
      String runnable = command.contains(",") ? command.substring(0, command.indexOf(',')) : command;
      CliRun run = CliRun.run(environment, runnable.split(" "));
      assertEquals(ExitCode.OK, run.exitCode(), runnable + "\n" + run);
    }
    CliRun position = CliRun.run(environment, "getPositionInfo", "--category", "inverse", "--symbol", "BTCUSD");
    String positionInDemo = demo.out().substring(demo.out().indexOf("== 7/10"), demo.out().indexOf("== 8/10"));
    String row = positionInDemo.lines().filter(line -> line.startsWith("BTCUSD")).findFirst().orElseThrow();
    // The command shows every field; the demo's columns are among them with the same values.
    for (String value : row.trim().split("\\s+")) {
      assertTrue(position.out().contains(value), value + " in\n" + position.out());
    }
  }

  @Test
  void aRefusedV5StepEndsTheDemoWithBybitsErrorAfterItsHeading() {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNext("addOrReduceMargin", 1, 110012, "insufficient available balance");

    CliRun run = CliRun.inSandbox(sandbox, "demo");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.out().contains("== 6/10  Add 0.01 BTC"), run::toString);
    assertFalse(run.out().contains("== 7/10"), run::toString);
    assertEquals("Bybit error 110012: insufficient available balance\n", run.errAfterSandboxMarker());
  }

  @Test
  void theLegacyV2SessionPrintsEveryStepAndExitsWith0() {
    CliRun run = CliRun.run("demo", "--v2");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("", run.errAfterSandboxMarker());
    List<String> headings = run.out().lines().filter(line -> line.startsWith("== ")).toList();
    assertEquals(List.of(
        "== 1/8  Balances",
        "== 2/8  Positions",
        "== 3/8  Set leverage",
        "== 4/8  Switch to isolated margin",
        "== 5/8  Change margin: add 0.01 BTC to the isolated position (the new position margin)",
        "== 6/8  Positions again: leverage, isolated margin and position margin changed",
        "== 7/8  Closed P&L: every page, through the paging helper (getProfitAndLossHistoryPages)",
        "== 8/8  Portfolio margin"), headings);
    assertTrue(run.out().contains("   $ bybit setLeverage --symbol BTCUSD --leverage 10\n10\n"),
        run::toString);
    assertTrue(run.out().contains("available_balance  999.99987471"), run::toString);
    assertTrue(run.out().contains(
        "13 records in 3 requests of up to 5; total closed_pnl 0.0571350000000000065 (exact)"), run::toString);
    assertTrue(run.out().contains("equity            52197.86892104"), run::toString);
  }

  @Test
  void theV2StepsChangeTheSandboxsAccountAndReadItBack() {
    FakeBybit sandbox = FakeBybit.start();
    BigDecimal marginBefore = sandbox.account().position("BTCUSD").positionMargin();

    CliRun run = CliRun.inSandbox(sandbox, "demo", "--v2");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(List.of("getBalances", "getPositions", "setLeverage", "setIsolatedMode", "changeMargin",
        "getPositions", "getProfitAndLossHistory", "getProfitAndLossHistory", "getProfitAndLossHistory",
        "getPortfolioMargin"), sandbox.requests().stream().map(r -> r.operationId().orElse("?")).toList());
    assertTrue(sandbox.requests().stream().allMatch(r -> r.retCode().orElse(0) == 0), "all accepted");
    List<ReceivedRequest> pages = sandbox.requests("getProfitAndLossHistory");
    // The helper sends the caller's request as it is first (no page: page 1), then asks for pages 2 and 3.
    assertEquals(Arrays.asList(null, "2", "3"), pages.stream().map(r -> r.parameters().get("page")).toList());
    assertTrue(pages.stream().allMatch(r -> "5".equals(r.parameters().get("limit"))), pages::toString);

    // The account after the session:
    assertEquals(0, new BigDecimal("10").compareTo(sandbox.account().position("BTCUSD").leverage()));
    assertTrue(sandbox.account().position("BTCUSD").isolated());
    BigDecimal marginAfter = marginBefore.add(new BigDecimal("0.01"));
    assertEquals(0, marginAfter.compareTo(sandbox.account().position("BTCUSD").positionMargin()));
    String positionsAgain = run.out().substring(run.out().indexOf("== 6/8"), run.out().indexOf("== 7/8"));
    assertTrue(positionsAgain.matches("(?s).*BTCUSD\\s+Buy\\s+\\S+\\s+10\\s+true\\s+" + marginAfter.toPlainString()
        + "\\s.*"), positionsAgain);
  }

  @Test
  void aRefusedV2StepEndsTheDemoWithBybitsErrorAfterItsHeading() {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNext("changeMargin", 1, 30031, "insufficient available balance");

    CliRun run = CliRun.inSandbox(sandbox, "demo", "--v2");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.out().contains("== 5/8  Change margin"), run::toString);
    assertFalse(run.out().contains("== 6/8"), run::toString);
    assertEquals("Bybit error 30031: insufficient available balance\n", run.errAfterSandboxMarker());
  }
}
