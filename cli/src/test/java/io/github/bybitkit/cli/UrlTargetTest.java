package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.internal.AuthScheme;
import io.github.bybitkit.internal.BybitOperations;
import io.github.bybitkit.internal.OperationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --env <URL>}: every operation against a server answering with recorded responses, signed from the env. */
class UrlTargetTest {
  static final String KEY = "CliTestKey7Qx2";
  static final String SECRET = "CliTestSecret9Lm4Vb8Nc1";
  static final Map<String, String> CREDENTIALS = Map.of("BYBIT_API_KEY", KEY, "BYBIT_API_SECRET", SECRET);

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

  static Stream<OperationInfo> operations() {
    return BybitOperations.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationRunsAgainstAUrlWithTheEnvironmentsCredentials(OperationInfo operation) {
    CliRun run = CliRun.run(CREDENTIALS, args(operation, "--env", url()));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.out().isBlank(), run::toString);
    assertEquals(1, bybit.requests().size(), "one request");
    RecordedRequest request = bybit.requests().get(0);
    assertEquals(operation.path(), request.getUrl().encodedPath());
    assertEquals(operation.httpMethod(), request.getMethod());
    if (operation.auth() == AuthScheme.V2_SIGNED) {
      String sent = operation.httpMethod().equals("GET") ? request.getUrl().queryParameter("api_key")
          : request.getBody().utf8();
      assertTrue(sent.contains(KEY), "signed with the environment's key: " + sent);
    } else if (operation.auth() == AuthScheme.V5_SIGNED) {
      assertEquals(KEY, request.getHeaders().get("X-BAPI-API-KEY"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void jsonOutputIsValidJson(OperationInfo operation) {
    CliRun run = CliRun.run(CREDENTIALS, args(operation, "--env", url(), "--json"));

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    Json.assertValid(run.out());
  }

  @Test
  void withoutCredentialsASignedOperationIsRefusedBeforeSending() {
    CliRun run = CliRun.run("getBalances", "--env", url());

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("BYBIT_API_KEY"), run::toString);
    assertTrue(bybit.requests().isEmpty());
  }

  @Test
  void withoutCredentialsAPublicOperationRuns() {
    CliRun run = CliRun.run("getRiskLimit", "--env", url());

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(null, bybit.requests().get(0).getUrl().queryParameter("api_key"));
  }

  private String url() {
    return server.url("/").toString();
  }

  private static String[] args(OperationInfo operation, String... more) {
    List<String> args = new ArrayList<>();
    args.add(operation.operationId());
    args.addAll(SampleValues.requiredOptions(operation));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
