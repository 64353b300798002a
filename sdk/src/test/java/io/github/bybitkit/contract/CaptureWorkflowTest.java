package io.github.bybitkit.contract;

import io.github.bybitkit.TestReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.recording.RecordingInterceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow of {@code generated-sources-readme.md}, "When Bybit changes its API", against MockWebServer instead of
 * the testnet: capture with the recorder (the same code as the {@code Capture.java} there; keep the two in step), then
 * run the drift check over the captures.
 */
class CaptureWorkflowTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @TempDir
  Path temp;

  private void serve(String operationId, String file, UnaryOperator<String> change) {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(change.apply(Recorded.of(operationId, file).json())).build());
  }

  /** The body of {@code Capture.main} in generated-sources-readme.md, with the testnet replaced by {@code baseUrl}. */
  private static void capture(Path captures, String baseUrl) {
    RecordingInterceptor recorder = RecordingInterceptor.builder(captures)
        .redactionKey("a private key of yours".getBytes(StandardCharsets.UTF_8))
        .build();
    BybitClient bybit = BybitClient.builder()
        .baseUrl(baseUrl)                                     // doc: BybitClient.TESTNET
        .credentials("testnet-key", "testnet-secret")        // doc: from the environment
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(recorder).build())
        .build();

    InversePerpetualAccountClient account = bybit.inversePerpetual().account();
    call("getBalances", account::getBalances);
    call("getApiKeyInfo", account::getApiKeyInfo);
    call("getPortfolioMargin", () -> bybit.v5().asset().getPortfolioMargin());
  }

  /** As in the doc: one refused call must not stop the others. */
  private static void call(String operationId, Runnable call) {
    try {
      call.run();
    } catch (BybitException e) {
      TestReport.printf("%s: %s%n", operationId, e.getMessage()); // the doc prints it; a green build stays quiet
    }
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).getParent().toString()).sorted().toList();
    }
  }

  @Test
  void capturedResponsesWithoutDriftPassTheCheck() throws IOException {
    serve("getBalances", "docs-2023.json", json -> json);
    serve("getApiKeyInfo", "docs-2023.json", json -> json);
    serve("getPortfolioMargin", "docs-v5.json", json -> json);
    Path captures = temp.resolve("captures");

    capture(captures, server.url("/").toString());

    assertEquals(List.of("getApiKeyInfo", "getBalances", "getPortfolioMargin"), files(captures));
    assertEquals(List.of(), RecordedDriftTest.check(captures, temp.resolve("drift-report.md")).drifts());
  }

  @Test
  void aNewFieldInACapturedResponseFailsTheCheckNamingIt() throws IOException {
    serve("getBalances", "docs-2023.json", json -> JsonEdit.addField(json, "$.result.BTC", "bonus", "0.5"));
    serve("getApiKeyInfo", "docs-2023.json", json -> JsonEdit.replaceField(json, "$", "ret_code", "10005"));
    serve("getPortfolioMargin", "docs-v5.json", json -> JsonEdit.addField(json, "$.result.wallet", "totalBonus",
        "\"1.5\""));
    Path captures = temp.resolve("captures");

    capture(captures, server.url("/").toString());

    assertEquals(List.of("getApiKeyInfo", "getBalances", "getPortfolioMargin"), files(captures),
        "the refused call was recorded as error-* and the others still ran");
    AssertionError failure = assertThrows(AssertionError.class,
        () -> RecordedDriftTest.check(captures, temp.resolve("drift-report.md")));
    assertTrue(failure.getMessage().contains("getBalances $.result.BTC.bonus: field not in the spec; found 0.5"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains(
        "getPortfolioMargin $.result.wallet.totalBonus: field not in the spec; found \"1.5\""), failure.getMessage());
  }
}
