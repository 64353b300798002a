package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.testkit.FakeBybit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --env <URL>} against a FakeBybit as if it were Bybit: requests are signed with the environment's credentials
 * (the fake checks the signatures), and those credentials are never printed.
 */
class TargetTest {
  static final Map<String, String> CREDENTIALS =
      Map.of("BYBIT_API_KEY", FakeBybit.API_KEY, "BYBIT_API_SECRET", FakeBybit.API_SECRET);

  private final FakeBybit bybit = FakeBybit.start();

  @AfterEach
  void stop() {
    bybit.close();
  }

  static Stream<OperationInfo> operations() {
    return BybitOperations.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationIsSignedWithTheEnvironmentsCredentials(OperationInfo operation) {
    bybit.account().setIsolated("BTCUSD", true).setRiskId("BTCUSD", 1); // as in EveryOperationTest.prepared

    CliRun run = CliRun.run(CREDENTIALS, EveryOperationTest.args(operation, "--env", bybit.baseUrl()));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(1, bybit.requests(operation.operationId()).size());
    assertEquals(0, bybit.requests().get(0).retCode().orElse(0), "accepted: " + bybit.requests());
  }

  @Test
  void aWrongSecretIsBybitsSignatureErrorAndNeitherCredentialIsPrinted() {
    String wrongSecret = "Wr0ngSecretThatMustNeverBePrinted";
    CliRun run = CliRun.run(Map.of("BYBIT_API_KEY", FakeBybit.API_KEY, "BYBIT_API_SECRET", wrongSecret),
        "getBalances", "--env", bybit.baseUrl());

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Bybit error 10004: "), run::toString);
    assertFalse((run.out() + run.err()).contains(wrongSecret), run::toString);
    assertFalse((run.out() + run.err()).contains(FakeBybit.API_KEY), run::toString);
  }

  @Test
  void anUnknownKeyIsBybitsKeyError() {
    CliRun run = CliRun.run(Map.of("BYBIT_API_KEY", "someone-elses-key", "BYBIT_API_SECRET", FakeBybit.API_SECRET),
        "getPositions", "--env", bybit.baseUrl());

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Bybit error 10003: "), run::toString);
  }

  @Test
  void withoutCredentialsASignedOperationIsRefusedBeforeSending() {
    CliRun run = CliRun.run("getBalances", "--env", bybit.baseUrl());

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: getBalances is signed: set BYBIT_API_KEY and BYBIT_API_SECRET in the environment (never in"
        + " arguments), or use --env sandbox.\n", run.err());
    assertTrue(bybit.requests().isEmpty());
  }

  @Test
  void withHalfACredentialASignedOperationNamesTheMissingVariable() {
    CliRun run = CliRun.run(Map.of("BYBIT_API_KEY", FakeBybit.API_KEY), "getBalances", "--env", bybit.baseUrl());

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: getBalances is signed: BYBIT_API_KEY is set, but BYBIT_API_SECRET (or"
        + " BYBIT_RSA_PRIVATE_KEY_FILE for an RSA key) is not. Set it in the environment (never in arguments), or use"
        + " --env sandbox.\n", run.err());
    assertTrue(bybit.requests().isEmpty());
    assertFalse(run.err().contains("[sandbox]"));
  }

  @Test
  void withoutCredentialsAPublicOperationRuns() {
    CliRun run = CliRun.run("getRiskLimit", "--env", bybit.baseUrl());

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(1, bybit.requests("getRiskLimit").size());
  }

  @Test
  void theSandboxUsesItsOwnCredentialsNotTheEnvironments() {
    CliRun run = CliRun.run(Map.of("BYBIT_API_KEY", "live-key", "BYBIT_API_SECRET", "live-secret"),
        "getBalances", "--env", "sandbox");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
  }

  @Test
  void namedTargets() {
    assertEquals(new Target("testnet", BybitClient.TESTNET), Target.resolve("testnet", Map.of()));
    assertEquals(new Target("mainnet", BybitClient.MAINNET), Target.resolve("MAINNET", Map.of()));
    assertEquals(new Target("demo", "https://api-demo.bybit.com"), Target.resolve("demo", Map.of()));
    assertEquals(Target.sandbox(), Target.resolve("sandbox", CREDENTIALS));
    assertEquals(Target.sandbox(), Target.resolve(null, Map.of()));
    assertEquals("https://proxy.example:8443/bybit", Target.resolve("https://proxy.example:8443/bybit", Map.of())
        .baseUrl());
  }
}
