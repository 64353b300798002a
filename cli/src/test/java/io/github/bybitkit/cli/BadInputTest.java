package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.testkit.FakeBybit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input names the option and what it allows, exits with 2, and sends nothing to the sandbox. */
class BadInputTest {
  private final FakeBybit sandbox = FakeBybit.start();

  @AfterEach
  void nothingWasSent() {
    sandbox.close();
    assertTrue(sandbox.requests().isEmpty(), "bad input must not be sent: " + sandbox.requests());
  }

  @Test
  void limitOutOfRangeNamesTheOptionAndTheRange() {
    CliRun run = run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "0");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: Invalid value for --limit: '0'. Allowed: an integer between 1 and 50.\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void aValueOfTheWrongTypeNamesTheOptionAndWhatItAllows() {
    CliRun run = run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "twenty");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: Invalid value for --limit: 'twenty'. Allowed: an integer between 1 and 50.\n", run.err());
  }

  @Test
  void anUnknownEnumValueListsTheAllowedValues() {
    CliRun run = run("setRiskLimit", "--symbol", "BTCUSD", "--risk-id", "2", "--position-idx", "3");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: Invalid value for --position-idx: '3'. Allowed: one of 0 (ONE_WAY), 1 (BOTH_SIDE_BUY),"
        + " 2 (BOTH_SIDE_SELL).\n", run.err());
  }

  @Test
  void zeroMarginIsRefusedByTheNonZeroRule() {
    CliRun run = run("changeMargin", "--symbol", "BTCUSD", "--margin", "0.000");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: Invalid value for --margin: '0.000'. Allowed: a decimal number, not zero.\n", run.err());
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    CliRun run = run("setLeverage", "--symbol", "BTCUSD", "--leverage-only", "true");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Missing required option: '--leverage=<leverage>'"), run::toString);
    assertTrue(run.err().contains("bybit setLeverage --help"), run::toString);
  }

  @Test
  void badDatesInstantsAndBooleansAreRefused() {
    assertRefused(run("getWalletFundHistory", "--start-date", "31.01.2024"), "--start-date",
        "a date, yyyy-MM-dd");
    assertRefused(run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--start-time", "yesterday"),
        "--start-time", "Unix seconds or an ISO-8601 instant");
    assertRefused(run("setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "yes", "--buy-leverage", "5",
        "--sell-leverage", "5"), "--is-isolated", "true or false");
    assertRefused(run("getPositions", "--symbol", " "), "--symbol", "text, not blank");
  }

  @Test
  void anOptionGivenTwiceIsRefused() {
    CliRun run = run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "5", "--limit", "6");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--limit"), run::toString);
  }

  static Stream<Arguments> rangedParameters() {
    List<Arguments> cases = new ArrayList<>();
    for (OperationInfo operation : BybitOperations.all()) {
      for (ParameterInfo parameter : operation.parameters()) {
        if (SampleValues.outOfRange(parameter) != null) {
          cases.add(Arguments.of(operation.operationId(), parameter.wireName()));
        }
      }
    }
    return cases.stream();
  }

  /** The generated code enforces the spec's ranges; the CLI turns each refusal into the option's message. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rangedParameters")
  void everyRangedParameterOutOfRangeIsRefusedNamingItsOption(String operationId, String wireName) {
    OperationInfo operation = BybitOperations.byId(operationId);
    ParameterInfo parameter = operation.parameters().stream().filter(p -> p.wireName().equals(wireName))
        .findFirst().orElseThrow();
    List<String> args = new ArrayList<>();
    args.add(operationId);
    for (ParameterInfo other : operation.parameters()) {
      if (other != parameter && other.required()) {
        args.addAll(List.of(Names.option(other), SampleValues.valid(other)));
      }
    }
    String value = SampleValues.outOfRange(parameter);
    args.addAll(List.of(Names.option(parameter), value));

    CliRun run = run(args.toArray(String[]::new));

    assertRefused(run, Names.option(parameter), ParameterValues.allowed(parameter));
    assertTrue(run.err().contains("'" + value + "'"), run::toString);
  }

  private static void assertRefused(CliRun run, String option, String allowed) {
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("bybit: Invalid value for " + option + ": "), run::toString);
    assertTrue(run.err().contains("Allowed: " + allowed), run::toString);
  }

  private CliRun run(String... args) {
    return CliRun.inSandbox(sandbox, args);
  }
}
