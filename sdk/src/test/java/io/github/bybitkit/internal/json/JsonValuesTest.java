package io.github.bybitkit.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonValuesTest {

  private static JsonReader reader(String json) {
    return JsonReader.of(new Buffer().writeUtf8(json));
  }

  /** Reads {@code {"f": <valueJson>}} and checks the reader consumed exactly the value. */
  private static <T> T readField(String valueJson, JsonValues.Reader<T> read) throws IOException {
    JsonReader r = reader("{\"f\":" + valueJson + "}");
    r.beginObject();
    assertEquals("f", r.nextName());
    T value = read.read(r);
    r.endObject();
    assertEquals(JsonReader.Token.END_DOCUMENT, r.peek());
    return value;
  }

  private static JsonDataException readFails(String valueJson, JsonValues.Reader<?> read) {
    return assertThrows(JsonDataException.class, () -> readField(valueJson, read));
  }

  private static <T> String write(JsonValues.Writer<T> write, T value) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      write.write(w, value);
    }
    return buffer.readUtf8();
  }

  private static void assertMessageHas(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should contain '" + part + "'");
    }
  }

  static Stream<Arguments> allReaders() {
    return Stream.<Map.Entry<String, JsonValues.Reader<?>>>of(
            Map.entry("readDecimal", JsonValues::readDecimal),
            Map.entry("readString", JsonValues::readString),
            Map.entry("readInt", JsonValues::readInt),
            Map.entry("readLong", JsonValues::readLong),
            Map.entry("readBoolean", JsonValues::readBoolean),
            Map.entry("readRaw", JsonValues::readRaw),
            Map.entry("readRfc3339", JsonValues::readRfc3339),
            Map.entry("readEpochSeconds", JsonValues::readEpochSeconds),
            Map.entry("readEpochMillis", JsonValues::readEpochMillis),
            Map.entry("readLocalDateTime", JsonValues::readLocalDateTime),
            Map.entry("readLocalDate", JsonValues::readLocalDate),
            Map.entry("readList", r -> JsonValues.readList(r, JsonValues::readString)),
            Map.entry("readMap", r -> JsonValues.readMap(r, JsonValues::readString)))
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allReaders")
  void everyReaderConsumesJsonNullAndReturnsNull(String name, JsonValues.Reader<?> read) throws IOException {
    assertNull(readField("null", read));
  }

  @Test
  void everyWriterWritesNullAsJsonNull() throws IOException {
    assertEquals("null", write(JsonValues::writeDecimalNumber, null));
    assertEquals("null", write(JsonValues::writeDecimalString, null));
    assertEquals("null", write(JsonValues::writeRawNumber, null));
    assertEquals("null", write(JsonValues::writeRfc3339, null));
    assertEquals("null", write(JsonValues::writeEpochSeconds, null));
    assertEquals("null", write(JsonValues::writeEpochMillis, null));
    assertEquals("null", write(JsonValues::writeLocalDateTime, null));
    assertEquals("null", write(JsonValues::writeLocalDate, null));
    JsonValues.Writer<List<BigDecimal>> listWriter =
        (w, v) -> JsonValues.writeList(w, v, JsonValues::writeDecimalNumber);
    assertEquals("null", write(listWriter, null));
    JsonValues.Writer<Map<String, BigDecimal>> mapWriter =
        (w, v) -> JsonValues.writeMap(w, v, JsonValues::writeDecimalNumber);
    assertEquals("null", write(mapWriter, null));
  }

  @Nested
  class Decimals {
    @Test
    void keepsScaleOfStringAndNumber() throws IOException {
      BigDecimal fromString = readField("\"1.10\"", JsonValues::readDecimal);
      BigDecimal fromNumber = readField("1.10", JsonValues::readDecimal);
      assertEquals(2, fromString.scale());
      assertEquals(2, fromNumber.scale());
      assertEquals("1.10", fromString.toString());
      assertEquals("1.10", fromNumber.toString());
    }

    @Test
    void readsExponentFormExactlyAndWritesItPlain() throws IOException {
      BigDecimal number = readField("9.996e-05", JsonValues::readDecimal);
      BigDecimal string = readField("\"9.996e-05\"", JsonValues::readDecimal);
      assertEquals(0, number.compareTo(new BigDecimal("0.00009996")));
      assertEquals(0, string.compareTo(new BigDecimal("0.00009996")));
      assertEquals("0.00009996", write(JsonValues::writeDecimalNumber, number));
    }

    @Test
    void keepsDigitsADoubleWouldLose() throws IOException {
      assertEquals(new BigDecimal("0.07062500000000001"), readField("0.07062500000000001", JsonValues::readDecimal));
      assertEquals(new BigDecimal("12345678901234567890.5"),
          readField("12345678901234567890.5", JsonValues::readDecimal));
      assertEquals(new BigDecimal("12345678901234567890.5"),
          readField("\"12345678901234567890.5\"", JsonValues::readDecimal));
    }

    @Test
    void negativeZeroIsZero() throws IOException {
      BigDecimal value = readField("-0", JsonValues::readDecimal);
      assertEquals(0, value.signum());
      assertEquals("0", write(JsonValues::writeDecimalNumber, value));
    }

    @Test
    void writesPlainNotationNeverExponent() throws IOException {
      assertEquals("100", write(JsonValues::writeDecimalNumber, new BigDecimal("1E+2")));
      assertEquals("0.00000001", write(JsonValues::writeDecimalNumber, new BigDecimal("1E-8")));
      assertEquals("1.10", write(JsonValues::writeDecimalNumber, new BigDecimal("1.10")));
    }

    @Test
    void writesStringInPlainNotation() throws IOException {
      assertEquals("\"100\"", write(JsonValues::writeDecimalString, new BigDecimal("1E+2")));
      assertEquals("\"0.00009996\"", write(JsonValues::writeDecimalString, new BigDecimal("9.996E-5")));
    }

    @Test
    void emptyStringIsNull() throws IOException {
      assertNull(readField("\"\"", JsonValues::readDecimal));
    }

    @Test
    void rejectsNonNumericTextNamingPathAndText() {
      assertMessageHas(readFails("\"abc\"", JsonValues::readDecimal), "$.f", "'abc'");
      assertMessageHas(readFails("true", JsonValues::readDecimal), "$.f", "BOOLEAN");
      assertMessageHas(readFails("{}", JsonValues::readDecimal), "$.f", "BEGIN_OBJECT");
    }

    @Test
    void pathPointsAtTheBadArrayElement() {
      JsonDataException e = assertThrows(JsonDataException.class,
          () -> JsonValues.readList(reader("[1, \"x\"]"), JsonValues::readDecimal));
      assertMessageHas(e, "$[1]", "'x'");
      // The path is only built on failure, after the value was consumed: the first element stays [0].
      JsonDataException first = assertThrows(JsonDataException.class,
          () -> JsonValues.readList(reader("[\"2024-13-01\"]"), JsonValues::readLocalDate));
      assertMessageHas(first, "$[0]", "'2024-13-01'");
      JsonDataException nested = assertThrows(JsonDataException.class,
          () -> JsonValues.readList(reader("[[1], [2, 1e99999999999]]"),
              inner -> JsonValues.readList(inner, JsonValues::readLong)));
      assertMessageHas(nested, "$[1][1]");
    }

    @Test
    void rejectsExponentsTooLargeToWritePlain() {
      assertMessageHas(readFails("1e999999999", JsonValues::readDecimal), "$.f");
    }

    /** The short-cut for plain decimals gives exactly what BigDecimal's parser gives, or leaves the text to it. */
    @Test
    void plainDecimalShortCutMatchesTheParserValueAndScale() {
      List<String> plain = List.of("0", "-0", "0.0", "-0.00", "7", "007", "00.10", "-1004.74710000", "52197.86892104",
          "999999999999999999", "-99999999999999999", "0.0000000000000001", "123456789.12345678");
      for (String text : plain) {
        BigDecimal fast = JsonValues.plainDecimal(text);
        BigDecimal parsed = new BigDecimal(text);
        assertEquals(parsed, fast, text); // equals compares the scale too
        assertEquals(parsed.toString(), fast.toString(), text);
      }
      List<String> others = List.of("", "-", "1.", ".5", "-.5", "+1", "1e2", "1E+2", "1.5e-3", "1..2", "1.2.3", " 1",
          "1 ", "0x10", "1,5", "\u0661", "9999999999999999999", "-9999999999999999999", "1234567890.123456789");
      for (String text : others) {
        assertNull(JsonValues.plainDecimal(text), text);
      }
      java.util.Random random = new java.util.Random(12);
      for (int n = 0; n < 10_000; n++) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        int digits = 1 + random.nextInt(17);
        int point = random.nextInt(digits + 1);
        for (int d = 0; d < digits; d++) {
          if (d == point && d > 0) {
            text.append('.');
          }
          text.append((char) ('0' + random.nextInt(10)));
        }
        BigDecimal fast = JsonValues.plainDecimal(text.toString());
        if (text.length() <= 18) {
          assertEquals(new BigDecimal(text.toString()), fast, text::toString);
        }
      }
    }
  }

  @Nested
  class Scalars {
    @Test
    void readStringTakesStringsAndNumberText() throws IOException {
      assertEquals("BTCUSD", readField("\"BTCUSD\"", JsonValues::readString));
      assertEquals("12.50", readField("12.50", JsonValues::readString));
      assertEquals("", readField("\"\"", JsonValues::readString));
      assertMessageHas(readFails("true", JsonValues::readString), "$.f", "BOOLEAN");
    }

    @Test
    void readIntTakesNumbersAndNumericStringsThatFit() throws IOException {
      assertEquals(42, readField("42", JsonValues::readInt));
      assertEquals(42, readField("\"42\"", JsonValues::readInt));
      assertEquals(Integer.MAX_VALUE, readField("2147483647", JsonValues::readInt));
      assertEquals(Integer.MIN_VALUE, readField("-2147483648", JsonValues::readInt));
    }

    @Test
    void readIntRejectsOverflowFractionsAndText() {
      assertMessageHas(readFails("2147483648", JsonValues::readInt), "$.f", "2147483648");
      assertMessageHas(readFails("\"2147483648\"", JsonValues::readInt), "$.f");
      assertMessageHas(readFails("1.5", JsonValues::readInt), "$.f", "1.5");
      assertMessageHas(readFails("\"\"", JsonValues::readInt), "$.f");
      assertMessageHas(readFails("\"x\"", JsonValues::readInt), "$.f");
      assertMessageHas(readFails("false", JsonValues::readInt), "$.f", "BOOLEAN");
    }

    @Test
    void readLongTakesFullRangeAndRejectsOverflow() throws IOException {
      assertEquals(Long.MAX_VALUE, readField("9223372036854775807", JsonValues::readLong));
      assertEquals(1542434791000L, readField("\"1542434791000\"", JsonValues::readLong));
      assertMessageHas(readFails("9223372036854775808", JsonValues::readLong), "$.f", "9223372036854775808");
      assertMessageHas(readFails("1.25", JsonValues::readLong), "$.f");
    }

    @Test
    void readBooleanTakesBooleansAndZeroOne() throws IOException {
      assertEquals(Boolean.TRUE, readField("true", JsonValues::readBoolean));
      assertEquals(Boolean.FALSE, readField("false", JsonValues::readBoolean));
      assertEquals(Boolean.TRUE, readField("1", JsonValues::readBoolean));
      assertEquals(Boolean.FALSE, readField("0", JsonValues::readBoolean));
    }

    @Test
    void readBooleanRejectsOtherValues() {
      assertMessageHas(readFails("2", JsonValues::readBoolean), "$.f", "'2'");
      assertMessageHas(readFails("\"true\"", JsonValues::readBoolean), "$.f", "STRING");
      assertMessageHas(readFails("[]", JsonValues::readBoolean), "$.f", "BEGIN_ARRAY");
    }

    @Test
    void readRawReturnsTokenText() throws IOException {
      assertEquals("Pending", readField("\"Pending\"", JsonValues::readRaw));
      assertEquals("0", readField("0", JsonValues::readRaw));
      assertMessageHas(readFails("{}", JsonValues::readRaw), "$.f", "BEGIN_OBJECT");
    }

    @Test
    void writeRawNumberWritesTextUnchanged() throws IOException {
      assertEquals("0", write(JsonValues::writeRawNumber, "0"));
      assertEquals("0.00009996", write(JsonValues::writeRawNumber, "0.00009996"));
      assertEquals("9.996e-05", write(JsonValues::writeRawNumber, "9.996e-05"));
      assertEquals("{\"position_idx\":2}", write((w, v) -> {
        w.beginObject().name("position_idx");
        JsonValues.writeRawNumber(w, v);
        w.endObject();
      }, "2"));
    }

    @Test
    void writeRawNumberRejectsNonNumbers() {
      for (String bad : List.of("abc", "", "+1", ".5", "1.", "Pending", "NaN")) {
        assertThrows(IllegalArgumentException.class, () -> write(JsonValues::writeRawNumber, bad), bad);
      }
    }
  }

  @Nested
  class Times {
    @ParameterizedTest
    @MethodSource("io.github.bybitkit.internal.json.JsonValuesTest#rfc3339Samples")
    void readsRfc3339WithAnyFractionAndOffset(String text, Instant expected) throws IOException {
      assertEquals(expected, readField("\"" + text + "\"", JsonValues::readRfc3339));
    }

    @Test
    void rfc3339EmptyIsNullAndGarbageFails() throws IOException {
      assertNull(readField("\"\"", JsonValues::readRfc3339));
      assertMessageHas(readFails("\"2019-10-19 17:04:55\"", JsonValues::readRfc3339), "$.f", "2019-10-19 17:04:55");
      assertMessageHas(readFails("\"2019-10-19T17:04:55\"", JsonValues::readRfc3339), "$.f");
    }

    @Test
    void writesRfc3339InUtc() throws IOException {
      assertEquals("\"2019-10-19T17:04:55Z\"",
          write(JsonValues::writeRfc3339, Instant.parse("2019-10-19T17:04:55Z")));
      assertEquals("\"2020-11-02T00:00:11.943371457Z\"",
          write(JsonValues::writeRfc3339, Instant.parse("2020-11-02T00:00:11.943371457Z")));
    }

    @Test
    void readsEpochSecondsAsNumberOrString() throws IOException {
      Instant expected = Instant.ofEpochSecond(1577480720);
      assertEquals(expected, readField("1577480720", JsonValues::readEpochSeconds));
      assertEquals(expected, readField("\"1577480720\"", JsonValues::readEpochSeconds));
      assertEquals(Instant.ofEpochSecond(1577480720, 3_444_000),
          readField("1577480720.003444", JsonValues::readEpochSeconds));
      assertEquals(Instant.ofEpochSecond(-2, 500_000_000), readField("-1.5", JsonValues::readEpochSeconds));
      assertNull(readField("\"\"", JsonValues::readEpochSeconds));
      assertMessageHas(readFails("\"soon\"", JsonValues::readEpochSeconds), "$.f", "soon");
      assertMessageHas(readFails("1e30", JsonValues::readEpochSeconds), "$.f");
    }

    @Test
    void writesEpochSecondsAsIntegerUnlessFractional() throws IOException {
      assertEquals("1577480720", write(JsonValues::writeEpochSeconds, Instant.ofEpochSecond(1577480720)));
      assertEquals("1577480720.003444",
          write(JsonValues::writeEpochSeconds, Instant.ofEpochSecond(1577480720, 3_444_000)));
      assertEquals("0", write(JsonValues::writeEpochSeconds, Instant.EPOCH));
    }

    @Test
    void readsAndWritesEpochMillis() throws IOException {
      Instant expected = Instant.ofEpochMilli(1542434791000L);
      assertEquals(expected, readField("1542434791000", JsonValues::readEpochMillis));
      assertEquals(expected, readField("\"1542434791000\"", JsonValues::readEpochMillis));
      assertEquals(Instant.ofEpochSecond(1, 500), readField("1000.0005", JsonValues::readEpochMillis));
      assertEquals("1542434791000", write(JsonValues::writeEpochMillis, expected));
      assertEquals("1000.0005", write(JsonValues::writeEpochMillis, Instant.ofEpochSecond(1, 500)));
      assertMessageHas(readFails("true", JsonValues::readEpochMillis), "$.f", "BOOLEAN");
    }

    @Test
    void parsesTimeNowExactly() {
      assertEquals(Instant.ofEpochSecond(1577480720, 3_444_000),
          JsonValues.parseSecondsWithFraction("1577480720.003444"));
      assertEquals(Instant.ofEpochSecond(1599547085, 415_797_000),
          JsonValues.parseSecondsWithFraction("1599547085.415797"));
      assertEquals(Instant.ofEpochSecond(1644853040, 916_000_000),
          JsonValues.parseSecondsWithFraction("1644853040.916000"));
      assertEquals(Instant.ofEpochSecond(1644853040), JsonValues.parseSecondsWithFraction("1644853040"));
    }

    @Test
    void timeNowRejectsBadText() {
      for (String bad : Arrays.asList(null, "", "abc", "1577480720.", ".5", "1e9", " 1", "99999999999999999999")) {
        assertThrows(IllegalArgumentException.class, () -> JsonValues.parseSecondsWithFraction(bad), bad);
      }
    }

    @Test
    void readsAndWritesLocalDateTime() throws IOException {
      LocalDateTime expected = LocalDateTime.of(2020, 1, 2, 3, 4, 5);
      assertEquals(expected, readField("\"2020-01-02 03:04:05\"", JsonValues::readLocalDateTime));
      assertEquals("\"2020-01-02 03:04:05\"", write(JsonValues::writeLocalDateTime, expected));
      assertNull(readField("\"\"", JsonValues::readLocalDateTime));
      assertMessageHas(readFails("\"2020-02-30 00:00:00\"", JsonValues::readLocalDateTime), "$.f", "2020-02-30");
      assertMessageHas(readFails("\"2020-01-02T03:04:05\"", JsonValues::readLocalDateTime), "$.f");
    }

    @Test
    void localDateTimeWithFractionCannotBeWritten() {
      assertThrows(IllegalArgumentException.class,
          () -> write(JsonValues::writeLocalDateTime, LocalDateTime.of(2020, 1, 2, 3, 4, 5, 1)));
    }

    @Test
    void readsAndWritesLocalDate() throws IOException {
      LocalDate expected = LocalDate.of(2021, 8, 23);
      assertEquals(expected, readField("\"2021-08-23\"", JsonValues::readLocalDate));
      assertEquals("\"2021-08-23\"", write(JsonValues::writeLocalDate, expected));
      assertNull(readField("\"\"", JsonValues::readLocalDate));
      assertMessageHas(readFails("\"2021-8-23\"", JsonValues::readLocalDate), "$.f", "2021-8-23");
    }
  }

  static Stream<Arguments> rfc3339Samples() {
    return Stream.of(
        Arguments.of("2019-10-19T17:04:55Z", Instant.ofEpochSecond(1571504695)),
        Arguments.of("2019-10-19T17:04:55.123Z", Instant.ofEpochSecond(1571504695, 123_000_000)),
        Arguments.of("2019-10-19T17:04:55.123456Z", Instant.ofEpochSecond(1571504695, 123_456_000)),
        Arguments.of("2020-11-02T00:00:11.943371457Z", Instant.ofEpochSecond(1604275211, 943_371_457)),
        Arguments.of("2019-10-20T01:04:55+08:00", Instant.ofEpochSecond(1571504695)),
        Arguments.of("2019-10-19T12:04:55.5-05:00", Instant.ofEpochSecond(1571504695, 500_000_000)));
  }

  @Nested
  class Containers {
    @Test
    void readsListWithNullElements() throws IOException {
      List<BigDecimal> list = readField("[1.10, null, \"2\"]", r -> JsonValues.readList(r, JsonValues::readDecimal));
      assertEquals(Arrays.asList(new BigDecimal("1.10"), null, new BigDecimal("2")), list);
      assertThrows(UnsupportedOperationException.class, () -> list.add(BigDecimal.ONE));
      assertEquals(List.of(), readField("[]", r -> JsonValues.readList(r, JsonValues::readDecimal)));
      assertMessageHas(readFails("{}", r -> JsonValues.readList(r, JsonValues::readDecimal)), "$.f", "BEGIN_OBJECT");
    }

    @Test
    void writesListWithNullElements() throws IOException {
      List<BigDecimal> list = new ArrayList<>(Arrays.asList(new BigDecimal("1.10"), null, new BigDecimal("1E+2")));
      JsonValues.Writer<List<BigDecimal>> listWriter =
          (w, v) -> JsonValues.writeList(w, v, JsonValues::writeDecimalNumber);
      assertEquals("[1.10,null,100]", write(listWriter, list));
    }

    @Test
    void readsMapInDocumentOrderWithNullValues() throws IOException {
      Map<String, String> map = readField("{\"b\":\"1\",\"a\":null,\"c\":2.50}",
          r -> JsonValues.readMap(r, JsonValues::readString));
      assertEquals(List.of("b", "a", "c"), new ArrayList<>(map.keySet()));
      assertEquals("1", map.get("b"));
      assertTrue(map.containsKey("a"));
      assertNull(map.get("a"));
      assertEquals("2.50", map.get("c"));
      assertThrows(UnsupportedOperationException.class, () -> map.put("d", "x"));
    }

    @Test
    void mapRejectsRepeatedKeysAndNonObjects() {
      assertMessageHas(readFails("{\"a\":\"1\",\"a\":\"2\"}", r -> JsonValues.readMap(r, JsonValues::readString)),
          "'a'", "$.f.a");
      assertMessageHas(readFails("[]", r -> JsonValues.readMap(r, JsonValues::readString)), "$.f", "BEGIN_ARRAY");
    }

    @Test
    void writesMapInIterationOrderWithNullValues() throws IOException {
      Map<String, BigDecimal> map = new LinkedHashMap<>();
      map.put("z", new BigDecimal("0.00009996"));
      map.put("a", null);
      Buffer buffer = new Buffer();
      try (JsonWriter w = JsonWriter.of(buffer)) {
        w.setSerializeNulls(true);
        JsonValues.writeMap(w, map, JsonValues::writeDecimalNumber);
      }
      assertEquals("{\"z\":0.00009996,\"a\":null}", buffer.readUtf8());
    }

    @Test
    void writeMapRejectsNullKey() {
      Map<String, BigDecimal> map = new LinkedHashMap<>();
      map.put(null, BigDecimal.ONE);
      assertThrows(IllegalArgumentException.class,
          () -> write((w, v) -> JsonValues.writeMap(w, v, JsonValues::writeDecimalNumber), map));
    }
  }

  @Nested
  class UnknownFields {
    private static final JsonReader.Options NAMES = JsonReader.Options.of("known");
    private static final String JSON = "{\"extra\":{\"nested\":[1,{\"x\":null}]},\"known\":\"v\",\"tail\":1}";

    /** Reads like a generated adapter: returns the "known" field. */
    private String readModel(String json, boolean strict) throws IOException {
      JsonReader r = reader(json);
      String known = null;
      r.beginObject();
      while (r.hasNext()) {
        if (r.selectName(NAMES) == 0) {
          known = JsonValues.readString(r);
        } else {
          JsonValues.skipUnknownField(r, strict, "TestModel");
        }
      }
      r.endObject();
      assertEquals(JsonReader.Token.END_DOCUMENT, r.peek());
      return known;
    }

    @Test
    void lenientSkipsUnknownFieldsWithTheirValues() throws IOException {
      assertEquals("v", readModel(JSON, false));
    }

    @Test
    void strictNamesFieldModelAndPath() {
      JsonDataException e = assertThrows(JsonDataException.class, () -> readModel(JSON, true));
      assertEquals("Unknown field 'extra' in TestModel at $.extra", e.getMessage());
    }
  }
}
