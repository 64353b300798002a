package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.testkit.ReceivedRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bybit demo}: every step printed, in order, each one a request the sandbox accepted. */
class DemoTest {

  @Test
  void printsEveryStepAndExitsWith0() {
    CliRun run = CliRun.run("demo");

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
    assertTrue(run.out().contains("13 records in 3 requests of up to 5; total closed_pnl 0.0571350000000000065 (exact)"),
        run::toString);
    assertTrue(run.out().contains("equity            52197.86892104"), run::toString);
  }

  @Test
  void theStepsChangeTheSandboxsAccountAndReadItBack() {
    FakeBybit sandbox = FakeBybit.start();
    BigDecimal marginBefore = sandbox.account().position("BTCUSD").positionMargin();

    CliRun run = CliRun.inSandbox(sandbox, "demo");

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
  void aRefusedStepEndsTheDemoWithBybitsErrorAfterItsHeading() {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNext("changeMargin", 1, 30031, "insufficient available balance");

    CliRun run = CliRun.inSandbox(sandbox, "demo");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.out().contains("== 5/8  Change margin"), run::toString);
    assertFalse(run.out().contains("== 6/8"), run::toString);
    assertEquals("Bybit error 30031: insufficient available balance\n", run.errAfterSandboxMarker());
  }
}
