package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitAuthenticationException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.enums.PositionMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake checks the key, the timestamp window and the signature as Bybit does, in Bybit's order. */
class AuthenticationTest {
  private static final Instant NOW = Instant.parse("2024-03-05T06:07:08.123Z");
  private static final long NOW_MILLIS = NOW.toEpochMilli();

  /** Its clock stands still, so timestamps can be put exactly at the edges of the window. */
  private final FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final RawRequests raw = new RawRequests(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  private BybitClient client(String apiKey, String apiSecret) {
    return BybitClient.builder().baseUrl(fake.baseUrl()).credentials(apiKey, apiSecret)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void theRightCredentialsAreAccepted() {
    BybitClient client = client(FakeBybit.API_KEY, FakeBybit.API_SECRET);
    client.inversePerpetual().account().getBalances();
    client.inversePerpetual().account().setLeverage("BTCUSD", 3, 3);
    client.v5().asset().getPortfolioMargin();
    assertEquals(List.of(0, 0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow()).toList());
  }

  @Test
  void aWrongSecretGets10004OnV2GetV2PostAndV5() {
    BybitClient client = client(FakeBybit.API_KEY, "not-the-secret-of-this-key-000000000");
    List<Runnable> calls = List.of(
        () -> client.inversePerpetual().account().getBalances(),
        () -> client.inversePerpetual().account().changeMargin("BTCUSD", PositionMode.ONE_WAY, BigDecimal.ONE),
        () -> client.v5().asset().getPortfolioMargin());
    for (Runnable call : calls) {
      BybitAuthenticationException e = assertThrows(BybitAuthenticationException.class, call::run);
      assertEquals(10004, e.retCode());
    }
    assertEquals(List.of("getBalances", "changeMargin", "getPortfolioMargin"),
        fake.requests().stream().map(r -> r.operationId().orElseThrow()).toList());
    // Nothing was executed: the margin did not move.
    assertEquals(new BigDecimal("0.0006947"), fake.account().position("BTCUSD").positionMargin());
  }

  @Test
  void anUnknownKeyGets10003() {
    BybitClient client = client("someone-elses-key01", FakeBybit.API_SECRET);
    BybitAuthenticationException v2 = assertThrows(BybitAuthenticationException.class,
        () -> client.inversePerpetual().account().getPositions());
    assertEquals(10003, v2.retCode());
    BybitAuthenticationException v5 = assertThrows(BybitAuthenticationException.class,
        () -> client.v5().asset().getPortfolioMargin());
    assertEquals(10003, v5.retCode());
  }

  @Test
  void aFakeBuiltWithOtherCredentialsAcceptsOnlyThose() {
    try (FakeBybit other = FakeBybit.builder()
        .credentials("another-fake-key-01", "another-secret-of-36-characters-0000").build()) {
      assertEquals(1, other.clientBuilder().build().inversePerpetual().account().getBalances().size());
      BybitAuthenticationException e = assertThrows(BybitAuthenticationException.class,
          () -> BybitClient.builder().baseUrl(other.baseUrl()).credentials(FakeBybit.API_KEY, FakeBybit.API_SECRET)
              .build().inversePerpetual().account().getBalances());
      assertEquals(10003, e.retCode());
    }
  }

  @Test
  void theTimestampWindowIsBybitsRule() {
    // server - recvWindow <= timestamp < server + 1000, with recv_window 5000.
    assertEquals(0, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of(), NOW_MILLIS - 5000)));
    assertEquals(10002, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of(), NOW_MILLIS - 5001)));
    assertEquals(0, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of(), NOW_MILLIS + 999)));
    assertEquals(10002, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of(), NOW_MILLIS + 1000)));
    assertEquals(0, retCode(raw.v5Get("/v5/asset/portfolio-margin", "", NOW_MILLIS - 5000)));
    assertEquals(10002, retCode(raw.v5Get("/v5/asset/portfolio-margin", "", NOW_MILLIS - 5001)));
    assertEquals(10002, retCode(raw.v5Get("/v5/asset/portfolio-margin", "", NOW_MILLIS + 1000)));
  }

  @Test
  void checksComeInBybitsOrder() {
    RawRequests unknownKey = new RawRequests(fake, "someone-elses-key01", "some-other-secret");
    // Unknown key and a stale timestamp: the key is checked first.
    assertEquals(10003, retCode(unknownKey.v2Get("/v2/private/wallet/balance", Map.of(), 0)));
    RawRequests wrongSecret = new RawRequests(fake, FakeBybit.API_KEY, "some-other-secret");
    // A wrong signature and a stale timestamp: the timestamp is checked before the signature.
    assertEquals(10002, retCode(wrongSecret.v2Get("/v2/private/wallet/balance", Map.of(), 0)));
    // A wrong signature and a bad parameter: the signature is checked before the parameters.
    assertEquals(10004, retCode(wrongSecret.v2Get("/v2/private/trade/closed-pnl/list", Map.of("limit", "0"),
        NOW_MILLIS)));
    assertEquals(10001, retCode(raw.v2Get("/v2/private/trade/closed-pnl/list", Map.of("limit", "0"), NOW_MILLIS)));
  }

  @Test
  void aSignatureOverOtherValuesIsRefused() {
    RawRequests.Answer signedThenChanged = raw.send(signedThenCoinChanged());
    assertEquals(10004, retCode(signedThenChanged));
    assertTrue(signedThenChanged.body().contains("\"ret_msg\":\"error sign!\""), signedThenChanged.body());
  }

  /** A correctly signed getBalances (as the fake received it) with its coin changed after signing. */
  private Request signedThenCoinChanged() {
    assertEquals(0, retCode(raw.v2Get("/v2/private/wallet/balance", Map.of("coin", "BTC"), NOW_MILLIS)));
    HttpUrl.Builder url = HttpUrl.get(fake.baseUrl()).newBuilder().encodedPath("/v2/private/wallet/balance");
    fake.requests().get(0).query().forEach((name, value) -> url.addQueryParameter(name,
        name.equals("coin") ? "ETH" : value));
    return new Request.Builder().url(url.build()).get().build();
  }

  @Test
  void publicOperationsNeedNoSignature() {
    BybitClient anonymous = BybitClient.builder().baseUrl(fake.baseUrl()).build();
    assertFalse(anonymous.inversePerpetual().account().getRiskLimit().isEmpty());
    assertEquals(NOW, anonymous.v5().market().getV5ServerTime());
    assertEquals(List.of(0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow()).toList());
  }

  static int retCode(RawRequests.Answer answer) {
    Integer code = Envelopes.retCodeOf(answer.body());
    if (code == null) {
      throw new AssertionError("not an envelope: HTTP " + answer.status() + " " + answer.body());
    }
    return code;
  }
}
