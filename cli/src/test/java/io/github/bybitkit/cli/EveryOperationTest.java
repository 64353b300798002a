package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.testkit.FakeBybit;
import io.github.bybitkit.testkit.ReceivedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation of the registry through the CLI against the sandbox, with its required options. */
class EveryOperationTest {

  static Stream<OperationInfo> operations() {
    return BybitOperations.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void printsATableAndExitsWith0AfterOneAcceptedRequest(OperationInfo operation) {
    FakeBybit sandbox = prepared(operation);

    CliRun run = CliRun.inSandbox(sandbox, args(operation));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("", run.errAfterSandboxMarker());
    assertFalse(run.out().isBlank(), run::toString);
    List<ReceivedRequest> requests = sandbox.requests();
    assertEquals(1, requests.size(), requests::toString);
    assertEquals(operation.operationId(), requests.get(0).operationId().orElseThrow());
    assertEquals(0, requests.get(0).retCode().orElse(0), "the fake accepted it: " + requests.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void printsValidJsonWithJson(OperationInfo operation) {
    CliRun run = CliRun.inSandbox(prepared(operation), args(operation, "--json"));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    Json.assertValid(run.out());
    // A number token (after a colon, or alone on an array's line) never has an exponent.
    assertFalse(Pattern.compile("(?m)(:\\s*|^\\s*)-?[0-9][0-9.]*[eE]").matcher(run.out()).find(),
        "no exponent forms: " + run.out());
  }

  /**
   * The user's path: no injected fake, no --env, no credentials. The default sandbox starts as the demo does, BTCUSD
   * in cross margin; a first command switches it to isolated (what {@link #prepared} sets up) and the sandbox keeps
   * that for the operation's command.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void runsAgainstTheDefaultSandboxWithoutCredentials(OperationInfo operation, @TempDir Path directory) {
    Map<String, String> environment = Map.of(SandboxState.STATE_VARIABLE, directory.resolve("s.json").toString());
    CliRun isolated = CliRun.run(environment, "setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "true",
        "--buy-leverage", "10", "--sell-leverage", "10");
    assertEquals(ExitCode.OK, isolated.exitCode(), isolated::toString);

    CliRun run = CliRun.run(environment, args(operation));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
  }

  /**
   * A fake whose state lets every write of {@link SampleValues} succeed: BTCUSD isolated (changeMargin needs it,
   * setIsolatedMode switches it to cross) on risk id 1 (setRiskLimit moves it to 10).
   */
  static FakeBybit prepared(OperationInfo operation) {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.account().setIsolated("BTCUSD", true).setRiskId("BTCUSD", 1);
    return sandbox;
  }

  static String[] args(OperationInfo operation, String... more) {
    List<String> args = new ArrayList<>();
    args.add(operation.operationId());
    args.addAll(SampleValues.requiredOptions(operation));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
