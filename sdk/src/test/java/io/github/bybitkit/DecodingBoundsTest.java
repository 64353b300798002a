package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.internal.json.JsonBounds;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.math.BigDecimal;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed server times and values beyond BybitKit's decoding limits fail as {@link BybitDecodingException} naming
 * the path, fast; valid large numbers within the limits decode exactly, whatever Moshi's number parsing does.
 */
class DecodingBoundsTest {
  private static final String V2_TIMESTAMP_ERROR = "{\"ret_code\":10002,\"ret_msg\":\"invalid request, please check"
      + " your timestamp and recv_window param\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,"
      + "\"time_now\":\"1709618831.123000\"}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private BybitClient client() {
    return TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
  }

  private InversePerpetualAccountClient account() {
    return client().inversePerpetual().account();
  }

  private static String timeBody(String timeNowJson) {
    return "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":{},\"time_now\":"
        + timeNowJson + "}";
  }

  private static String balances(String equityJson) {
    return "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":{\"BTC\":"
        + "{\"equity\":" + equityJson + "}},\"time_now\":\"1578284274.816029\"}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"15{7444332.192859\"", "223372036854775808", "\"-\"", "\"1e5\""})
  void aMalformedServerTimeIsADecodingFailureAtTimeNow(String timeNow) {
    server.enqueue(json(timeBody(timeNow)));

    BybitDecodingException e = assertThrows(BybitDecodingException.class,
        () -> client().inversePerpetual().market().getServerTime());

    assertEquals("$.time_now", e.jsonPath());
    assertEquals("getServerTime", e.operationId());
  }

  @Test
  void aMalformedServerTimeInTheClientsOwnResyncLeavesTheTimestampFailureWithTheDecodingFailureSuppressed() {
    server.enqueue(json(V2_TIMESTAMP_ERROR));
    server.enqueue(json(timeBody("\"15{7444332.192859\"")));

    BybitTimestampException e = assertThrows(BybitTimestampException.class,
        () -> TestClients.client(server).inversePerpetual().account().getBalances());

    BybitDecodingException sync = assertInstanceOf(BybitDecodingException.class, e.getSuppressed()[0]);
    assertEquals("$.time_now", sync.jsonPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"184467440737095516160", "100000000000000000000000000000000000000000000000000000000000000000",
      "-184467440737095516160", "18446744073709551616", "-9223372036854775809", "1.8446744073709551616e20",
      "0.000000000000000000000000000001", "1e1000", "-1E-1000"})
  void validLargeNumbersDecodeExactly(String number) {
    server.enqueue(json(balances(number)));
    server.enqueue(json(balances("\"" + number + "\"")));

    assertEquals(new BigDecimal(number), account().getBalances().get("BTC").equity());
    assertEquals(new BigDecimal(number), account().getBalances().get("BTC").equity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1001", "1E-1001", "1e999999999", "-1e+9999999999999999999999"})
  void anExponentBeyondTheLimitIsRefusedWithThePath(String number) {
    assertRefusedAtEquity(number);
    assertRefusedAtEquity("\"" + number + "\"");
  }

  @Test
  void aNumberLongerThanTheLimitIsRefusedWithThePath() {
    String longest = "9".repeat(JsonBounds.MAX_NUMBER_CHARS);
    server.enqueue(json(balances(longest)));
    assertEquals(new BigDecimal(longest), account().getBalances().get("BTC").equity());

    assertRefusedAtEquity(longest + "9");
    assertRefusedAtEquity("\"" + longest + "9\"");
    assertRefusedAtEquity("0." + longest);
  }

  @Test
  void aMillionDigitNumberFailsFast() {
    String huge = "7".repeat(1_000_000);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      assertRefusedAtEquity(huge);
      assertRefusedAtEquity("\"" + huge + "\"");
    });
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(JsonBounds.MAX_DEPTH) + "]".repeat(JsonBounds.MAX_DEPTH);
    server.enqueue(json(balances(deep)));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, account()::getBalances);

    assertTrue(e.getMessage().contains("nesting deeper than " + JsonBounds.MAX_DEPTH), e.getMessage());
    assertTrue(e.jsonPath().startsWith("$.result.BTC.equity[0][0]"), e.jsonPath());
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedUnread() {
    String filler = "\"x\":\"" + "a".repeat((int) JsonBounds.MAX_BODY_BYTES) + "\",";
    server.enqueue(json("{" + filler + "\"ret_code\":0}"));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, account()::getBalances);

    assertEquals("$", e.jsonPath());
    assertTrue(e.getMessage().contains("larger than BybitKit's limit of " + JsonBounds.MAX_BODY_BYTES),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"ret_code\":0,}", "{'ret_code':0}", "{\"ret_code\":0} x", "{\"ret_code\":01}",
      "{\"ret_code\":0 // c\n}", "{\"ret_code\":NaN}", "{ret_code:0}", "[1;2]", "{\"a\":\"\u0001\"}"})
  void theLenientReaderNeverAcceptsWhatStrictJsonRefuses(String body) {
    server.enqueue(json(body));

    assertThrows(BybitDecodingException.class, account()::getBalances);
  }

  private void assertRefusedAtEquity(String equityJson) {
    server.enqueue(json(balances(equityJson)));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, account()::getBalances);

    assertEquals("$.result.BTC.equity", e.jsonPath(), e.getMessage());
    assertTrue(e.getMessage().length() < 1000, "the message quotes at most a preview");
  }
}
