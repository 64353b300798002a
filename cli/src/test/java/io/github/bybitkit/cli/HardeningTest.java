package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key in a result is masked in every output form; a failure after sending never escapes and exits 3. */
class HardeningTest {
  private static final String RECORDED_KEY = "7GkMBBLTbGRfa0Nuh1";

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theApiKeyInGetApiKeyInfosResultIsMaskedInTablesAndJson(boolean json) {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNextWithStatus("getApiKeyInfo", 1, 200, "application/json",
        Recorded.body("getApiKeyInfo", "docs-2021.json"));

    CliRun run = json ? CliRun.inSandbox(sandbox, "getApiKeyInfo", "--json")
        : CliRun.inSandbox(sandbox, "getApiKeyInfo");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("scalping_bot"), run::toString);
    assertTrue(run.out().contains("7GkM..."), run::toString);
    for (int i = 0; i + 8 <= RECORDED_KEY.length(); i++) {
      assertFalse(run.out().contains(RECORDED_KEY.substring(i, i + 8)), run::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"ret_code\":0,\"result\":{\"BTC\":{\"equity\":}}}", "not json at all",
      "{\"ret_code\":0,\"result\":{\"BTC\":{\"equity\":1e100000}}}", "{\"ret_code\":0,\"result\":[[[[", ""})
  void aBodyThatCannotBeReadAfterSendingExitsWith3(String body) {
    FakeBybit sandbox = FakeBybit.start();
    sandbox.failNextWithStatus("getBalances", 1, 200, "application/json", body);

    CliRun run = CliRun.inSandbox(sandbox, "getBalances");

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertEquals("", run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":1E100}},"
      + "\"time_now\":\"1578284274.816029\"}",
      "{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\"1e-1000\"}},"
      + "\"time_now\":\"1578284274.816029\"}"})
  void largeButValidNumbersPrintInBothForms(String body) {
    for (boolean json : new boolean[] {false, true}) {
      FakeBybit sandbox = FakeBybit.start();
      sandbox.failNextWithStatus("getBalances", 1, 200, "application/json", body);

      CliRun run = json ? CliRun.inSandbox(sandbox, "getBalances", "--json")
          : CliRun.inSandbox(sandbox, "getBalances");

      assertEquals(ExitCode.OK, run.exitCode(), run.toString() + " " + json);
    }
  }
}
