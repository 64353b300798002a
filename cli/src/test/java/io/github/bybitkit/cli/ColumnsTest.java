package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.inverseperpetual.model.BybitWithdrawal;
import io.github.bybitkit.testkit.FakeBybit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --columns: a compact table of the chosen fields. */
class ColumnsTest {

  @Test
  void aClosedPnlPageIsOneLinePerRecordWithTheChosenFieldsInTheirOrder() {
    CliRun json = CliRun.run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "50", "--json");
    List<?> records = (List<?>) ((Map<?, ?>) JsonTree.parse(json.out())).get("data");

    CliRun run = CliRun.run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "50", "--columns",
        "created_at, id,closed_pnl");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertEquals("data:", lines.get(0));
    assertEquals(List.of("created_at", "id", "closed_pnl"), List.of(lines.get(1).trim().split("\\s+")));
    assertEquals(3 + records.size(), lines.size(), "heading, header, rule, a line per record: " + run.out());
    for (int i = 0; i < records.size(); i++) {
      Map<?, ?> record = (Map<?, ?>) records.get(i);
      assertEquals(List.of(record.get("created_at").toString(), record.get("id").toString(),
          record.get("closed_pnl").toString()), List.of(lines.get(3 + i).trim().split("\\s+")), run::toString);
    }
    int fullLines = CliRun.run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "50").out()
        .split("\n").length;
    assertTrue(lines.size() * 5 < fullLines, lines.size() + " lines instead of " + fullLines);
  }

  @Test
  void aListTooWideForRowsIsStillRowsWithColumns() {
    String wide = "x".repeat(ResultTable.MAX_ROW_WIDTH);
    BybitWithdrawal withdrawal = new BybitWithdrawal(137L, null, "XRP", null, null, null, wide, null, null, null);

    assertEquals("""
        id   coin
        ---  ----
        137  XRP
        """, ResultTable.render(List.of(withdrawal), false, List.of("id", "coin")));
  }

  @Test
  void aFieldTheResultDoesNotHaveIsNamedWithTheOnesItHas() {
    CliRun run = CliRun.run("getBalances", "--columns", "equity,balance");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.errAfterSandboxMarker().startsWith("bybit: No field 'balance' in the result. Its fields: "),
        run::toString);
    assertTrue(run.err().contains("available_balance, "), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void columnsWithJsonOrAnEmptyNameAreRefusedBeforeSending() {
    for (String[] args : new String[][] {{"getBalances", "--columns", "equity", "--json"},
        {"getBalances", "--columns", "equity,,coin"}, {"getBalances", "--columns", ""}}) {
      FakeBybit sandbox = FakeBybit.start();

      CliRun run = CliRun.inSandbox(sandbox, args);

      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertTrue(run.err().startsWith("bybit: "), run::toString);
      assertTrue(sandbox.requests().isEmpty(), run::toString);
    }
  }
}
