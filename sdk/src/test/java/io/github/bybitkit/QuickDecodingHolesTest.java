package io.github.bybitkit;

import static io.github.bybitkit.QuickReadings.GAVE_UP;
import static io.github.bybitkit.QuickReadings.INVALID;
import static io.github.bybitkit.QuickReadings.careful;
import static io.github.bybitkit.QuickReadings.quick;
import static io.github.bybitkit.QuickReadings.singlePass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.RecordedResponses.Body;
import io.github.bybitkit.internal.json.ByteJsonReader;
import io.github.bybitkit.internal.json.JsonValues;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tries to catch the quick reading ({@link ByteJsonReader}) returning what the Moshi readings do not: bodies at the
 * edges of each reader (numbers Moshi hands over as text, -0, epoch bounds, raw JSON, duplicates, escaped names), and
 * every recorded answer with its values swapped for such tokens, its names escaped or repeated, and odd whitespace.
 */
class QuickDecodingHolesTest {

  /** The spans [start, end) of the scalar values and of the names in a recorded (valid) JSON text. */
  private static void spans(String t, List<int[]> values, List<int[]> names) {
    int i = 0;
    boolean expectName = false;
    List<Character> stack = new ArrayList<>();
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '{') {
        stack.add('{');
        expectName = true;
        i++;
      } else if (c == '[') {
        stack.add('[');
        i++;
      } else if (c == '}' || c == ']') {
        stack.remove(stack.size() - 1);
        i++;
      } else if (c == ',') {
        expectName = !stack.isEmpty() && stack.get(stack.size() - 1) == '{';
        i++;
      } else if (c == ':') {
        expectName = false;
        i++;
      } else if (c == '"') {
        int s = i++;
        while (t.charAt(i) != '"') {
          i += t.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        (expectName ? names : values).add(new int[] {s, i});
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        int s = i;
        while (i < t.length() && ",}] \n\r\t".indexOf(t.charAt(i)) < 0) {
          i++;
        }
        values.add(new int[] {s, i});
      }
    }
  }

  private static final String[] TOKENS = {
      "0", "-0", "-0.0", "0.0", "1", "-1", "01", "1.0", "1.50", "2147483647", "2147483648", "-2147483648",
      "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551616", "184467440737095516160", "184467440737095516160.5", "1e2", "1E2", "1e-2", "0.5e1",
      "0.000000000000000000001", "123456789012345678", "1234567890123456789", "31556889864403199",
      "31556889864403200", "-31557014167219200", "-31557014167219201", "999999999999999999", "-999999999999999999",
      "1.000000000000000000", "-", "1.", ".5", "+1", "- 1", "1 2", "00", "-01", "1.2.3", "0x1",
      "\"\"", "\"-\"", "\"-0\"", "\"0\"", "\"1\"", "\"01\"", "\"007\"", "\"1.0\"", "\"-0.00\"", "\"000.10\"", "\" 1\"",
      "\"1 \"", "\"+1\"", "\".5\"", "\"5.\"", "\"1e2\"", "\"true\"", "\"null\"", "\"2147483648\"",
      "\"-9223372036854775808\"", "\"9223372036854775807\"", "\"-999999999999999999\"", "\"31556889864403199\"",
      "\"-31557014167219200\"", "\"0.0043950000000000005\"", "\"12345678901234567890\"",
      "\"2020-11-02T00:00:11.943371457Z\"", "\"2020-11-02T00:00:11Z\"", "\"2020-11-02T00:00:11.Z\"",
      "\"2020-02-30T00:00:00Z\"", "\"2020-11-02T00:00:11+18:00\"", "\"2020-11-02T00:00:11-18:01\"",
      "\"2020-11-02T24:00:00Z\"", "\"2020-11-02t00:00:11z\"", "\"2020-11-02T00:00:11.1234567891Z\"",
      "\"2020-11-02T00:00:60Z\"", "\"0000-01-01T00:00:00Z\"", "\"2020-11-02T00:00Z\"", "\"2020-11-02T00:00:11+0100\"",
      "\"2020-11-02 10:00:00\"", "\"2021-02-29 00:00:00\"", "\"2020-02-29 23:59:59\"", "\"2020-02-29 24:00:00\"",
      "\"2020-02-29\"", "\"+2020-02-29\"", "\"2020-2-29\"", "\"20200229\"", "\"a\\u0000b\"", "\"\\u0041\"",
      "\"\\ud800\"", "\"\\/\"", "\"a\\'b\"", "\"x'y\"", "\"\\u00e9\"", "\"\\u0027\"", "\"\\uD83D\\uDE00\"", "\"\\u00\"",
      "\"\\x41\"", "\"a\\\nb\"", "\"\\\"\"", "\"\t\"", "\"\u007f\"", "\"caf\u00e9\"", "\"Buy\"", "\"None\"",
      "true", "false", "null", "tru", "nul", "truex", "True", "NULL", "[]", "{}", "[1,\"a\"]", "{\"a\":1}",
      "{\"a\":1,\"a\":2}", "{\"a\":null}", "{\"\":1}", "[ ]", "{ }", "[null]", "[1,]", "{\"a\":1,}", "[[]]",
      "{\"a\":{\"b\":[true,false,null,-0,1.5,\"x\\\"}\"]}}", "{\"a\" :1 , \"b\": [ ] }", "[\"\\u0041\"]",
      "{\"a\":1,\"\\u0061\":2}", "{\"\\u0061\":1}", "[{}]", "{\"k\":[]}", "[1e5]", "[-0]", "'a'", "a", "\"",
      "{\"isValid\":true}", "{\"is_valid\":false,\"data\":null}", "{\"is_valid\":1,\"data\":{}}",
      "[{\"is_valid\":true,\"data\":null},null]", "[{\"data\":{\"symbol\":\"X\"}}]", "[{\"is_valid\":\"true\"}]",
  };

  private static final String[] SPACES = {"", " ", "\n", "\r\n\t ", "\f", "\u000b", "\u00a0", "\u0000"};

  /**
   * Each recorded answer with one to three edits: a value swapped for a token above, a name escaped or repeated
   * with another value before it, or whitespace (JSON's or not) put anywhere. Whatever the quick reading reads must be
   * what the careful reading reads, and what the single pass reads when it reads it.
   */
  @Test
  void tokenSubstitutionsAreReadQuicklyOnlyToWhatMoshiReads() throws IOException {
    SplittableRandom random = new SplittableRandom(Long.getLong("bybitkit.fuzz.seed", 7L));
    int perBody = Integer.getInteger("bybitkit.fuzz.holesPerBody", 200);
    int quickly = 0;
    int total = 0;
    List<String> failures = new ArrayList<>();
    for (Body body : RecordedResponses.all()) {
      List<int[]> values = new ArrayList<>();
      List<int[]> names = new ArrayList<>();
      spans(body.text(), values, names);
      for (int n = 0; n < perBody; n++) {
        String text = body.text();
        int edits = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder(text);
        // Edit from the end so earlier spans stay valid.
        List<int[]> chosen = new ArrayList<>();
        for (int e = 0; e < edits; e++) {
          int kind = random.nextInt(10);
          if (kind < 7 && !values.isEmpty()) {
            int[] s = values.get(random.nextInt(values.size()));
            chosen.add(new int[] {s[0], s[1], 0});
          } else if (kind < 9 && !names.isEmpty()) {
            int[] s = names.get(random.nextInt(names.size()));
            chosen.add(new int[] {s[0], s[1], kind == 7 ? 1 : 2});
          } else {
            int at = random.nextInt(text.length() + 1);
            chosen.add(new int[] {at, at, 3});
          }
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        int lastStart = Integer.MAX_VALUE;
        for (int[] c : chosen) {
          if (c[1] > lastStart) {
            continue;
          }
          lastStart = c[0];
          String replacement;
          switch (c[2]) {
            case 0 -> replacement = TOKENS[random.nextInt(TOKENS.length)];
            case 1 -> { // the same name with one character escaped
              String name = text.substring(c[0] + 1, c[1] - 1);
              if (name.isEmpty() || name.contains("\\")) {
                replacement = text.substring(c[0], c[1]);
              } else {
                int k = random.nextInt(name.length());
                replacement = "\"" + name.substring(0, k) + String.format("\\u%04x", (int) name.charAt(k))
                    + name.substring(k + 1) + "\"";
              }
            }
            case 2 -> { // a duplicate: name again with a value, before this one
              String name = text.substring(c[0], c[1]);
              replacement = name + ":" + TOKENS[random.nextInt(TOKENS.length)] + "," + name;
            }
            default -> replacement = SPACES[random.nextInt(SPACES.length)];
          }
          out.replace(c[0], c[1], replacement);
        }
        byte[] mutant = out.toString().getBytes(StandardCharsets.UTF_8);
        boolean strict = random.nextBoolean();
        total++;
        Object actual = quick(body.op(), strict, mutant);
        if (actual == GAVE_UP) {
          continue;
        }
        quickly++;
        Object expected = careful(body.op(), strict, mutant);
        String shown = body.name() + (strict ? " (strict)" : "") + ": " + out;
        if (expected == INVALID) {
          failures.add("Moshi refuses, quick reads: " + shown);
        } else if (!expected.equals(actual)) {
          failures.add("differs: " + shown + "\n  moshi=" + expected + "\n  quick=" + actual);
        } else {
          Object single = singlePass(body.op(), strict, mutant);
          if (single != INVALID && !single.equals(actual)) {
            failures.add("single pass differs: " + shown + "\n  single=" + single + "\n  quick=" + actual);
          }
        }
      }
    }
    TestReport.printf("QuickDecodingHolesTest: %d substitutions, %d read quickly, %d failures%n", total, quickly,
        failures.size());
    assertEquals(List.of(), failures.stream().limit(20).toList());
    assertTrue(quickly > total / 20, "only " + quickly + " of " + total + " were read quickly");
  }

  private static final OperationInfo FUNDING = BybitOperations.GET_LAST_USER_FUNDING_FEE;
  private static final OperationInfo POSITIONS = BybitOperations.GET_POSITION_INFO;
  private static final OperationInfo API_KEY = BybitOperations.V5_GET_API_KEY_INFO;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A v2 funding fee answer with {@code symbol}, {@code exec_timestamp}, {@code ext_code} and {@code ext_info}. */
  private static String funding(String symbol, String execTimestamp, String extCode, String extInfo) {
    return "{\"ret_code\":0,\"ret_msg\":\"ok\",\"ext_code\":" + extCode + ",\"result\":{\"symbol\":" + symbol
        + ",\"side\":\"Buy\",\"size\":1,\"funding_rate\":\"0.0001\",\"exec_fee\":0.00000002,\"exec_timestamp\":"
        + execTimestamp + "},\"ext_info\":" + extInfo + ",\"time_now\":\"1577446900.717204\","
        + "\"rate_limit_status\":119,\"rate_limit_reset_ms\":1577446900724,\"rate_limit\":120}";
  }

  private static String positions(String position, String retExtInfo) {
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"inverse\",\"list\":[" + position
        + "],\"nextPageCursor\":\"\"},\"retExtInfo\":" + retExtInfo + ",\"time\":1700000000000}";
  }

  private static String apiKey(String permissions, String isMaster) {
    return "{\"retCode\":0,\"retMsg\":\"\",\"result\":{\"id\":\"2208369\",\"permissions\":" + permissions
        + ",\"isMaster\":" + isMaster + ",\"createdAt\":\"2022-10-16T02:24:40Z\"},\"retExtInfo\":{},\"time\":1}";
  }

  private static void assertReadAlike(OperationInfo op, String body) {
    for (boolean strict : new boolean[] {false, true}) {
      Object actual = quick(op, strict, bytes(body));
      Object expected = careful(op, strict, bytes(body));
      assertNotSame(GAVE_UP, actual, "not read quickly: " + body);
      assertNotSame(INVALID, expected, "Moshi refuses: " + body);
      assertEquals(expected, actual, body);
      Object single = singlePass(op, strict, bytes(body));
      if (single != INVALID) {
        assertEquals(single, actual, "the single pass: " + body);
      }
    }
  }

  private static void assertLeftToMoshi(OperationInfo op, String body, boolean moshiReadsIt) {
    for (boolean strict : new boolean[] {false, true}) {
      assertSame(GAVE_UP, quick(op, strict, bytes(body)), body);
      assertEquals(moshiReadsIt, careful(op, strict, bytes(body)) != INVALID, body);
    }
  }

  /** Number tokens in text fields: Moshi hands some over as their text, some (past a long) as an unquoted string. */
  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "-0.0", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
      "-9223372036854775809", "18446744073709551616", "184467440737095516160", "-184467440737095516160",
      "184467440737095516160.5", "12345678901234567890123456789012345678.5"})
  void aNumberInATextFieldIsReadAsItsLiteralText(String number) {
    String body = funding(number, "1575907200", number, number);
    assertReadAlike(FUNDING, body);
    assertReadAlike(POSITIONS, positions("{\"symbol\":" + number + ",\"positionIdx\":" + number + "}", "{}"));
  }

  /** The v2 fields kept as text take any JSON type: numbers and booleans as text, containers as their raw JSON. */
  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "null", "true", "false", "0.50", "[]", "[ 1 , \"a\" ]",
      "{ \"a\" : [ ] , \"b\" : \"\\\"}]\\\\\" }", "{\"x\":\"\\u0041\\/\\n\"}", "[{}, [[]], null, -0, 1.5]"})
  void v2TextFieldsAreReadAlike(String value) {
    assertReadAlike(FUNDING, funding("\"BTCUSD\"", "1575907200", value, value));
    assertReadAlike(POSITIONS, positions("{\"symbol\":\"BTCUSD\"}", value.startsWith("{") || value.startsWith("[")
        ? value + " \n " : value));
  }

  @Test
  void rawJsonIsKeptExactlyWithItsInnerWhitespace() {
    String raw = "{ \"list\" :\n[ {\"code\":\"x\\\"}]\"} ,\t[ ] ] }";
    assertReadAlike(POSITIONS, positions("{}", raw + "  "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31556889864403199", "-31557014167219200", "0", "-0", "\"-0\"", "\"007\"", "\"\"", "null",
      "\"-31557014167219200\""})
  void epochSecondsInRangeAreReadAlike(String seconds) {
    assertReadAlike(FUNDING, funding("\"BTCUSD\"", seconds, "\"\"", "null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31556889864403200", "-31557014167219201", "\"31556889864403200\"", "\"1.5.\"",
      "\"-\"", "true", "\" 1\"", "1234567890123456789"})
  void epochSecondsOutOfRangeOrMalformedAreLeftToMoshiWhichRefusesThem(String seconds) {
    assertLeftToMoshi(FUNDING, funding("\"BTCUSD\"", seconds, "\"\"", "null"), false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1575907200.5", "\"1575907200.0\"", "1.5e9", "1e2", "\"-1.000000001\""})
  void epochSecondsWithAFractionAreLeftToMoshiWhichReadsThem(String seconds) {
    assertLeftToMoshi(FUNDING, funding("\"BTCUSD\"", seconds, "\"\"", "null"), true);
  }

  @Test
  void aRepeatedFieldIsReadAlikeTheLastOneWinning() {
    assertReadAlike(POSITIONS, positions("{\"size\":\"1\",\"symbol\":null,\"size\":\"2.50\",\"symbol\":\"X\"}", "{}"));
    assertReadAlike(POSITIONS, "{\"retCode\":0,\"retMsg\":\"a\",\"retMsg\":null,\"retExtInfo\":[],\"retExtInfo\":{},"
        + "\"result\":null,\"result\":{\"list\":[]},\"time\":1,\"time\":\"2\"}");
  }

  @Test
  void aCodeThatChangesAfterTheResultIsReadAlike() {
    // The result is skipped under the first code; the envelope keeps the last code, with no result.
    assertReadAlike(POSITIONS, "{\"retCode\":10001,\"retMsg\":\"x\",\"result\":{\"list\":\"not a list\"},"
        + "\"retCode\":0,\"retMsg\":\"OK\"}");
    assertReadAlike(POSITIONS, "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[]},\"retCode\":\"10001\"}");
    assertLeftToMoshi(POSITIONS, "{\"retCode\":0,\"result\":{\"list\":[]},\"retCode\":null}", false);
    assertLeftToMoshi(POSITIONS, "{\"retCode\":null,\"result\":{\"list\":[]},\"retCode\":0}", true);
  }

  /** Between the single pass's skipping depth (16) and the quick reading's (32): read quickly, as carefully. */
  @Test
  void aSkippedValueNestedTwentyDeepIsReadAlike() {
    String deep = "[".repeat(10) + "{\"a\":".repeat(10) + "[1,\"x\",null]" + "}".repeat(10) + "]".repeat(10);
    String body = positions("{\"symbol\":\"BTCUSD\",\"later\":" + deep + "}", deep);
    Object actual = quick(POSITIONS, false, bytes(body));
    assertNotSame(GAVE_UP, actual);
    assertEquals(careful(POSITIONS, false, bytes(body)), actual);
    assertSame(INVALID, singlePass(POSITIONS, false, bytes(body)), "the single pass leaves it to the careful one");
  }

  @Test
  void anEscapedNameIsLeftToMoshiWhichMatchesIt() {
    assertLeftToMoshi(POSITIONS, positions("{\"s\\u0079mbol\":\"X\"}", "{}"), true);
    assertLeftToMoshi(POSITIONS, "{\"ret\\u0043ode\":0,\"result\":null}", true);
  }

  @Test
  void mapsAndFlagsAreReadAlikeOrLeftToMoshi() {
    assertReadAlike(API_KEY, apiKey("{\"a\":[],\"b\":null,\"\\u0063\":[\"x\\u0027y\"],\"\":[\"\"]}", "1"));
    assertReadAlike(API_KEY, apiKey("{ }", "0"));
    assertReadAlike(API_KEY, apiKey("null", "false"));
    assertLeftToMoshi(API_KEY, apiKey("{\"Spot\":[],\"Sp\\u006ft\":[]}", "true"), false); // a repeated key
    assertLeftToMoshi(API_KEY, apiKey("{\"Spot\":[]}", "1.0"), false);
    assertLeftToMoshi(API_KEY, apiKey("{\"Spot\":[]}", "-0"), false);
    assertLeftToMoshi(API_KEY, apiKey("{\"Spot\":[]}", "\"1\""), false);
    assertLeftToMoshi(API_KEY, apiKey("[]", "1"), false);
  }

  /** Every u-escape outside the surrogates, and each short escape, decodes as Moshi decodes it. */
  @Test
  void everyEscapeDecodesAsMoshiDecodesIt() throws IOException {
    for (int block = 0; block < 0x10000; block += 0x100) {
      StringBuilder json = new StringBuilder("\"");
      for (int unit = block; unit < block + 0x100; unit++) {
        if (!Character.isSurrogate((char) unit)) {
          json.append(String.format(unit % 2 == 0 ? "\\u%04x" : "\\u%04X", unit));
        }
      }
      json.append("\\\"\\\\\\/\\b\\f\\n\\r\\t\"");
      byte[] body = bytes(json.toString());
      ByteJsonReader quick = new ByteJsonReader(Arrays.copyOf(body, body.length + 1), body.length);
      JsonReader moshi = JsonReader.of(new Buffer().write(body));
      moshi.setLenient(true);
      assertEquals(JsonValues.readString(moshi), quick.readString(), json.toString());
    }
  }

  /**
   * A number read as text is its literal text in both readings: Moshi gives a long's {@code Long.toString}, which is
   * the literal for every JSON integer that fits (not -0, which it keeps as written), and hands a multiple of 2^64
   * followed by more digits over as an unquoted string, since its value wraps to zero.
   */
  @Test
  void everyNumberReadAsTextIsItsLiteral() throws IOException {
    SplittableRandom random = new SplittableRandom(64);
    List<String> numbers = new ArrayList<>();
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    for (int k = 1; k < 1_000_000_000; k *= 7) {
      String wrapped = twoTo64.multiply(BigInteger.valueOf(k)).toString();
      numbers.addAll(List.of(wrapped, wrapped + "0", wrapped + "7", "-" + wrapped + "0", wrapped + "0.5"));
    }
    for (int i = 0; i < 20_000; i++) {
      StringBuilder n = new StringBuilder(random.nextBoolean() ? "-" : "");
      int digits = 1 + random.nextInt(40);
      n.append((char) ('0' + (digits == 1 ? random.nextInt(10) : 1 + random.nextInt(9))));
      for (int d = 1; d < digits; d++) {
        n.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(4) == 0) {
        n.append('.').append(random.nextInt(1000));
      }
      numbers.add(n.toString());
    }
    int read = 0;
    for (String number : numbers) {
      byte[] body = bytes("[" + number + "]");
      ByteJsonReader quick = new ByteJsonReader(Arrays.copyOf(body, body.length + 1), body.length);
      String text;
      try {
        text = quick.readList(ByteJsonReader::readString).get(0);
      } catch (ByteJsonReader.GiveUp e) {
        continue;
      }
      read++;
      JsonReader moshi = JsonReader.of(new Buffer().write(body));
      moshi.setLenient(true);
      assertEquals(JsonValues.readList(moshi,
          JsonValues::readString), List.of(text), number);
      assertEquals(number, text);
    }
    assertTrue(read > 15_000, "read " + read);
  }
}
