package io.github.bybitkit;

import static io.github.bybitkit.QuickReadings.GAVE_UP;
import static io.github.bybitkit.QuickReadings.INVALID;
import static io.github.bybitkit.QuickReadings.careful;
import static io.github.bybitkit.QuickReadings.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.RecordedResponses.Body;
import io.github.bybitkit.internal.Envelope;
import io.github.bybitkit.internal.json.ByteJsonReader;
import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.v5.model.BybitV5PositionInfoPage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick reading ({@link ByteJsonReader}, tried first on every body) must give exactly what the Moshi reading
 * gives, or give up: it never decides a body is invalid and never words an error. Held here against every recorded
 * answer, against random mutants of them, and against hand-picked bodies it must give up on.
 *
 * <p>{@code verify} runs 400 mutants per recorded body. A longer run (740,000 mutants, about a minute):
 * {@code ./mvnw -B -pl bom,templates,sdk verify -Dtest='QuickDecodingTest#aMutant*'
 * -Dbybitkit.fuzz.quickMutantsPerBody=10000 -Dbybitkit.fuzz.seed=99 -Dbybitkit.testReport=true}.
 */
class QuickDecodingTest {
  private static final OperationInfo POSITIONS = BybitOperations.GET_POSITION_INFO;

  @Test
  void recordedAnswersAreReadQuicklyToWhatMoshiReads() throws IOException {
    List<String> readQuickly = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Body body : RecordedResponses.all()) {
      for (boolean strict : new boolean[] {false, true}) {
        Object expected = careful(body.op(), strict, body.bytes());
        Object actual = quick(body.op(), strict, body.bytes());
        if (actual == GAVE_UP) {
          left.add(body.name() + (strict ? " (strict)" : ""));
          continue;
        }
        assertNotSame(INVALID, expected, body.name() + ": read quickly, but Moshi refuses it");
        assertEquals(expected, actual, body.name() + (strict ? " (strict)" : ""));
        readQuickly.add(body.name());
      }
    }
    TestReport.printf("QuickDecodingTest: %d recorded readings quick, %d left to Moshi: %s%n", readQuickly.size(),
        left.size(), left);
    assertTrue(readQuickly.size() > 100,
        "only " + readQuickly.size() + " readings were quick; left to Moshi: " + left);
    for (String benchmarked : List.of("getPortfolioMargin/", "getPositions/", "getPositionInfo/",
        "getClosedPnl/", "getWalletFundHistory/")) {
      assertTrue(readQuickly.stream().anyMatch(name -> name.startsWith(benchmarked)),
          benchmarked + " never read quickly");
    }
  }

  @Test
  void aMutantIsReadQuicklyOnlyToWhatMoshiReads() throws IOException {
    int perBody = Integer.getInteger("bybitkit.fuzz.quickMutantsPerBody", 400);
    SplittableRandom random = new SplittableRandom(Long.getLong("bybitkit.fuzz.seed", 12L));
    int quickly = 0;
    int total = 0;
    for (Body body : RecordedResponses.all()) {
      for (int i = 0; i < perBody; i++) {
        byte[] mutant = DecodingFuzzTest.mutate(body.bytes(), random);
        boolean strict = (i & 1) == 1;
        total++;
        Object actual = quick(body.op(), strict, mutant);
        if (actual == GAVE_UP) {
          continue;
        }
        quickly++;
        Object expected = careful(body.op(), strict, mutant);
        String text = new String(mutant, 0, Math.min(mutant.length, 400), StandardCharsets.UTF_8);
        assertNotSame(INVALID, expected, body.name() + ": a mutant Moshi refuses was read quickly: " + text);
        assertEquals(expected, actual, body.name() + ": " + text);
      }
    }
    TestReport.printf("QuickDecodingTest: %d mutants, %d read quickly, each to what Moshi reads%n", total, quickly);
    assertTrue(quickly > total / 20, "only " + quickly + " of " + total + " mutants were read quickly");
  }

  private static String positions(String position) {
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"inverse\",\"list\":[" + position
        + "],\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":1700000000000}";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPlainBodyIsReadQuicklyWithExactDecimals() {
    byte[] body = bytes(positions("{\"symbol\":\"BTCUSD\",\"size\":\"0.0043950000000000005\",\"avgPrice\":\"-0.00\","
        + "\"positionValue\":12.50,\"markPrice\":\"13.858662380000000000\",\"liqPrice\":-12345678901234567890.5,"
        + " \"unknownLater\" : [ {\"a\" : [1, 2.5, true, false, null]} ] }"));

    Object value = quick(POSITIONS, false, body);

    assertNotSame(GAVE_UP, value);
    assertEquals(careful(POSITIONS, false, body), value);
    BybitV5PositionInfoPage page = (BybitV5PositionInfoPage) ((Envelope<?>) value).result();
    assertEquals(new BigDecimal("0.0043950000000000005"), page.list().get(0).size());
    assertEquals(2, page.list().get(0).avgPrice().scale());
    assertEquals(new BigDecimal("12.50"), page.list().get(0).positionValue());
    assertEquals(new BigDecimal("13.858662380000000000"), page.list().get(0).markPrice());
    assertEquals(18, page.list().get(0).markPrice().scale());
    assertEquals(new BigDecimal("-12345678901234567890.5"), page.list().get(0).liqPrice());
    assertSame(GAVE_UP, quick(POSITIONS, true, body), "strict: the unknown field is left to Moshi to name");
  }

  @Test
  void escapesInTextsKeptAsTextAreReadQuickly() {
    byte[] body = bytes(positions("{\"symbol\":\"BTC\\u0055SD \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\","
        + "\"later\":\"x\\u0027y\"}"));

    Object value = quick(POSITIONS, false, body);

    assertNotSame(GAVE_UP, value);
    assertEquals(careful(POSITIONS, false, body), value);
    BybitV5PositionInfoPage page = (BybitV5PositionInfoPage) ((Envelope<?>) value).result();
    assertEquals("BTCUSD \"q\" \\ / \b\f\n\r\t", page.list().get(0).symbol());
  }

  /** Valid JSON the quick reading leaves to Moshi, which reads it; the client still decodes it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"symbol\":\"\\ud83d\\ude00\"}", // escaped surrogates
      "{\"symbol\":\"BTCUSD\",\"note\":\"caf\u00e9\"}", // not ASCII
      "{\"symbol\":\"BTCUSD\",\"size\":1e2}", // an exponent
      "{\"symbol\":\"it's\"}", // an apostrophe
      "{\"symbol\":\"BTCUSD\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
          + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", // deep, within the limit
  })
  void validButUnusualBodiesAreLeftToMoshiWhichReadsThem(String position) {
    byte[] body = bytes(positions(position));

    assertSame(GAVE_UP, quick(POSITIONS, false, body));
    Object expected = careful(POSITIONS, false, body);
    assertNotSame(INVALID, expected);
    assertEquals(((Envelope<?>) expected).result(), BybitJson.decoder(POSITIONS, false).result(body));
  }

  @Test
  void aResultBeforeItsCodeIsLeftToMoshi() {
    byte[] body = bytes("{\"result\":{\"category\":\"inverse\",\"list\":[]},\"retCode\":0,\"retMsg\":\"OK\"}");

    assertSame(GAVE_UP, quick(POSITIONS, false, body));
    Object expected = ((Envelope<?>) careful(POSITIONS, false, body)).result();
    assertEquals(expected, BybitJson.decoder(POSITIONS, false).result(body));
  }

  /** Invalid bodies: the quick reading gives up, and the client's error is Moshi's. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"symbol\":\"it\\'s\"}", "{\"symbol\":\"BTCUSD\",}", "{,\"symbol\":\"BTCUSD\"}",
      "{\"symbol\":\"BTCUSD\" \"size\":\"1\"}",
      "{\"symbol\" \"BTCUSD\"}", "{\"symbol\":\"BTCUSD\",\"size\":01}", "{\"symbol\":\"BTCUSD\",\"size\":-}",
      "{\"symbol\":\"BTCUSD\",\"size\":1.}", "{\"symbol\":\"BTCUSD\",\"x\":[1,]}", "{\"symbol\":\"BTCUSD\",\"x\":[,1]}",
      "{\"symbol\":\"BTCUSD\",\"x\":tru}", "{\"symbol\":\"BTCUSD\",\"x\":nulls}", "{\"symbol\":\"BTC\nUSD\"}",
      "{\"symbol\":\"BTCUSD\",\"size\":\"1.2.3\"}", "{\"symbol\":\"BTCUSD\",\"size\":true}",
      "{\"symbol\":\"BTCUSD\",\"tradeMode\":\"x\"}", "{\"symbol\":\"BTCUSD\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
          + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
          + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", // too deep
  })
  void invalidBodiesAreLeftToMoshiWhichWordsTheError(String position) {
    byte[] body = bytes(positions(position));

    assertSame(GAVE_UP, quick(POSITIONS, false, body));
    assertSame(INVALID, careful(POSITIONS, false, body));
    assertThrows(BybitDecodingException.class, () -> BybitJson.decoder(POSITIONS, false).result(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "[]", "null", "{\"retCode\":0}x", "{\"retCode\":0} {}", "{\"retMsg\":\"OK\"}"})
  void bodiesThatAreNotOneEnvelopeAreLeftToMoshi(String text) {
    assertSame(GAVE_UP, quick(POSITIONS, false, bytes(text)));
    assertThrows(BybitDecodingException.class, () -> BybitJson.decoder(POSITIONS, false).result(bytes(text)));
  }
}
