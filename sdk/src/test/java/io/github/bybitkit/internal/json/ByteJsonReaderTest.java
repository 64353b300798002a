package io.github.bybitkit.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Each value reader of {@link ByteJsonReader} against the {@link JsonValues} reader of the same name, on random texts
 * near the forms Bybit sends: the byte reader must return an equal value (decimals with the same scale) or give up,
 * and must give up wherever the Moshi reading fails.
 */
class ByteJsonReaderTest {
  private static final Object FAILED = new Object();

  private interface MoshiRead {
    Object read(JsonReader reader) throws IOException;
  }

  /** Reads {@code json} whole, or FAILED; the byte reader's give-up and Moshi's failure both become FAILED. */
  private static Object bytes(String json, Function<ByteJsonReader, Object> read) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = new ByteJsonReader(Arrays.copyOf(body, body.length + 1), body.length);
    try {
      Object value = read.apply(reader);
      return reader.atEnd() ? value : FAILED;
    } catch (ByteJsonReader.GiveUp e) {
      return FAILED;
    }
  }

  private static Object moshi(String json, MoshiRead read) {
    Buffer buffer = new Buffer().writeUtf8(json);
    try {
      JsonBounds.check(buffer.copy());
      JsonReader reader = JsonReader.of(buffer);
      reader.setLenient(true); // as the careful reading, on a body proven above
      Object value = read.read(reader);
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? value : FAILED;
    } catch (IOException | RuntimeException | JsonBounds.Violation e) {
      return FAILED;
    }
  }

  /** Holds one reader pair to each other on many random values; returns how many the byte reader read. */
  private static int compare(String name, List<String> values, Function<ByteJsonReader, Object> quick,
      MoshiRead careful) {
    int read = 0;
    for (String json : values) {
      Object actual = bytes(json, quick);
      if (actual == FAILED) {
        continue;
      }
      read++;
      Object expected = moshi(json, careful);
      assertTrue(expected != FAILED, name + " read " + json + " which Moshi refuses");
      assertEquals(expected, actual, name + " of " + json);
      if (expected instanceof java.math.BigDecimal d) {
        assertEquals(d.scale(), ((java.math.BigDecimal) actual).scale(), name + " scale of " + json);
      }
    }
    return read;
  }

  /** Numbers and numeric strings: digits, minus, point, leading zeros, exponents, spaces, lengths to 24. */
  private static List<String> numericTexts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "0000111223456789999--..eE+ x";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(25);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out.add(random.nextBoolean() ? "\"" + text + "\"" : text.toString());
    }
    out.addAll(List.of("null", "\"\"", "true", "false", "0", "1", "-0", "-0.00", "\"-0.00\"", "\"007.50\"", "01",
        "1.", ".5", "\"1.\"", "\"0.0043950000000000005\"", "123456789012345678", "1234567890123456789",
        "\"-123456789012345678\"", "2147483648", "-2147483648", "\"2147483647\"", "[]", "{}", "nul", "1 ", " 1"));
    return out;
  }

  @Test
  void decimalsIntsLongsAndBooleansReadAsMoshiReadsThem() {
    List<String> texts = numericTexts(40_000, 7);

    int decimals = compare("readDecimal", texts, ByteJsonReader::readDecimal, JsonValues::readDecimal);
    int longs = compare("readLong", texts, ByteJsonReader::readLong, JsonValues::readLong);
    int ints = compare("readInt", texts, ByteJsonReader::readInt, JsonValues::readInt);
    int booleans = compare("readBoolean", texts, ByteJsonReader::readBoolean, JsonValues::readBoolean);
    int epochs = compare("readEpochSeconds", texts, ByteJsonReader::readEpochSeconds, JsonValues::readEpochSeconds);
    int strings = compare("readString", texts, ByteJsonReader::readString, JsonValues::readString);

    // Enough of each is read by the byte reader for the comparison to mean something.
    for (int read : new int[] {decimals, longs, ints, booleans, epochs, strings}) {
      assertTrue(read > 20, "only " + read + " read");
    }
  }

  @Test
  void timesReadAsMoshiReadsThem() {
    SplittableRandom random = new SplittableRandom(3);
    List<String> texts = new ArrayList<>();
    String[] seeds = {"2020-11-02T00:00:11.943371457Z", "2019-12-27T20:25:45Z", "2024-02-29T23:59:59+08:00",
        "2020-01-01 00:00:00", "2023-02-29", "2023-12-31"};
    for (int i = 0; i < 20_000; i++) {
      char[] text = seeds[random.nextInt(seeds.length)].toCharArray();
      for (int edits = random.nextInt(3); edits > 0; edits--) {
        text[random.nextInt(text.length)] = "0123456789-:TZ+. "
            .charAt(random.nextInt(17));
      }
      texts.add("\"" + new String(text) + "\"");
    }
    texts.addAll(List.of("null", "\"\"", "1700000000"));

    assertTrue(compare("readRfc3339", texts, ByteJsonReader::readRfc3339, JsonValues::readRfc3339) > 100);
    assertTrue(compare("readLocalDateTime", texts, ByteJsonReader::readLocalDateTime,
        JsonValues::readLocalDateTime) > 100);
    assertTrue(compare("readLocalDate", texts, ByteJsonReader::readLocalDate, JsonValues::readLocalDate) > 100);
  }

  @Test
  void containersReadAsMoshiReadsThem() {
    List<String> texts = List.of("[]", "[ ]", "[\"1.5\", 2, null]", "[1,]", "[,1]", "[1 2]", "null", "{}",
        "{\"a\":\"1\",\"b\":null}", "{\"a\":\"1\",\"a\":\"2\"}", "{\"a\" \"1\"}", "{\"a\":\"1\",}", "[[\"1\"],[]]");

    ByteJsonReader.Item<Object> decimal = ByteJsonReader::readDecimal;
    JsonValues.Reader<Object> moshiDecimal = JsonValues::readDecimal;
    int lists = compare("readList", texts, r -> r.readList(decimal), r -> JsonValues.readList(r, moshiDecimal));
    int maps = compare("readMap", texts, r -> r.readMap(decimal), r -> JsonValues.readMap(r, moshiDecimal));

    assertEquals(4, lists); // [], [ ], the three items, null
    assertEquals(3, maps); // null, {}, a and b
    Object list = bytes("[\"1.5\",null]", r -> r.readList(decimal));
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) list).add(null));
    Object map = bytes("{\"a\":\"1\"}", r -> r.readMap(decimal));
    assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) map).clear());
  }

  @Test
  void namesAreMatchedByTheirBytes() {
    ByteJsonReader.Names names = ByteJsonReader.Names.of("retCode", "retMsg", "result", "a", "b", "c", "d", "e");
    byte[] body = "{\"retMsg\":1,\"result\":2,\"retCod\":3,\"e\":4,\"retCodes\":5}\0".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader reader = new ByteJsonReader(body, body.length - 1);
    List<Integer> seen = new ArrayList<>();

    reader.beginObject();
    while (reader.hasNextField()) {
      seen.add(reader.selectName(names));
      reader.skipValue();
    }

    assertEquals(List.of(1, 2, -1, 7, -1), seen);
    assertTrue(reader.atEnd());
    byte[] any = "{\"a\":1}\0".getBytes(StandardCharsets.UTF_8);
    ByteJsonReader empty = new ByteJsonReader(any, any.length - 1);
    empty.beginObject();
    assertTrue(empty.hasNextField());
    assertEquals(-1, empty.selectName(ByteJsonReader.Names.of()), "a model without fields knows no name");
    assertThrows(IllegalArgumentException.class, () -> ByteJsonReader.Names.of("caf\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> new ByteJsonReader(new byte[] {'1'}, 1));
  }

  @Test
  void skippedValuesAreCheckedAndRawJsonIsKeptExactly() {
    List<String> texts = List.of("{ \"a\" : [ 1 , 2.5 , \"x\\\"y\" , true , false , null , { } ] }", "[1e5]",
        "[\"caf\u00e9\"]", "[\"a\u0001\"]", "{\"a\":1,}", "[" + "[".repeat(40) + "]".repeat(40) + "]", "[01]");
    for (String json : texts) {
      Object raw = bytes(json, ByteJsonReader::readRawJson);
      if (raw != FAILED) {
        assertEquals(moshi(json, JsonValues::readRawJson), raw, json);
        assertEquals(json.strip(), raw);
      }
    }
    assertEquals(texts.get(0), bytes(texts.get(0) + "  ", ByteJsonReader::readRawJson));
    long skipped = texts.stream().filter(json -> bytes(json, r -> {
      r.skipValue();
      return Boolean.TRUE;
    }) != FAILED).count();
    assertEquals(1, skipped, "only the first is plain JSON within the byte reader's depth");
    assertEquals(FAILED, bytes("[\"it\\'s\"]", ByteJsonReader::readRawJson));
  }
}
