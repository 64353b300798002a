package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.report.ValidationReport;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitApiKeyInfo;
import io.github.bybitkit.recording.RecordingInterceptor;
import io.github.bybitkit.recording.ResponseRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recorder end to end: responses served by MockWebServer to a BybitKit client with a {@link RecordingInterceptor}
 * land in {@code <dir>/<operationId>/}, redacted, and still match the spec.
 */
class RecordingInterceptorTest {
  private static final String API_KEY = "Kx7vQ2mLp9Rt4WzB1n";
  private static final String API_SECRET = "Zq8Hs2Lk5Vn1Tb7Xc4Pm9Rd3Wf6Jy0GuE2Ao";
  private static final Instant NOW = Instant.parse("2024-03-05T06:07:08.123Z");
  private static final byte[] KEY = "recording-test-key".getBytes(StandardCharsets.UTF_8);

  private static SpecValidator validator;

  @StartStop
  final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  @BeforeAll
  static void loadSpec() {
    validator = new SpecValidator(Recorded.openApiFile());
  }

  private RecordingInterceptor recorder(Clock clock, byte[] key) {
    return RecordingInterceptor.builder(dir).redactionKey(key).clock(clock).build();
  }

  private BybitClient client(RecordingInterceptor recorder) {
    return BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials(API_KEY, API_SECRET)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(recorder).build())
        .build();
  }

  private InversePerpetualAccountClient account(RecordingInterceptor recorder) {
    return client(recorder).inversePerpetual().account();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private void serve(String operationId, String file) {
    server.enqueue(json(200, Recorded.of(operationId, file).json()));
  }

  /** Every file under {@code dir}, as paths relative to it, sorted. */
  private List<String> files() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    }
  }

  private String read(String relative) throws IOException {
    return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- where, redacted, valid

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
      "getApiKeyInfo,           docs-2023.json",
      "getWithdrawalHistory,    docs-2023.json",
      "getWalletFundHistory,    docs-2023.json",
      "getPositions,            without-symbol-docs-2023.json",
      "getProfitAndLossHistory, docs-2023.json",
      "getRiskLimit,            docs-2021.json",
      "getBalances,             docs-2023.json",
      "getPortfolioMargin,      docs-v5.json",
  })
  void recordsTheResponseRedactedIntoTheOperationsDirectory(String operationId, String file) throws IOException {
    serve(operationId, file);
    RecordingInterceptor recorder = recorder(Clock.fixed(NOW, ZoneOffset.UTC), KEY);

    call(client(recorder), operationId);

    String name = operationId + "/20240305T060708.123000Z.json";
    assertEquals(List.of(name), files());
    String original = Recorded.of(operationId, file).json();
    String recorded = read(name);
    assertRedactedCopy(Json.parse(original), Json.parse(recorded), "$", false);

    ValidationReport report = validator.validate200(BybitOperations.byId(operationId), recorded);
    assertFalse(report.hasErrors(), () -> "the recorded file does not match the spec:\n"
        + SpecValidator.describe(report) + recorded);
    for (String secret : List.of(API_KEY, API_SECRET, "sign", "X-BAPI", "api_key=")) {
      assertFalse(recorded.contains(secret), "the file contains " + secret);
    }
  }

  private static void call(BybitClient client, String operationId) {
    InversePerpetualAccountClient account = client.inversePerpetual().account();
    switch (operationId) {
      case "getApiKeyInfo" -> account.getApiKeyInfo();
      case "getWithdrawalHistory" -> account.getWithdrawalHistory();
      case "getWalletFundHistory" -> account.getWalletFundHistory();
      case "getPositions" -> account.getPositions();
      case "getProfitAndLossHistory" -> account.getProfitAndLossHistory("BTCUSD");
      case "getRiskLimit" -> account.getRiskLimit();
      case "getBalances" -> account.getBalances();
      case "getPortfolioMargin" -> client.v5().asset().getPortfolioMargin();
      default -> fail("no call for " + operationId);
    }
  }

  /**
   * {@code recorded} has the shape of {@code original}; below an identifying field every value that carries an
   * identity (not zero, not {@code ""} or {@code "*"}) is replaced by one of the same JSON type, and everything else is
   * the same, number literals included.
   */
  private static void assertRedactedCopy(Json original, Json recorded, String path, boolean identifying) {
    assertEquals(original.getClass(), recorded.getClass(), "JSON type at " + path);
    if (original instanceof Json.Obj o) {
      Json.Obj r = (Json.Obj) recorded;
      assertEquals(List.copyOf(o.fields().keySet()), List.copyOf(r.fields().keySet()), "fields at " + path);
      o.fields().forEach((name, value) -> assertRedactedCopy(value, r.fields().get(name), Json.fieldPath(path, name),
          identifying || ResponseRedactor.isIdentifying(name)));
    } else if (original instanceof Json.Arr a) {
      List<Json> r = ((Json.Arr) recorded).items();
      assertEquals(a.items().size(), r.size(), "items at " + path);
      for (int i = 0; i < r.size(); i++) {
        assertRedactedCopy(a.items().get(i), r.get(i), Json.itemPath(path, i), identifying);
      }
    } else if (identifying && carriesIdentity(original)) {
      assertNotEquals(original, recorded, "not redacted at " + path);
      assertEquals(original.text().length(), recorded.text().length(), "same length at " + path);
    } else {
      assertEquals(original, recorded, "changed at " + path);
    }
  }

  private static boolean carriesIdentity(Json value) {
    if (value instanceof Json.Num n) {
      return n.value().signum() != 0;
    }
    return value instanceof Json.Str s && s.value().chars().anyMatch(Character::isLetterOrDigit);
  }

  @Test
  void theCallerStillGetsTheOriginalBody() throws IOException {
    serve("getApiKeyInfo", "docs-2023.json");

    List<BybitApiKeyInfo> keys = account(recorder(Clock.systemUTC(), KEY)).getApiKeyInfo();

    assertEquals(12345678L, keys.get(0).userId());
    assertEquals("XXXXXX", keys.get(0).apiKey());
    assertEquals(1, files().size());
  }

  // ---------------------------------------------------------------- deterministic, never overwritten

  @Test
  void theSameResponseTwiceGivesTwoIdenticalFilesInTimeOrder() throws IOException {
    serve("getApiKeyInfo", "docs-2023.json");
    serve("getApiKeyInfo", "docs-2023.json");
    InversePerpetualAccountClient account = account(recorder(Clock.fixed(NOW, ZoneOffset.UTC), KEY));

    account.getApiKeyInfo();
    account.getApiKeyInfo();

    // The clock stood still: the second name moved on by a microsecond instead of replacing the first file.
    assertEquals(List.of("getApiKeyInfo/20240305T060708.123000Z.json", "getApiKeyInfo/20240305T060708.123001Z.json"),
        files());
    assertEquals(read(files().get(0)), read(files().get(1)));
  }

  @Test
  void theSameKeyGivesTheSameFakesInAnotherRecorderAndAnotherKeyOthers() throws IOException {
    for (int i = 0; i < 3; i++) {
      serve("getWithdrawalHistory", "docs-2023.json");
    }
    MutableClock clock = new MutableClock(NOW);

    account(recorder(clock, KEY)).getWithdrawalHistory();
    clock.now = NOW.plusSeconds(1);
    account(recorder(clock, KEY)).getWithdrawalHistory();
    clock.now = NOW.plusSeconds(2);
    account(recorder(clock, "other key".getBytes(StandardCharsets.UTF_8))).getWithdrawalHistory();

    List<String> files = files();
    assertEquals(3, files.size());
    assertEquals(read(files.get(0)), read(files.get(1)), "same key");
    assertNotEquals(read(files.get(0)), read(files.get(2)), "other key");
  }

  @Test
  void fileNamesSortByTime() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-05T09:59:59.999999Z"));
    RecordingInterceptor recorder = recorder(clock, KEY);
    List<Instant> times = List.of(Instant.parse("2024-03-05T09:59:59.999999Z"),
        Instant.parse("2024-03-05T10:00:00Z"), Instant.parse("2024-03-06T00:00:00.000001Z"),
        Instant.parse("2025-01-01T00:00:00Z"));
    for (Instant time : times) {
      serve("getBalances", "docs-2023.json");
      clock.now = time;
      account(recorder).getBalances();
    }

    assertEquals(List.of("getBalances/20240305T095959.999999Z.json", "getBalances/20240305T100000.000000Z.json",
        "getBalances/20240306T000000.000001Z.json", "getBalances/20250101T000000.000000Z.json"), files());
  }

  // ---------------------------------------------------------------- what is not recorded as a success

  @Test
  void anErrorEnvelopeIsRecordedAsErrorStar() throws IOException {
    serve("getBalances", "error-10003-invalid-api-key.json");
    RecordingInterceptor recorder = recorder(Clock.fixed(NOW, ZoneOffset.UTC), KEY);

    assertThrows(BybitException.class, () -> account(recorder).getBalances());

    assertEquals(List.of("getBalances/error-20240305T060708.123000Z.json"), files());
    ValidationReport report = validator.validate200(BybitOperations.GET_BALANCES, read(files().get(0)));
    assertFalse(report.hasErrors(), () -> SpecValidator.describe(report));
  }

  @Test
  void nonJsonAndNon200ResponsesAreNotRecordedAndTheCallFailsAsUsual() throws IOException {
    server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());
    server.enqueue(json(500, "{\"ret_code\":0,\"ret_msg\":\"OK\"}"));
    InversePerpetualAccountClient account = account(recorder(Clock.systemUTC(), KEY));

    assertThrows(BybitException.class, account::getBalances);
    assertThrows(BybitException.class, account::getBalances);

    assertEquals(List.of(), files(), "nothing recorded, no temporary file left");
  }

  @Test
  void requestsNotMadeByABybitKitClientAreNotRecorded() throws IOException {
    server.enqueue(json(200, Recorded.of("getBalances", "docs-2023.json").json()));
    OkHttpClient plain = new OkHttpClient.Builder().addInterceptor(recorder(Clock.systemUTC(), KEY)).build();

    try (Response response = plain.newCall(new Request.Builder().url(server.url("/v2/private/wallet/balance")).build())
        .execute()) {
      assertTrue(response.body().string().contains("available_balance"));
    }

    assertEquals(List.of(), files());
  }

  @Test
  void toStringNamesTheDirectoryOnly() {
    assertEquals("RecordingInterceptor(" + dir + ")", recorder(Clock.systemUTC(), KEY).toString());
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
