package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Usage mistakes and where credentials may come from: exit 2, nothing sent. */
class UsageTest {

  @Test
  void anUnknownOperationPrintsUsageWithSuggestions() {
    CliRun run = CliRun.run("getBalance");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("bybit: Unknown operation: 'getBalance'\n"), run::toString);
    assertTrue(run.err().contains("getBalances"), "suggests the near miss: " + run);
    assertTrue(run.err().contains("Usage: bybit <operation> [options]"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void noOperationPrintsUsage() {
    CliRun run = CliRun.run();

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Usage: bybit <operation> [options]"), run::toString);
  }

  @Test
  void thereIsNoOptionForCredentialsAndAValuePassedToOneIsNotEchoed() {
    for (String option : new String[] {"--api-key", "--api-secret", "--key", "--secret"}) {
      for (String[] args : new String[][] {{"getBalances", option, "AbCdEf123456"},
          {"getBalances", option + "=AbCdEf123456"}, {"getBalanc", option, "AbCdEf123456"}}) {
        CliRun run = CliRun.run(args);

        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unknown op"), run::toString);
        assertFalse(run.err().contains("AbCdEf123456") || run.out().contains("AbCdEf123456"), run::toString);
      }
      CliRun run = CliRun.run("getBalances", option, "AbCdEf123456");
      assertTrue(run.err().startsWith("bybit: Unknown option: '" + option + "'. Credentials are read only from the"
          + " environment variables BYBIT_API_KEY and BYBIT_API_SECRET\n"), run::toString);
    }
  }

  @Test
  void withCredentialsInTheEnvironmentTheTargetMustBeNamed() {
    CliRun run = CliRun.run(TargetTest.CREDENTIALS, "getServerTime");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("BYBIT_API_KEY and BYBIT_API_SECRET are set: name the target with --env"),
        run::toString);
    assertFalse(run.err().contains(FakeBybit.API_SECRET) || run.err().contains(FakeBybit.API_KEY), run::toString);
  }

  @Test
  void anUnknownTargetListsTheAllowedOnes() {
    CliRun run = CliRun.run("getServerTime", "--env", "staging");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: Invalid value for --env: 'staging'. Allowed: sandbox, testnet, mainnet, demo, or an"
        + " http(s) URL such as http://localhost:8080.\n", run.err());
  }

  @Test
  void onlyOneCredentialVariableIsNamedAsWhatIsMissingAndNothingIsSent() {
    CliRun keyOnly = CliRun.run(Map.of("BYBIT_API_KEY", FakeBybit.API_KEY), "getPositions");
    assertEquals(ExitCode.USAGE, keyOnly.exitCode(), keyOnly::toString);
    assertEquals("bybit: BYBIT_API_KEY is set, but BYBIT_API_SECRET (or BYBIT_RSA_PRIVATE_KEY_FILE for an RSA key) is"
        + " not. Set it and name the target with --env, or use --env sandbox for the fake.\n", keyOnly.err());
    assertEquals("", keyOnly.out());

    CliRun secretOnly = CliRun.run(Map.of("BYBIT_API_KEY", " ", "BYBIT_API_SECRET", FakeBybit.API_SECRET),
        "getPositions");
    assertEquals(ExitCode.USAGE, secretOnly.exitCode(), secretOnly::toString);
    assertTrue(secretOnly.err().startsWith("bybit: BYBIT_API_SECRET is set, but BYBIT_API_KEY is not."),
        secretOnly::toString);
    assertFalse(secretOnly.err().contains(FakeBybit.API_SECRET), secretOnly::toString);

    // Named explicitly, the sandbox is used, and says so.
    CliRun sandbox = CliRun.run(Map.of("BYBIT_API_KEY", "k"), "getPositions", "--env", "sandbox");
    assertEquals(ExitCode.OK, sandbox.exitCode(), sandbox::toString);
    assertEquals("", sandbox.errAfterSandboxMarker());
  }

  @Test
  void neitherCredentialVariableMeansTheSandboxWhichMarksItsAnswers() {
    assertEquals(Target.sandbox(), Target.resolve(null, Map.of("BYBIT_API_SECRET", " ")));
    CliRun run = CliRun.run("getPositions");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(Main.SANDBOX_MARKER + "\n", run.err());
    assertTrue(run.out().contains("BTCUSD"), run::toString);
  }

  @Test
  void noMarkerWhenNothingWasAnswered() {
    CliRun run = CliRun.run("getProfitAndLossHistory", "--symbol", "BTCUSD", "--limit", "0");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertFalse(run.err().contains("[sandbox]"), run::toString);
  }

  @Test
  void helpListsTheOperationsOnStdout() {
    CliRun run = CliRun.run("help");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Usage: bybit <operation> [options]"), run::toString);
    assertTrue(run.out().contains("getProfitAndLossHistory"), run::toString);
    assertEquals("", run.err());
  }

  @Test
  void helpWithACommandIsThatCommandsHelp() {
    CliRun help = CliRun.run("help", "getprofitandlosshistory");
    CliRun option = CliRun.run("getProfitAndLossHistory", "--help");

    assertEquals(ExitCode.OK, help.exitCode(), help::toString);
    assertTrue(help.out().contains("--symbol=<symbol>"), help::toString);
    assertEquals(option.out(), help.out());
  }

  @Test
  void helpForAnUnknownCommandSuggestsTheNearMiss() {
    CliRun run = CliRun.run("help", "getBalance");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("bybit: Unknown operation: 'getBalance'\n"), run::toString);
    assertTrue(run.err().contains("getBalances"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void completionPrintsABashScriptThatKnowsTheOperationsOptionsAndEnumValues() {
    CliRun run = CliRun.run("completion");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run::toString);
    assertTrue(run.out().contains("complete -F _complete_bybit"), "registers a completion function for bybit");
    for (String word : new String[] {"getProfitAndLossHistory", "setIsolatedMode", "demo", "sandbox", "--symbol",
        "--columns", "--env", "--is-isolated"}) {
      assertTrue(run.out().contains(word), word);
    }
  }

  @Test
  void versionIsPrinted() {
    CliRun run = CliRun.run("--version");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("bybit, BybitKit/"), run::toString);
  }
}
