package io.github.bybitkit.testkit;

import static io.github.bybitkit.testkit.AuthenticationTest.retCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.HttpMethod;
import io.github.bybitkit.metadata.OperationInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bybit's v5 checks as the fake makes them: signature, timestamp window, parameters, time-window caps, headers. */
class V5ChecksTest {
  private static final Instant NOW = Instant.parse("2026-03-05T06:07:08.123Z");
  private static final long NOW_MILLIS = NOW.toEpochMilli();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final RawRequests raw = new RawRequests(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  private int get(String path, String query) {
    return retCode(raw.v5Get(path, query, NOW_MILLIS));
  }

  private int post(String path, String body) {
    return retCode(raw.v5Post(path, body, NOW_MILLIS));
  }

  @Test
  void everySignedV5OperationChecksKeySignatureAndTimestamp() {
    RawRequests wrongSecret = new RawRequests(fake, FakeBybit.API_KEY, "not-the-secret");
    RawRequests wrongKey = new RawRequests(fake, "not-the-key", FakeBybit.API_SECRET);
    int checked = 0;
    for (OperationInfo op : BybitOperations.all()) {
      if (op.auth() != AuthScheme.V5_SIGNED) {
        continue;
      }
      checked++;
      if (op.httpMethod() == HttpMethod.GET) {
        assertEquals(10004, retCode(wrongSecret.v5Get(op.path(), "", NOW_MILLIS)), op.operationId());
        assertEquals(10003, retCode(wrongKey.v5Get(op.path(), "", NOW_MILLIS)), op.operationId());
        assertEquals(10002, retCode(raw.v5Get(op.path(), "", NOW_MILLIS - 5001)), op.operationId());
        assertEquals(10002, retCode(raw.v5Get(op.path(), "", NOW_MILLIS + 1000)), op.operationId());
      } else {
        assertEquals(10004, retCode(wrongSecret.v5Post(op.path(), "{}", NOW_MILLIS)), op.operationId());
        assertEquals(10003, retCode(wrongKey.v5Post(op.path(), "{}", NOW_MILLIS)), op.operationId());
        assertEquals(10002, retCode(raw.v5Post(op.path(), "{}", NOW_MILLIS - 5001)), op.operationId());
      }
    }
    assertTrue(checked >= 15, "v5 signed operations checked: " + checked);
  }

  @Test
  void requiredParametersEnumsAndRangesAre10001() {
    assertEquals(10001, get("/v5/position/list", ""));
    assertEquals(10001, get("/v5/position/list", "category=futures"));
    assertEquals(10001, get("/v5/position/list", "category=inverse&limit=201"));
    assertEquals(10001, get("/v5/position/list", "category=inverse&limit=0"));
    assertEquals(0, get("/v5/position/list", "category=inverse&limit=200"));
    assertEquals(10001, get("/v5/position/closed-pnl", "category=spot"));
    assertEquals(10001, get("/v5/account/wallet-balance", ""));
    assertEquals(10001, get("/v5/account/wallet-balance", "accountType=FUND"));
    assertEquals(10001, get("/v5/execution/list", "category=inverse&execType=Lottery"));
    assertEquals(10001, post("/v5/position/set-leverage", "{\"category\":\"inverse\",\"symbol\":\"BTCUSD\"}"));
    assertEquals(10001, post("/v5/position/set-leverage",
        "{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"buyLeverage\":10,\"sellLeverage\":\"10\"}"));
    assertEquals(10001, post("/v5/account/set-margin-mode", "{\"setMarginMode\":\"HALF_MARGIN\"}"));
    assertEquals(10001, post("/v5/position/add-margin",
        "{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"margin\":\"0.00001\"}"));
    assertEquals(10001, post("/v5/position/add-margin",
        "{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"margin\":\"0.001\",\"positionIdx\":1}"));
  }

  @Test
  void historyWindowsAreCappedAt7DaysAndWithdrawalsBelow30Days() {
    String sevenDays = "startTime=" + (NOW_MILLIS - 7 * DAY) + "&endTime=" + NOW_MILLIS;
    String overSevenDays = "startTime=" + (NOW_MILLIS - 7 * DAY - 1) + "&endTime=" + NOW_MILLIS;
    assertEquals(0, get("/v5/position/closed-pnl", "category=inverse&" + sevenDays));
    assertEquals(10001, get("/v5/position/closed-pnl", "category=inverse&" + overSevenDays));
    assertEquals(0, get("/v5/execution/list", "category=inverse&" + sevenDays));
    assertEquals(10001, get("/v5/execution/list", "category=inverse&" + overSevenDays));
    assertEquals(0, get("/v5/account/transaction-log", sevenDays));
    assertEquals(10001, get("/v5/account/transaction-log", overSevenDays));
    assertEquals(0, get("/v5/asset/withdraw/query-record",
        "startTime=" + (NOW_MILLIS - 30 * DAY + 1) + "&endTime=" + NOW_MILLIS));
    assertEquals(10001, get("/v5/asset/withdraw/query-record",
        "startTime=" + (NOW_MILLIS - 30 * DAY) + "&endTime=" + NOW_MILLIS));
    // The start after the end:
    assertEquals(10001, get("/v5/position/closed-pnl",
        "category=inverse&startTime=" + NOW_MILLIS + "&endTime=" + (NOW_MILLIS - 1)));
    RawRequests.Answer refused = raw.v5Get("/v5/position/closed-pnl", "category=inverse&" + overSevenDays,
        NOW_MILLIS);
    assertTrue(refused.body().contains("at most 7 days"), refused.body());
  }

  @Test
  void anUnknownCursorIs10001() {
    assertEquals(10001, get("/v5/position/closed-pnl", "category=inverse&cursor=somewhere"));
  }

  @Test
  void signedV5AnswersCarryTheRateLimitHeadersEvenWhenRefusedForAParameter() {
    for (String query : new String[] {"category=inverse", "category=futures"}) {
      RawRequests.Answer answer = raw.v5Get("/v5/position/closed-pnl", query, NOW_MILLIS);
      assertEquals("50", answer.headers().get("X-Bapi-Limit"), query);
      assertEquals("49", answer.headers().get("X-Bapi-Limit-Status"), query);
      assertEquals(Long.toString(NOW_MILLIS), answer.headers().get("X-Bapi-Limit-Reset-Timestamp"), query);
    }
    // Each operation's own limit, from Bybit's table.
    assertEquals("5", raw.v5Post("/v5/account/set-margin-mode", "{\"setMarginMode\":\"ISOLATED_MARGIN\"}",
        NOW_MILLIS).headers().get("X-Bapi-Limit"));
    assertEquals("10", raw.v5Post("/v5/position/add-margin",
        "{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"margin\":\"0.001\"}", NOW_MILLIS).headers()
        .get("X-Bapi-Limit"));
    assertEquals("25", raw.v5Get("/v5/account/transaction-log", "", NOW_MILLIS).headers().get("X-Bapi-Limit"));
    // Not past authentication: no rate-limit state, as Bybit.
    RawRequests.Answer unauthenticated = new RawRequests(fake, "not-the-key", FakeBybit.API_SECRET)
        .v5Get("/v5/position/closed-pnl", "category=inverse", NOW_MILLIS);
    assertEquals(null, unauthenticated.headers().get("X-Bapi-Limit"));
  }
}
