package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitPage;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitRiskId;
import io.github.bybitkit.inverseperpetual.model.BybitWithdrawal;
import io.github.bybitkit.testkit.FakeBybit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --json keeps every decimal exactly; tables show the same text, aligned. */
class OutputTest {

  @Test
  void jsonKeepsTheDecimalsBybitSentAndNeverWritesADoublesExponent() {
    CliRun pnl = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD", "--json");
    assertTrue(pnl.out().contains("\"closed_pnl\": 0.0043950000000000005,"), pnl::toString);
    assertTrue(pnl.out().contains("\"cum_entry_value\": 0.07062500000000001,"), pnl::toString);
    Json.assertValid(pnl.out());

    CliRun table = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD");
    assertTrue(table.out().contains("  0.0043950000000000005\n"), table::toString);

    // Bybit's 2021 documents show this result as 9.996e-05; a double would print 9.996E-5.
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNextWithStatus("changeMargin", 1, 200, "application/json",
        Recorded.body("changeMargin", "docs-2021.json"));
    CliRun margin = CliRun.inSandbox(sandbox, "changeMargin", "--symbol", "BTCUSD",
        "--margin", "0.01", "--json");
    assertEquals("0.00009996\n", margin.out(), margin::toString);
  }

  @Test
  void timeFieldsAreIsoUtcWhateverBybitSentAndRawKeepsTheWireForm() {
    // getProfitAndLossHistory sends created_at as Unix seconds, getPositions as ISO text.
    CliRun pnl = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD", "--json");
    assertTrue(pnl.out().contains("\"created_at\": \"2020-06-03T03:42:21Z\""), pnl::toString);
    assertTrue(pnl.out().contains("\"closed_pnl\": 0.0043950000000000005,"), "numbers unchanged: " + pnl);
    Json.assertValid(pnl.out());
    CliRun raw = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD", "--json",
        "--raw");
    assertTrue(raw.out().contains("\"created_at\": 1591155741"), raw::toString);

    CliRun table = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD");
    assertTrue(table.out().contains("2020-06-03T03:42:21Z"), table::toString);
    assertFalse(table.out().contains("1591155741"), table::toString);
    CliRun rawTable = CliRun.inSandbox(FakeBybit.start(), "getProfitAndLossHistory", "--symbol", "BTCUSD", "--raw");
    assertTrue(rawTable.out().contains("1591155741"), rawTable::toString);

    CliRun positions = CliRun.inSandbox(FakeBybit.start(), "getPositions", "--symbol", "BTCUSD", "--json");
    assertTrue(positions.out().matches("(?s).*\"created_at\": \"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\".*"),
        positions::toString);
  }

  @Test
  void nestedRecordsTimesAreIsoToo() {
    BybitPnlEntry entry = new BybitPnlEntry(1L, null, "BTCUSD", null, null, null, null, null, null, null, null,
        null, null, null, new BigDecimal("0.1"), null, null, Instant.ofEpochSecond(1591155741));
    String json = ResultJson.write(BybitPage.of(1, null, List.of(entry)));

    assertTrue(json.contains("\"created_at\": \"2020-06-03T03:42:21Z\""), json);
    assertTrue(ResultJson.write(BybitPage.of(1, null, List.of(entry)), true).contains("\"created_at\": 1591155741"));
  }

  @Test
  void modelsWithTimesAreFoundThroughNestedRecordsAndLists() {
    assertTrue(ResultJson.hasTimes(BybitPnlEntry.class));
    // BybitPnlEntryPage holds a List<BybitPnlEntry>, whose createdAt is an Instant.
    assertTrue(ResultJson.hasTimes(io.github.bybitkit.inverseperpetual.model.BybitPnlEntryPage.class));
    assertFalse(ResultJson.hasTimes(BybitBalance.class));
    assertFalse(ResultJson.hasTimes(io.github.bybitkit.v5.model.BybitPortfolioMargin.class));
  }

  @Test
  void jsonOfContainersPagesScalarsAndNothing() {
    assertEquals("null", ResultJson.write(null));
    assertEquals("5", ResultJson.write(5));
    assertEquals("\"2024-01-31T00:00:00Z\"", ResultJson.write(Instant.parse("2024-01-31T00:00:00Z")));
    assertEquals("1000", ResultJson.write(new BigDecimal("1E+3")));
    assertEquals("{\n  \"current_page\": 2,\n  \"data\": [\n    {\n      \"risk_id\": 7\n    }\n  ]\n}",
        ResultJson.write(BybitPage.of(2, null, List.of(new BybitRiskId(7L)))));
  }

  @Test
  void aMapOfRecordsIsOneRowPerKeyWithNumbersRightAligned() {
    Map<String, BybitBalance> balances = new LinkedHashMap<>();
    balances.put("BTC", balance("1002", "999.99987471"));
    balances.put("ETH", balance("3.5", "0.0000001"));

    assertEquals("""
        key  equity  available_balance
        ---  ------  -----------------
        BTC    1002       999.99987471
        ETH     3.5          0.0000001
        """, ResultTable.render(balances));
  }

  @Test
  void aSingleRecordIsFieldValueLinesAndAScalarIsItsValue() {
    assertEquals("risk_id  7\n", ResultTable.render(new BybitRiskId(7L)));
    assertEquals("0.00009996\n", ResultTable.render(new BigDecimal("9.996e-05")));
    assertEquals("OK\n", ResultTable.render(null));
    assertEquals("(none)\n", ResultTable.render(List.of()));
    assertEquals("(empty)\n", ResultTable.render(Map.of()));
  }

  @Test
  void aRecordsNestedListIsASectionTitledWithItsPath() {
    assertEquals("""
        current_page  2

        data:
          risk_id
          -------
                7
                8
        """, ResultTable.render(BybitPage.of(2, null, List.of(new BybitRiskId(7L), new BybitRiskId(8L)))));
  }

  @Test
  void aListTooWideForRowsIsOneBlockPerRecord() {
    String wide = "x".repeat(ResultTable.MAX_ROW_WIDTH);
    BybitWithdrawal withdrawal = new BybitWithdrawal(137L, null, "XRP", null, null, null, wide, null, null, null);

    assertEquals("[0]:\n  id       137\n  coin     XRP\n  address  " + wide + "\n",
        ResultTable.render(List.of(withdrawal)));
  }

  private static BybitBalance balance(String equity, String available) {
    return new BybitBalance(new BigDecimal(equity), new BigDecimal(available),
        null, null, null, null, null, null, null, null, null, null, null);
  }
}
