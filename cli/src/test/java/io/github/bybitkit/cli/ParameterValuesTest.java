package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.WalletFundType;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.testkit.ReceivedRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Option text to the parameter's Java type, and on to the wire unchanged. */
class ParameterValuesTest {

  @Test
  void decimalsKeepTheirDigitsAndScale() {
    BigDecimal margin = (BigDecimal) ParameterValues.convert(parameter("changeMargin", "margin"), "0.0100");

    assertEquals("0.0100", margin.toPlainString());
    assertEquals(4, margin.scale());
  }

  @Test
  void instantsFromUnixSecondsOrIso8601() {
    ParameterInfo startTime = parameter("getProfitAndLossHistory", "start_time");

    assertEquals(Instant.ofEpochSecond(1706659200), ParameterValues.convert(startTime, "1706659200"));
    assertEquals(Instant.parse("2024-01-31T00:00:00Z"), ParameterValues.convert(startTime, "2024-01-31T00:00:00Z"));
    assertEquals(Instant.parse("2024-01-30T22:00:00Z"),
        ParameterValues.convert(startTime, "2024-01-31T00:00:00+02:00"));
  }

  @Test
  void datesAreIsoDays() {
    assertEquals(LocalDate.of(2024, 1, 31),
        ParameterValues.convert(parameter("getWalletFundHistory", "start_date"), "2024-01-31"));
  }

  @Test
  void enumsByWireValueOrConstantNameIgnoringCase() {
    ParameterInfo positionIdx = parameter("setRiskLimit", "position_idx");
    ParameterInfo fundType = parameter("getWalletFundHistory", "wallet_fund_type");

    assertEquals(PositionMode.BOTH_SIDE_BUY, ParameterValues.convert(positionIdx, "1"));
    assertEquals(PositionMode.BOTH_SIDE_BUY, ParameterValues.convert(positionIdx, "BOTH_SIDE_BUY"));
    assertEquals(PositionMode.BOTH_SIDE_BUY, ParameterValues.convert(positionIdx, "both_side_buy"));
    assertEquals(WalletFundType.REALISED_PNL, ParameterValues.convert(fundType, "RealisedPNL"));
    assertEquals(WalletFundType.REALISED_PNL, ParameterValues.convert(fundType, "realisedpnl"));
    assertEquals(WalletFundType.REALISED_PNL, ParameterValues.convert(fundType, "REALISED_PNL"));
    assertThrows(UsageException.class, () -> ParameterValues.convert(fundType, "UNKNOWN"));
  }

  @Test
  void hugeExponentsAreRefusedRatherThanExpanded() {
    UsageException e = assertThrows(UsageException.class,
        () -> ParameterValues.convert(parameter("changeMargin", "margin"), "1e999999999"));

    assertEquals("Invalid value for --margin: '1e999999999'. Allowed: a decimal number, not zero.", e.getMessage());
  }

  @Test
  void whatIsTypedIsWhatIsSent() {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.account().setIsolated("BTCUSD", false);

    CliRun run = CliRun.inSandbox(sandbox, "setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "TRUE",
        "--buy-leverage", "12.50", "--sell-leverage", "12.50");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    ReceivedRequest request = sandbox.requests("setIsolatedMode").get(0);
    assertEquals("12.50", request.parameters().get("buy_leverage"), request::toString);
    assertEquals("true", request.parameters().get("is_isolated"), request::toString);
  }

  @Test
  void aNegativeNumberIsAValueNotAnOption() {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.account().setIsolated("BTCUSD", true).setPositionMargin("BTCUSD", new BigDecimal("0.5"));

    CliRun run = CliRun.inSandbox(sandbox, "changeMargin", "--symbol", "BTCUSD", "--margin", "-0.0001");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("0.4999\n", run.out());
    assertEquals("-0.0001", sandbox.requests("changeMargin").get(0).parameters().get("margin"));
  }

  private static ParameterInfo parameter(String operationId, String wireName) {
    return BybitOperations.byId(operationId).parameters().stream()
        .filter(p -> p.wireName().equals(wireName))
        .findFirst()
        .orElseThrow();
  }
}
