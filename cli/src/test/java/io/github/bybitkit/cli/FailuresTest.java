package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a failed call ends: Bybit's refusal with 1, anything else on the way with 3; secrets never printed. */
class FailuresTest {
  private final RecordedBybit bybit = new RecordedBybit();
  private MockWebServer server;

  @BeforeEach
  void start() {
    server = RecordedBybit.start(bybit);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBybitErrorCodePrintsCodeAndMessageAndExitsWith1() {
    bybit.answer("setLeverage", RecordedBybit.recorded("setLeverage", "error-10001-oad-minimal.json"));

    CliRun run = run("setLeverage", "--symbol", "BTCUSD", "--buy-leverage", "5", "--sell-leverage", "5");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertEquals("Bybit error 10001: error in params\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void aRateLimitCodeIsABybitErrorToo() {
    bybit.answer("getPortfolioMargin", RecordedBybit.recorded("getPortfolioMargin",
        "error-10006-too-many-visits.json"));

    CliRun run = run("getPortfolioMargin");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Bybit error 10006: Too many visits!"), run::toString);
  }

  @Test
  void anInvalidKeyReportIsPrintedWithoutTheKeyOrTheSecret() {
    bybit.answer("getBalances", RecordedBybit.recorded("getBalances", "error-10003-invalid-api-key.json"));

    CliRun run = run("getBalances");

    assertEquals(ExitCode.BYBIT_ERROR, run.exitCode(), run::toString);
    assertEquals("Bybit error 10003: invalid api_key\n", run.err());
    assertSecretsNotPrinted(run);
  }

  @Test
  void anHttpErrorPageExitsWith3() {
    bybit.notFound("getBalances");

    CliRun run = run("getBalances");

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Request failed: getBalances: "), run::toString);
    assertSecretsNotPrinted(run);
  }

  @Test
  void aBodyThatIsNotWhatTheSpecSaysExitsWith3() {
    bybit.answer("getBalances", "{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\"lots\"}}}");

    CliRun run = run("getBalances");

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Request failed: getBalances: "), run::toString);
  }

  @Test
  void noServerExitsWith3() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRun run = CliRun.run(UrlTargetTest.CREDENTIALS, "getServerTime", "--env", "http://127.0.0.1:" + closedPort);

    assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("Request failed: getServerTime: "), run::toString);
  }

  private static void assertSecretsNotPrinted(CliRun run) {
    assertFalse(run.out().contains(UrlTargetTest.SECRET) || run.err().contains(UrlTargetTest.SECRET), run::toString);
    assertFalse(run.out().contains(UrlTargetTest.KEY) || run.err().contains(UrlTargetTest.KEY), run::toString);
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--env", server.url("/").toString()));
    return CliRun.run(UrlTargetTest.CREDENTIALS, all.toArray(String[]::new));
  }
}
