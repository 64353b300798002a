package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.AccountType;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage examples of README.md, run against recorded responses; keep the two in step. The v5 quick start, a whole
 * program with its imports, is also compiled exactly as README.md shows it, and its body is compared with the copy run
 * here (but for the base URL line and comments).
 */
class ReadmeExampleTest {
  private static final Path SOURCE =
      Path.of("src", "test", "java", "io", "github", "bybitkit", "ReadmeExampleTest.java");
  @StartStop
  final MockWebServer server = new MockWebServer();

  private void answer(String recorded) {
    try {
      Path file = Path.of(System.getProperty("bybitkit.specDir"), "recorded", recorded);
      server.enqueue(new MockResponse.Builder().body(Files.readString(file)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readmeV5QuickStartRuns() throws Exception {
    answer("getWalletBalance/docs-v5.json");
    answer("getPositionInfo/docs-v5.json");
    answer("v5SetLeverage/error-110043-not-modified.json");
    answer("v5GetTickers/docs-v5.json");
    answer("getPositionInfo/docs-v5.json");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // --- README: Today's API: v5
      try (BybitClient bybit = BybitClient.builder()
          .baseUrl(server.url("/").toString())           // README: BybitClient.TESTNET
          .credentials("test-key-0001", "test-secret-0001")   // README: System.getenv(...)
          .build()) {
        V5PositionClient position = bybit.v5().position();

        BigDecimal equity = bybit.v5().account().getWalletBalance(AccountType.UNIFIED).list().get(0).totalEquity();

        List<BybitV5PositionInfo> positions = position.getPositionInfo(
            GetPositionInfoRequest.builder().category(Category.INVERSE).symbol("BTCUSD").build()).list();

        try {
          position.setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("10"), new BigDecimal("10"));
        } catch (BybitApiException e) {
          System.out.println("not changed: " + e.retCode() + " " + e.retMsg());
        }

        Optional<V5Funding.PredictedFundingFee> next = new V5Funding(bybit).predictedFundingFee("BTCUSD");
        next.ifPresent(f -> System.out.println(f.nextFundingTime() + ": rate " + f.fundingRate() + ", fee " + f.fee()));
        // --- end of README (but for the closing braces)

        assertEquals(new BigDecimal("3.31216591"), equity);
        assertEquals("BTCUSD", positions.get(0).symbol());
      }
    } finally {
      System.setOut(stdout);
    }
    assertEquals(List.of("not changed: 110043 Set leverage has not been modified",
        "2025-10-13T16:00:00Z: rate 0.0001, fee -0.000001092319"),
        printed.toString(StandardCharsets.UTF_8).lines().toList());
    assertEquals(5, server.getRequestCount());
  }

  /** The README's quick start compiles as pasted, imports and all, against the SDK (the test class path). */
  @Test
  void readmeV5QuickStartCompilesAsPasted(@TempDir Path dir) throws Exception {
    String program = quickStart();
    Matcher className = Pattern.compile("public class (\\w+)").matcher(program);
    assertTrue(className.find(), "the quick start is a public class");
    Path file = dir.resolve(className.group(1) + ".java");
    Files.writeString(file, program);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status = javac.run(null, errors, errors, "-proc:none", "-Xlint:none", "-d", dir.toString(),
        "-classpath", System.getProperty("java.class.path"), file.toString());

    assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(dir.resolve(className.group(1) + ".class")));
  }

  /** The body of the quick start here and in README.md agree, line by line. */
  @Test
  void readmeV5QuickStartIsTheCodeThisTestRuns() throws IOException {
    List<String> readme = statements(quickStart(), "try (BybitClient bybit", "      next.ifPresent(");
    String source = Files.readString(SOURCE);
    List<String> here = statements(source.substring(source.indexOf("// --- README: Today's API: v5")),
        "try (BybitClient bybit", "        next.ifPresent(");

    assertTrue(readme.size() > 5, "found the quick start in README.md: " + readme);
    assertEquals(readme, here);
  }

  /** The README's java block that holds {@code main}. */
  private static String quickStart() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("bybitkit.specDir")).getParent().resolve("README.md"));
    int main = readme.indexOf("public static void main");
    assertTrue(main > 0, "README.md has a quick start with a main method");
    int start = readme.lastIndexOf("```java\n", main) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", main));
  }

  /**
   * The trimmed code lines from the one starting with {@code first} to the one starting with {@code last}, without
   * comments and blank lines, and without the base URL and credentials lines (where the run copy differs).
   */
  private static List<String> statements(String text, String first, String last) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : text.lines().toList()) {
      inside |= line.trim().startsWith(first);
      if (!inside) {
        continue;
      }
      String code = line.replaceFirst("\\s+//.*$", "").trim();
      if (!code.isEmpty() && !code.startsWith(".baseUrl(") && !code.startsWith(".credentials(")) {
        lines.add(code);
      }
      if (line.startsWith(last)) {
        return lines;
      }
    }
    throw new AssertionError("no line starting with " + last.trim() + " after " + first);
  }

  @Test
  void readmeDemoTradingRuns() throws Exception {
    answer("getPositionInfo/docs-v5.json");

    // --- README: Demo trading
    BybitClient demo = BybitClient.builder()
        .baseUrl(server.url("/").toString())           // README: BybitClient.DEMO
        .credentials("test-key-0001", "test-secret-0001")   // README: System.getenv(...)
        .build();
    List<BybitV5PositionInfo> positions = demo.v5().position().getPositionInfo(Category.INVERSE).list();
    // --- end of README

    assertEquals("https://api-demo.bybit.com", BybitClient.DEMO);
    assertEquals("inverse", SignatureVerifier.queryParameters(server.takeRequest()).get("category"));
    assertEquals(new BigDecimal("0.01092319"), positions.get(0).positionValue());
  }

  @Test
  void readmeUsageRuns() throws Exception {
    answer("getBalances/docs-2023.json");
    answer("getPositions/with-symbol-docs-2023.json");
    answer("setIsolatedMode/docs-2023.json");
    answer("getProfitAndLossHistory/docs-2023.json");
    answer("getPortfolioMargin/docs-v5.json");
    answer("setLeverage/error-10001-oad-minimal.json");

    // --- README: Use it
    try (BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())           // README: BybitClient.TESTNET
        .credentials("test-key-0001", "test-secret-0001")
        .recvWindow(Duration.ofSeconds(5))
        .build()) {
      InversePerpetualAccountClient account = bybit.inversePerpetual().account();

      Map<String, BybitBalance> balances = account.getBalances();
      BigDecimal available = balances.get("BTC").availableBalance();

      List<BybitPosition> positions = account.getPositions(GetPositionsRequest.builder().symbol("BTCUSD").build());
      account.setIsolatedMode("BTCUSD", true, new BigDecimal("10"), new BigDecimal("10"));

      BybitPage<BybitPnlEntry> pnl = account.getProfitAndLossHistory(
          GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").page(1).pageSize(50).build());

      CompletableFuture<BybitPortfolioMargin> pm = bybit.v5().asset().getPortfolioMarginAsync();
      BigDecimal equity = pm.get().wallet().equity(); // (test only: the server answers in order, so wait here)

      BybitApiException refused = assertThrows(BybitApiException.class, () -> account.setLeverage("BTCUSD", new BigDecimal("10")));
      // --- end of README (but for the closing brace)

      assertEquals(new BigDecimal("999.99987471"), available);
      assertEquals("BTCUSD", positions.get(0).symbol());
      assertEquals(1, pnl.currentPage());
      assertEquals(new BigDecimal("52197.86892104"), equity);
      assertEquals(10001, refused.retCode());
    }
  }

  @Test
  void readmeRuntimeExampleRuns() {
    answer("setLeverage/docs-2023.json");
    answer("changeMargin/docs-2023.json");
    server.enqueue(new MockResponse.Builder().code(403).body("<html>access too frequent</html>").build());
    java.util.List<String> caught = new java.util.ArrayList<>();

    // --- README: Errors, retries, the clock, rate limits, per-call options
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())           // README: BybitClient.TESTNET
        .credentials("test-key-0001", "test-secret-0001")
        .timeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(4))
        .rateLimiter(1, Duration.ofSeconds(2))
        .logging(HttpLogLevel.HEADERS)
        .build();
    InversePerpetualAccountClient account = bybit.inversePerpetual().account();

    InversePerpetualAccountClient strict = account.withOptions(
        RequestOptions.defaults().withRecvWindow(Duration.ofSeconds(2)).withTimeout(Duration.ofSeconds(3)));
    strict.setLeverage("BTCUSD", new BigDecimal("5"));

    for (int call = 0; call < 2; call++) { // (test only: once answered, once refused with a 403 page)
      try {
        account.changeMargin("BTCUSD", new BigDecimal("0.01"));
        caught.add("ok");
      } catch (BybitRateLimitException e) {
        caught.add("rate limit " + e.httpStatus());
      } catch (BybitAuthenticationException e) {
        caught.add("auth");
      } catch (BybitApiException e) {
        caught.add("api");
      } catch (BybitTransportException e) {
        caught.add("transport");
      } catch (BybitException e) {
        caught.add("other");
      }
    }

    java.util.Optional<RateLimit> state = bybit.rateLimit("changeMargin");
    // --- end of README

    assertEquals(java.util.List.of("ok", "rate limit 403"), caught);
    assertEquals(3, server.getRequestCount(), "the 403 POST was not retried");
    assertEquals(75, state.orElseThrow().limit());
  }

  @Test
  void readmePagingExampleRuns() {
    answer("getProfitAndLossHistory/docs-2023.json");   // one record: a short page, so the last
    answer("getWithdrawalHistory/docs-2023.json");
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString())
        .credentials("test-key-0001", "test-secret-0001").build();
    InversePerpetualAccountClient account = bybit.inversePerpetual().account();
    List<Object> stored = new java.util.ArrayList<>();
    java.util.function.Consumer<List<?>> store = stored::addAll;

    // --- README: Paging
    BigDecimal totalClosedPnl = account
        .getProfitAndLossHistoryPages(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").pageSize(50).build())
        .maxPages(10)
        .stream()
        .map(BybitPnlEntry::closedPnl)
        .reduce(BigDecimal.ZERO, BigDecimal::add);

    account.getWithdrawalHistoryPages().pages().forEach(page -> store.accept(page.items()));
    // --- end of README

    assertEquals(new BigDecimal(RecordedResponses.body("getProfitAndLossHistory", "docs-2023.json")
        .replaceAll("(?s).*\"closed_pnl\":\\s*([-0-9.eE]+).*", "$1")), totalClosedPnl);
    assertEquals(1, stored.size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void readmeV5PagingExampleRuns() {
    answer("getClosedPnl/docs-v5.json");      // one row and a cursor: the newest window has a second page
    for (int i = 0; i < 5; i++) {
      answer("getClosedPnl/empty-list.json");   // "" ends the newest window, then four older windows
    }
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString())
        .credentials("test-key-0001", "test-secret-0001").build();

    // --- README: Paging (v5)
    long now = System.currentTimeMillis();
    BigDecimal closedPnl30Days = bybit.v5().position()
        .getClosedPnlPages(Category.INVERSE, now - Duration.ofDays(30).toMillis(), now)
        .stream()
        .map(BybitV5ClosedPnl::closedPnl)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    // --- end of README

    assertEquals(new BigDecimal("-47.4065323"), closedPnl30Days);
    assertEquals(6, server.getRequestCount(), "two pages in the newest window, one in each of the four older ones");
  }

  @Test
  void readmeRsaExampleRuns(@TempDir Path dir) throws Exception {
    answer("getClosedPnl/docs-v5.json");
    KeyPair keys = RsaCredentialsTest.generate("RSA", 2048);
    Path pemFile = dir.resolve("bybit-private.pem");
    Files.writeString(pemFile, RsaCredentialsTest.pem(keys));

    // --- README: RSA keys
    BybitClient bybit = BybitClient.builder()
        .baseUrl(server.url("/").toString())           // README: BybitClient.TESTNET
        .rsaCredentials("test-key-0001", Files.readString(pemFile))   // README: System.getenv, Path.of(...)
        .build();

    BybitV5ClosedPnlPage pnl = bybit.v5().position().getClosedPnl(
        GetClosedPnlRequest.builder().category(Category.INVERSE).symbol("BTCUSD").build());
    // --- end of README

    RecordedRequest request = server.takeRequest();
    String payload = request.getHeaders().get("X-BAPI-TIMESTAMP") + "test-key-0001" + "5000"
        + SignatureVerifier.rawQuery(request);
    assertTrue(SignatureVerifier.verifiesSha256WithRsa(keys.getPublic(), payload,
        Base64.getDecoder().decode(request.getHeaders().get("X-BAPI-SIGN"))), "RSA signature over " + payload);
    assertEquals("ETHPERP", pnl.list().get(0).symbol());
  }
}
