package io.github.bybitkit.testkit;

import static io.github.bybitkit.testkit.AuthenticationTest.retCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests the client's own checks would never send, signed correctly by hand: the fake refuses each with 10001
 * naming the parameter, from what the spec says about it.
 */
class ParameterChecksTest {
  private final FakeBybit fake = FakeBybit.start();
  private final RawRequests raw = new RawRequests(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  private void assertRefused(RawRequests.Answer answer, String parameter, String what) {
    assertEquals(200, answer.status());
    assertEquals(10001, retCode(answer), answer.body());
    assertTrue(answer.body().contains(parameter) && answer.body().contains(what), answer.body());
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  @Test
  void aValueAboveTheSpecsMaximum() {
    assertRefused(raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of("symbol", "BTCUSD", "limit", "51"), now()),
        "limit", "at most 50, was 51");
  }

  @Test
  void aValueAtTheBoundsIsAccepted() {
    assertEquals(0, retCode(raw.v2Get("/v2/private/trade/closed-pnl/list",
        Map.of("symbol", "BTCUSD", "limit", "50", "page", "1"), now())));
  }

  @Test
  void aMissingRequiredParameter() {
    assertRefused(raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of(), now()), "symbol", "is required");
    assertRefused(raw.v2Post("/v2/private/position/leverage/save", Map.of("symbol", "\"BTCUSD\"",
        "buy_leverage", "5", "sell_leverage", "5"), now()), "leverage", "is required");
  }

  @Test
  void aNumberSentAsAStringInAJsonBody() {
    assertRefused(raw.v2Post("/v2/private/position/leverage/save", Map.of("symbol", "\"BTCUSD\"",
        "leverage", "\"5\""), now()), "leverage", "must be a JSON number");
  }

  @Test
  void aDecimalTheSpecSendsAsTextSentAsANumber() {
    assertRefused(raw.v2Post("/v2/private/position/change-position-margin", Map.of("symbol", "\"BTCUSD\"",
        "margin", "0.01"), now()), "margin", "must be a JSON string");
  }

  @Test
  void anIntegerThatIsNotOne() {
    assertRefused(raw.v2Get("/v2/private/exchange-order/list", Map.of("limit", "2.5"), now()), "limit",
        "must be an integer");
  }

  @Test
  void anEnumValueTheSpecDoesNotList() {
    assertRefused(raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of("symbol", "BTCUSD", "exec_type", "trade"),
        now()), "exec_type", "must be one of Trade, AdlTrade, BustTrade, Settle, was trade");
    assertRefused(raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of("symbol", "BTCUSD", "exec_type", "Funding"),
        now()), "exec_type", "must be one of Trade, AdlTrade, BustTrade, Settle, was Funding");
    assertRefused(raw.v2Post("/v2/private/position/risk-limit", Map.of("symbol", "\"BTCUSD\"",
        "risk_id", "2", "position_idx", "3"), now()), "position_idx", "must be one of 0, 1, 2");
  }

  @Test
  void zeroWhereTheSpecRefusesZero() {
    assertRefused(raw.v2Post("/v2/private/position/change-position-margin", Map.of("symbol", "\"BTCUSD\"",
        "margin", "\"0.000\""), now()), "margin", "must not be zero");
  }

  @Test
  void anExclusiveMinimum() {
    assertRefused(raw.v2Post("/v2/private/position/switch-isolated", Map.of("symbol", "\"XRPUSD\"",
        "is_isolated", "true", "buy_leverage", "0", "sell_leverage", "0"), now()), "buy_leverage",
        "must be greater than 0, was 0");
    assertRefused(raw.v2Post("/v2/private/position/leverage/save", Map.of("symbol", "\"BTCUSD\"",
        "leverage", "0"), now()), "leverage", "must be greater than 0, was 0");
  }

  @Test
  void aBooleanSentAsText() {
    assertRefused(raw.v2Post("/v2/private/position/switch-isolated", Map.of("symbol", "\"XRPUSD\"",
        "is_isolated", "\"true\"", "buy_leverage", "5", "sell_leverage", "5"), now()), "is_isolated",
        "must be a JSON boolean");
  }

  @Test
  void aMalformedDate() {
    assertRefused(raw.v2Get("/v2/private/wallet/fund/records", Map.of("start_date", "2021/01/01"), now()),
        "start_date", "must be a date yyyy-mm-dd");
  }

  @Test
  void anEmptyOptionalTextIsNoError() {
    RawRequests.Answer answer = raw.v5Get("/v5/asset/portfolio-margin", "baseCoin=", now());
    assertEquals(0, retCode(answer), answer.body());
  }

  @Test
  void parametersTheSpecDoesNotKnowAreIgnoredAsBybitIgnoresThem() {
    assertEquals(0, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of("surprise", "1"), now())));
  }

  @Test
  void theRefusalIsAV2EnvelopeWithTheRateLimitOfTheOperation() {
    RawRequests.Answer answer = raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of(), now());
    Map<String, Object> envelope = Json.object(Json.parse(answer.body()));
    assertEquals(List.of("ret_code", "ret_msg", "ext_code", "ext_info", "result", "time_now",
        "rate_limit_status", "rate_limit_reset_ms", "rate_limit"), List.copyOf(envelope.keySet()));
    assertEquals(null, envelope.get("result"));
  }
}
