package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** How a failed call ends: Bybit's refusal with 1 and its code and message, anything else on the way with 3. */
class FailuresTest {
  private final FakeBybit sandbox = FakeBybit.start();

  @Test
  void aBybitErrorCodePrintsCodeAndMessageAndExitsWith1() {
    sandbox.failNext("setLeverage", 1, 10001, "params error: leverage invalid");

    CliRun run = CliRun.inSandbox(sandbox, "setLeverage", "--symbol", "BTCUSD", "--leverage", "5");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertEquals("Bybit error 10001: params error: leverage invalid\n", run.errAfterSandboxMarker());
    assertEquals("", run.out());
    assertEquals(1, sandbox.requests("setLeverage").size(), "a POST is sent once");
  }

  @Test
  void aMessageFromTheNetworkCannotSendEscapeSequencesToTheTerminal() {
    sandbox.failNext("getBalances", 1, 10001, "params\u001b[2J error\nsecond line");

    CliRun run = CliRun.inSandbox(sandbox, "getBalances");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertEquals("Bybit error 10001: params [2J error second line\n", run.errAfterSandboxMarker());
  }

  @Test
  void aRefusalOfTheFakesOwnChecksIsABybitErrorToo() {
    sandbox.account().setIsolated("BTCUSD", false);

    CliRun run = CliRun.inSandbox(sandbox, "changeMargin", "--symbol", "BTCUSD", "--margin",
        "0.01");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.errAfterSandboxMarker().startsWith("Bybit error "), run::toString);
    assertTrue(run.errAfterSandboxMarker().contains("cross margin"), run::toString);
  }

  @Test
  void aRateLimitCodeIsABybitError() {
    sandbox.failNext("getPortfolioMargin", 3, 10006, "Too many visits!");

    CliRun run = CliRun.inSandbox(sandbox, "getPortfolioMargin");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertEquals("Bybit error 10006: Too many visits!\n", run.errAfterSandboxMarker());
  }

  @Test
  void anHttpErrorPageExitsWith3() {
    sandbox.failNextWithStatus("setLeverage", 1, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");

    CliRun run = CliRun.inSandbox(sandbox, "setLeverage", "--symbol", "BTCUSD", "--leverage", "5");

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.errAfterSandboxMarker().startsWith("Request failed: setLeverage: "), run::toString);
    assertTrue(run.errAfterSandboxMarker().contains("502"), run::toString);
  }

  @Test
  void aBodyThatIsNotWhatTheSpecSaysExitsWith3() {
    sandbox.failNextWithStatus("getBalances", 1, 200, "application/json",
        "{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\"lots\"}},\"time_now\":\"1.0\"}");

    CliRun run = CliRun.inSandbox(sandbox, "getBalances");

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.errAfterSandboxMarker().startsWith("Request failed: getBalances: "), run::toString);
  }

  @Test
  void noServerExitsWith3() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRun run = CliRun.run("getServerTime", "--env", "http://127.0.0.1:" + closedPort);

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Request failed: getServerTime: "), run::toString);
  }
}
