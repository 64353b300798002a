package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command model follows the registry: a command per operation, an option per parameter, the spec's texts. */
class CommandsTest {
  private final CommandLine commandLine = Commands.commandLine(SdkOperation.all());

  static Stream<OperationInfo> operations() {
    return BybitOperations.all().stream();
  }

  @Test
  void everyOperationOfTheRegistryHasACommandAndThereAreNoOthersButTheCLIsOwn() {
    Set<String> expected = new HashSet<>();
    BybitOperations.all().forEach(op -> expected.add(op.operationId()));
    expected.addAll(List.of("demo", "help", "sandbox", "completion"));

    assertEquals(expected, commandLine.getSubcommands().keySet());
    assertEquals(37, BybitOperations.all().size(), "the spec's operations; update the README if this changes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyParameterIsAnOptionNamedByItsWireNameRequiredAsTheSpecSays(OperationInfo operation) {
    CommandSpec command = commandLine.getSubcommands().get(operation.operationId()).getCommandSpec();
    for (ParameterInfo parameter : operation.parameters()) {
      OptionSpec option = command.findOption(Names.option(parameter));
      assertNotNull(option, Names.option(parameter));
      assertEquals(parameter.required(), option.required(), parameter.wireName());
      assertTrue(ParameterValues.supports(parameter), parameter.wireName());
    }
    // The parameters' options, --env, --json, --raw, --columns and --help; nothing else (no way to pass credentials).
    // getPortfolioMargin also has --plot and --svg.
    assertEquals(operation.parameters().size() + 5 + (Commands.plottable(operation) ? 2 : 0),
        command.options().size(), command.options().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void helpShowsTheSpecsSummaryDescriptionAndParameters(OperationInfo operation) {
    CliRun run = CliRun.run(operation.operationId(), "--help");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    // picocli wraps lines where it likes (also after ':'), so texts are compared without whitespace.
    String help = noSpace(run.out());
    assertTrue(help.contains(noSpace(operation.summary())), run.out());
    if (operation.description() != null) {
      assertTrue(help.contains(noSpace(operation.description())), run.out());
    }
    assertTrue(help.contains(operation.httpMethod() + operation.path()), run.out());
    for (ParameterInfo parameter : operation.parameters()) {
      assertTrue(help.contains(Names.option(parameter) + "=<" + parameter.wireName() + ">"), parameter.wireName());
      if (parameter.description() != null) {
        assertTrue(help.contains(noSpace(parameter.description())), parameter.wireName() + " in " + run.out());
      }
    }
  }

  @Test
  void helpOfAnEnumOptionListsItsValuesAndOfARangedOneItsRange() {
    String riskLimit = oneLine(CliRun.run("setRiskLimit", "--help").out());
    assertTrue(riskLimit.contains("Allowed: 0 (ONE_WAY), 1 (BOTH_SIDE_BUY), 2 (BOTH_SIDE_SELL)."), riskLimit);
    String leverage = oneLine(CliRun.run("setLeverage", "--help").out());
    assertTrue(leverage.contains("--leverage=<leverage>") && !leverage.contains("buy-leverage"), leverage);

    String pnl = oneLine(CliRun.run("getProfitAndLossHistory", "--help").out());
    assertTrue(pnl.contains("--limit=<limit> Records per page; 20 when omitted. An integer between 1 and 50."), pnl);
    assertTrue(pnl.contains("Allowed: Trade, AdlTrade, BustTrade, Settle."), pnl);
  }

  @Test
  void theTopLevelHelpListsEveryOperationWithItsSummary() {
    CliRun run = CliRun.run("--help");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    for (OperationInfo operation : BybitOperations.all()) {
      assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith(operation.operationId() + " ")
          && line.endsWith(operation.summary())), operation.operationId() + " in\n" + run.out());
    }
    assertTrue(run.out().contains("demo"));
    assertTrue(run.out().contains("Exit codes: 0 ok, 1 Bybit refused"), run.out());
  }

  @Test
  void optionNamesAreKebabCasedWireNames() {
    assertEquals("position-idx", Names.kebab("position_idx"));
    assertEquals("base-coin", Names.kebab("baseCoin"));
    assertEquals("get-v5-server-time", Names.kebab("getV5ServerTime"));
    assertEquals("from", Names.kebab("from"));
  }

  @Test
  void operationNamesMatchIgnoringCase() {
    CliRun run = CliRun.run("GETSERVERTIME", "--help");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.out().isBlank());
  }

  static String noSpace(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Help wraps lines; compare texts with whitespace runs collapsed. */
  static String oneLine(String text) {
    return String.join(" ", List.of(text.strip().split("\\s+")));
  }
}
