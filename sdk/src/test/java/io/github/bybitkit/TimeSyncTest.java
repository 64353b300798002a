package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.NOW_MILLIS;
import static io.github.bybitkit.TestClients.SECRET;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * On 10002 the client reads Bybit's clock from the envelope's server-time endpoint, corrects its timestamps by the
 * measured offset and tries the refused request once more; POST included, since 10002 means "not executed". The
 * clock is fixed, so the offset is exact: Bybit is 3 s ahead.
 */
class TimeSyncTest {
  private static final long SKEW_MILLIS = 3000;
  private static final long SERVER_MILLIS = NOW_MILLIS + SKEW_MILLIS;
  private static final String V2_TIMESTAMP_ERROR = "{\"ret_code\":10002,\"ret_msg\":\"invalid request, please check"
      + " your timestamp and recv_window param\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,"
      + "\"time_now\":\"1709618831.123000\"}";
  private static final String V5_TIMESTAMP_ERROR = "{\"retCode\":10002,\"retMsg\":\"invalid request, please check"
      + " your server timestamp or recv_window param\",\"result\":{},\"retExtInfo\":{},\"time\":1709618831123}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private static MockResponse v2Time() {
    return json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":{},"
        + "\"time_now\":\"" + (SERVER_MILLIS / 1000) + "." + (SERVER_MILLIS % 1000) + "000\"}");
  }

  private static MockResponse v5Time() {
    return json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"timeSecond\":\"" + SERVER_MILLIS / 1000
        + "\",\"timeNano\":\"" + SERVER_MILLIS + "000000\"},\"retExtInfo\":{},\"time\":" + SERVER_MILLIS + "}");
  }

  private static SignatureVerifier resynced() {
    return new SignatureVerifier(KEY, SECRET, SERVER_MILLIS, TestClients.DEFAULT_RECV_WINDOW_MILLIS);
  }

  private InversePerpetualAccountClient account(BybitClient bybit) {
    return bybit.inversePerpetual().account();
  }

  @Test
  void aV2GetRefusedFor10002IsSignedAgainWithBybitsClockAndSucceeds() throws Exception {
    server.enqueue(json(V2_TIMESTAMP_ERROR));
    server.enqueue(v2Time());
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.client(server);

    Map<String, BybitBalance> balances = account(bybit).getBalances();

    assertEquals(new BigDecimal("1002"), balances.get("BTC").equity());
    TestClients.verifier().verifyV2Query(take(server));
    RecordedRequest time = take(server);
    assertEquals("/v2/public/time", time.getUrl().encodedPath());
    SignatureVerifier.assertUnsigned(time);
    // The verifier checks timestamp = Bybit's time, and the signature over it.
    resynced().verifyV2Query(take(server));
    assertEquals(Duration.ofMillis(SKEW_MILLIS), bybit.clockOffset());
  }

  @Test
  void aV5GetUsesTheV5TimeEndpointAndHeaders() throws Exception {
    server.enqueue(json(V5_TIMESTAMP_ERROR));
    server.enqueue(v5Time());
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    BybitClient bybit = TestClients.client(server);

    BybitPortfolioMargin margin = bybit.v5().asset().getPortfolioMargin();

    assertEquals(new BigDecimal("52197.86892104"), margin.wallet().equity());
    TestClients.verifier().verifyV5Get(take(server));
    assertEquals("/v5/market/time", take(server).getUrl().encodedPath());
    RecordedRequest retried = take(server);
    resynced().verifyV5Get(retried);
    assertEquals(Long.toString(SERVER_MILLIS), retried.getHeaders().get("X-BAPI-TIMESTAMP"));
    assertEquals(Duration.ofMillis(SKEW_MILLIS), bybit.clockOffset());
  }

  @Test
  void aPostRefusedFor10002IsRetriedExactlyOnce() throws Exception {
    server.enqueue(json(V2_TIMESTAMP_ERROR));
    server.enqueue(v2Time());
    server.enqueue(recorded("setLeverage", "docs-2023.json"));

    account(TestClients.client(server)).setLeverage("BTCUSD", 10, 10);

    assertEquals("POST", take(server).getMethod());
    take(server);
    RecordedRequest retried = take(server);
    assertEquals("POST", retried.getMethod());
    resynced().verifyV2Body(retried);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void a10002AfterTheResyncIsThrownWithoutAnotherAttempt() {
    server.enqueue(json(V2_TIMESTAMP_ERROR));
    server.enqueue(v2Time());
    server.enqueue(json(V2_TIMESTAMP_ERROR));

    BybitTimestampException e = assertThrows(BybitTimestampException.class,
        () -> account(TestClients.client(server)).getBalances());

    assertEquals(10002, e.retCode());
    assertEquals(3, server.getRequestCount(), "refused, time, refused again: no loop");
  }

  @Test
  void whenTheTimeEndpointFailsTheOriginal10002IsThrownWithTheSyncFailureSuppressed() {
    server.enqueue(json(V2_TIMESTAMP_ERROR));
    server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());

    BybitTimestampException e = assertThrows(BybitTimestampException.class,
        () -> account(TestClients.client(server)).getBalances());

    assertEquals(1, e.getSuppressed().length);
    BybitHttpException sync = (BybitHttpException) e.getSuppressed()[0];
    assertEquals(502, sync.status());
    assertEquals("getServerTime", sync.operationId());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void withTimeSyncOffA10002IsThrownAtOnce() {
    server.enqueue(json(V2_TIMESTAMP_ERROR));

    assertThrows(BybitTimestampException.class,
        () -> account(TestClients.builder(server).timeSync(false).build()).getBalances());

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void asyncCallsRecoverFrom10002Too() throws Exception {
    server.enqueue(json(V5_TIMESTAMP_ERROR));
    server.enqueue(v5Time());
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    BybitPortfolioMargin margin = TestClients.client(server).v5().asset().getPortfolioMarginAsync()
        .get(5, TimeUnit.SECONDS);

    assertEquals(new BigDecimal("52197.86892104"), margin.wallet().equity());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void syncTimeMeasuresTheClockUpFrontAndLaterRequestsOfBothKindsUseTheOffset() throws Exception {
    server.enqueue(v5Time());
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.client(server);

    assertEquals(Duration.ofMillis(SKEW_MILLIS), bybit.syncTime());
    bybit.v5().asset().getPortfolioMargin();
    bybit.inversePerpetual().account().getBalances();

    assertEquals("/v5/market/time", take(server).getUrl().encodedPath());
    resynced().verifyV5Get(take(server));
    resynced().verifyV2Query(take(server));
  }

  @Test
  void theServerTimeOperationsReturnTheEnvelopeTime() {
    server.enqueue(recorded("getServerTime", "docs-2023.json"));
    server.enqueue(recorded("getV5ServerTime", "docs-v5.json"));
    BybitClient bybit = TestClients.anonymousClient(server);

    assertEquals(Instant.parse("2019-12-27T10:58:52.192859Z"), bybit.inversePerpetual().market().getServerTime());
    assertEquals(Instant.ofEpochMilli(1688639403423L), bybit.v5().market().getV5ServerTime());
    assertEquals(2, server.getRequestCount());
  }
}
