package io.github.bybitkit.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.bybitkit.internal.Redactor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Reads and writes the JSON values Bybit uses, for the generated Moshi adapters.
 *
 * <p>Readers return {@code null} for JSON null (and consume it); writers write JSON null for {@code null}. Decoding
 * errors are {@link JsonDataException}s naming the reader's path. Numbers are read through
 * {@link JsonReader#nextString()}, which on a streaming reader returns a number's literal text, so no value passes
 * through {@code double}. (Readers built by {@code JsonReader.of(Object)} have already made numbers doubles; never
 * decode Bybit values from one.)
 */
public final class JsonValues {

  /** Reads one value; used for list items and map values. */
  public interface Reader<T> {
    T read(JsonReader reader) throws IOException;
  }

  /** Writes one non-null value; used for list items and map values. */
  public interface Writer<T> {
    void write(JsonWriter writer, T value) throws IOException;
  }

  // Bounds a decimal's exponent: "1e999999999" is a short token whose plain form would take a gigabyte.
  private static final int MAX_SCALE_MAGNITUDE = 10_000;
  private static final Object[] NO_ELEMENTS = {};
  // Bybit's answers nest under 10 levels; a skipped value nested deeper goes to the careful reading, which holds the
  // whole body to JsonBounds.MAX_DEPTH.
  private static final int SKIPPED_DEPTH = 16;

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final Pattern SECONDS_WITH_FRACTION = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
  static final DateTimeFormatter LOCAL_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private JsonValues() {}

  // ---- decimals and plain scalars ----

  /** A JSON number or numeric string with its exact text and scale; {@code ""} is null. */
  public static BigDecimal readDecimal(JsonReader r) throws IOException {
    String text = scalarText(r, "a decimal");
    if (text == null || text.isEmpty()) {
      return null;
    }
    return decimal(text, "a decimal", r);
  }

  /** A JSON number in plain notation: {@code 1E+2} is written as {@code 100}. */
  public static void writeDecimalNumber(JsonWriter w, BigDecimal v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    // JsonWriter.value(Number) would write toString(), i.e. exponent form for some scales.
    writeNumberText(w, v.toPlainString());
  }

  /** A JSON string in plain notation. */
  public static void writeDecimalString(JsonWriter w, BigDecimal v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    w.value(v.toPlainString());
  }

  /** A string, or a number token as its literal text. */
  public static String readString(JsonReader r) throws IOException {
    return keptScalarText(r, "a string");
  }

  /** A number or numeric string whose value is an {@code int} exactly. */
  public static Integer readInt(JsonReader r) throws IOException {
    String text = scalarText(r, "an int");
    if (text == null) {
      return null;
    }
    Long plain = plainLong(text);
    if (plain != null && plain == plain.intValue()) {
      return plain.intValue();
    }
    try {
      return decimal(text, "an int", r).intValueExact();
    } catch (ArithmeticException e) {
      throw bad("an int", text, valuePath(r));
    }
  }

  /** A number or numeric string whose value is a {@code long} exactly. */
  public static Long readLong(JsonReader r) throws IOException {
    String text = scalarText(r, "a long");
    if (text == null) {
      return null;
    }
    Long plain = plainLong(text);
    if (plain != null) {
      return plain;
    }
    try {
      return decimal(text, "a long", r).longValueExact();
    } catch (ArithmeticException e) {
      throw bad("a long", text, valuePath(r));
    }
  }

  /** {@code true}/{@code false}, or the numbers {@code 0}/{@code 1} (Bybit sends some flags as integers). */
  public static Boolean readBoolean(JsonReader r) throws IOException {
    JsonReader.Token token = r.peek();
    switch (token) {
      case NULL:
        return r.nextNull();
      case BOOLEAN:
        return r.nextBoolean();
      case NUMBER:
        String text = r.nextString();
        if (text.equals("0")) {
          return Boolean.FALSE;
        }
        if (text.equals("1")) {
          return Boolean.TRUE;
        }
        throw bad("a boolean", text, valuePath(r));
      default:
        throw unexpected("a boolean", token, r.getPath());
    }
  }

  /** The text of a string or number token, for enum-typed fields ({@code "Pending"}, or {@code 0} for position_idx). */
  public static String readRaw(JsonReader r) throws IOException {
    return keptScalarText(r, "a string or number");
  }

  /**
   * Writes {@code text} as a JSON number, unchanged.
   *
   * @throws IllegalArgumentException if {@code text} is not a JSON number
   */
  public static void writeRawNumber(JsonWriter w, String text) throws IOException {
    if (text == null) {
      w.nullValue();
      return;
    }
    // Stricter than BigDecimal's syntax on purpose: "+1", ".5" or "1." would make the output invalid JSON.
    if (!JSON_NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("Not a JSON number: " + quote(text));
    }
    writeNumberText(w, text);
  }

  // ---- times ----

  /** An RFC 3339 date-time with any fraction (0 to 9 digits) and a {@code Z} or numeric offset; {@code ""} is null. */
  public static Instant readRfc3339(JsonReader r) throws IOException {
    String text = scalarText(r, "an RFC 3339 date-time");
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant quick = commonRfc3339(text);
    if (quick != null) {
      return quick;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw bad("an RFC 3339 date-time", text, valuePath(r), e);
    }
  }

  /**
   * What {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME).toInstant()} gives, for the form Bybit sends
   * ({@code 2020-11-02T00:00:11.943371457Z}: a 4-digit year, seconds, 0 to 9 fraction digits, {@code Z} or
   * {@code ±HH:MM}), without the formatter's per-parse maps; null for any other text, which takes the formatter.
   */
  static Instant commonRfc3339(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      int first = ++i;
      while (i < length && i - first < 9 && isDigit(text.charAt(i))) {
        nanos = nanos * 10 + (text.charAt(i++) - '0');
      }
      if (i == first || (i < length && isDigit(text.charAt(i)))) {
        return null;
      }
      for (int k = i - first; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == length - 1 && text.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
      int offsetHours = digits(text, i + 1, 2);
      int offsetMinutes = digits(text, i + 4, 2);
      if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 18 * 60) {
        return null;
      }
      offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code start}, or -1 if any is not one. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int k = start; k < start + count; k++) {
      char c = text.charAt(k);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** UTC with {@code Z}; fraction digits only as many as needed (0, 3, 6 or 9). */
  public static void writeRfc3339(JsonWriter w, Instant v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    w.value(DateTimeFormatter.ISO_INSTANT.format(v));
  }

  /**
   * Unix seconds as a number or numeric string, a fraction allowed; {@code ""} is null. Digits below the
   * nanosecond, which {@link Instant} cannot hold, are dropped (rounded toward the past).
   */
  public static Instant readEpochSeconds(JsonReader r) throws IOException {
    return readEpoch(r, 0, "epoch seconds");
  }

  /** Unix seconds as a JSON number: an integer when there is no fraction, else plain decimal notation. */
  public static void writeEpochSeconds(JsonWriter w, Instant v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    writeNumberText(w, epochDecimal(v, 0).toPlainString());
  }

  /** Unix milliseconds as a number or numeric string, a fraction allowed (kept to the ns); {@code ""} is null. */
  public static Instant readEpochMillis(JsonReader r) throws IOException {
    return readEpoch(r, 3, "epoch milliseconds");
  }

  /** Unix milliseconds as a JSON number: an integer unless the instant has sub-millisecond digits. */
  public static void writeEpochMillis(JsonWriter w, Instant v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    writeNumberText(w, epochDecimal(v, 3).toPlainString());
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss} without a zone (asset exchange {@code created_at}; Bybit does not document the
   * zone, so none is assumed); {@code ""} is null.
   */
  public static LocalDateTime readLocalDateTime(JsonReader r) throws IOException {
    String text = scalarText(r, "a yyyy-MM-dd HH:mm:ss date-time");
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, LOCAL_DATE_TIME);
    } catch (DateTimeException e) {
      throw bad("a yyyy-MM-dd HH:mm:ss date-time", text, valuePath(r), e);
    }
  }

  /**
   * Writes {@code yyyy-MM-dd HH:mm:ss}.
   *
   * @throws IllegalArgumentException if {@code v} has a fraction of a second, which the format cannot carry
   */
  public static void writeLocalDateTime(JsonWriter w, LocalDateTime v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    if (v.getNano() != 0) {
      throw new IllegalArgumentException(v + " has a fraction of a second; yyyy-MM-dd HH:mm:ss cannot carry it");
    }
    w.value(LOCAL_DATE_TIME.format(v));
  }

  /** ISO {@code yyyy-MM-dd}; {@code ""} is null. */
  public static LocalDate readLocalDate(JsonReader r) throws IOException {
    String text = scalarText(r, "a yyyy-MM-dd date");
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      throw bad("a yyyy-MM-dd date", text, valuePath(r), e);
    }
  }

  /** ISO {@code yyyy-MM-dd}. */
  public static void writeLocalDate(JsonWriter w, LocalDate v) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    w.value(DateTimeFormatter.ISO_LOCAL_DATE.format(v));
  }

  /**
   * The v2 envelope's {@code time_now}, seconds with a fraction ({@code "1577480720.003444"}), as an exact instant.
   *
   * @throws IllegalArgumentException if {@code text} is not digits with an optional fraction, or out of range
   */
  public static Instant parseSecondsWithFraction(String text) {
    if (text == null || !SECONDS_WITH_FRACTION.matcher(text).matches()) {
      throw new IllegalArgumentException("Not a seconds value: " + quote(text));
    }
    try {
      return instantOfSeconds(new BigDecimal(text));
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("Seconds value out of range: " + quote(text), e);
    }
  }

  // ---- containers ----

  /** A JSON array; elements may be null. The list is unmodifiable (a {@link FrozenList}). */
  public static <T> List<T> readList(JsonReader r, Reader<T> item) throws IOException {
    JsonReader.Token token = r.peek();
    if (token == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    if (token != JsonReader.Token.BEGIN_ARRAY) {
      throw unexpected("an array", token, r.getPath());
    }
    // Straight into the array a FrozenList keeps, which a model then keeps too: one list per JSON array.
    Object[] elements = NO_ELEMENTS;
    int size = 0;
    r.beginArray();
    while (r.hasNext()) {
      if (size == elements.length) {
        elements = size == 0 ? new Object[4] : Arrays.copyOf(elements, size * 2);
      }
      elements[size++] = item.read(r);
    }
    r.endArray();
    return FrozenList.own(elements, size);
  }

  /** A JSON array; null elements are written as JSON null without calling {@code item}. */
  public static <T> void writeList(JsonWriter w, List<T> v, Writer<T> item) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    w.beginArray();
    for (T element : v) {
      if (element == null) {
        w.nullValue();
      } else {
        item.write(w, element);
      }
    }
    w.endArray();
  }

  /** A JSON object as an unmodifiable map in document order; a repeated key is an error. */
  public static <T> Map<String, T> readMap(JsonReader r, Reader<T> value) throws IOException {
    JsonReader.Token token = r.peek();
    if (token == JsonReader.Token.NULL) {
      return r.nextNull();
    }
    if (token != JsonReader.Token.BEGIN_OBJECT) {
      throw unexpected("an object", token, r.getPath());
    }
    Map<String, T> map = new LinkedHashMap<>();
    r.beginObject();
    while (r.hasNext()) {
      String name = checkedText(r, r.nextName());
      if (map.containsKey(name)) {
        throw new JsonDataException("Duplicate key '" + name + "' at " + r.getPath());
      }
      map.put(name, value.read(r));
    }
    r.endObject();
    return Collections.unmodifiableMap(map);
  }

  /**
   * A JSON object; null values are written as JSON null (which the writer drops unless it serializes nulls).
   *
   * @throws IllegalArgumentException on a null key
   */
  public static <T> void writeMap(JsonWriter w, Map<String, T> v, Writer<T> value) throws IOException {
    if (v == null) {
      w.nullValue();
      return;
    }
    w.beginObject();
    for (Map.Entry<String, T> entry : v.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("Map key is null at " + w.getPath());
      }
      w.name(entry.getKey());
      if (entry.getValue() == null) {
        w.nullValue();
      } else {
        value.write(w, entry.getValue());
      }
    }
    w.endObject();
  }

  /**
   * Handles a field name that {@code selectName} did not match (call it right after {@code selectName} returned -1).
   * Strict mode, used by contract tests, reports the field so spec drift is seen; lenient mode skips it so a new
   * field from Bybit never breaks users.
   */
  public static void skipUnknownField(JsonReader r, boolean strict, String modelName) throws IOException {
    String name = checkedText(r, r.nextName());
    if (strict) {
      throw new JsonDataException("Unknown field '" + name + "' in " + modelName + " at " + r.getPath());
    }
    skipValue(r);
  }

  /** Skips the next value; in the single pass, checking it as {@link #isSinglePass} says. */
  public static void skipValue(JsonReader r) throws IOException {
    if (!isSinglePass(r)) {
      r.skipValue();
      return;
    }
    int depth = 0;
    do {
      JsonReader.Token token = r.peek();
      switch (token) {
        case BEGIN_OBJECT, BEGIN_ARRAY -> {
          if (++depth > SKIPPED_DEPTH) {
            throw leftToCarefulReading("a skipped value nested deeper than " + SKIPPED_DEPTH + " levels", r);
          }
          if (token == JsonReader.Token.BEGIN_OBJECT) {
            r.beginObject();
          } else {
            r.beginArray();
          }
        }
        case END_OBJECT -> {
          r.endObject();
          depth--;
        }
        case END_ARRAY -> {
          r.endArray();
          depth--;
        }
        case NAME -> checkedText(r, r.nextName());
        case STRING -> checkedText(r, r.nextString());
        case NUMBER -> checkedNumber(r, r.nextString());
        case BOOLEAN -> r.nextBoolean();
        case NULL -> r.nextNull();
        default -> throw unexpected("a value", token, r.getPath());
      }
    } while (depth > 0);
  }

  /**
   * An object or array as its raw JSON text, for fields whose shape varies. In the single pass the text is checked
   * against {@link JsonBounds} too, since the reader hands it over unparsed.
   */
  public static String readRawJson(JsonReader r) throws IOException {
    Buffer text = new Buffer();
    try (BufferedSource source = r.nextSource()) {
      source.readAll(text);
    }
    if (isSinglePass(r)) {
      try {
        JsonBounds.check(text);
      } catch (JsonBounds.Violation v) {
        throw leftToCarefulReading(v.getMessage(), r);
      }
    }
    return text.readUtf8();
  }

  /**
   * Whether {@code r} is the single pass of a body not yet proven against {@link JsonBounds}: a strict reader. What a
   * strict Moshi reader lets through and the limits do not (a control character in a string, a number too long or
   * with too large an exponent, a skipped value nested deep) is refused here, in the readers, as values are read,
   * with a failure that sends the body to the careful reading. A lenient reader is only ever given a proven body.
   */
  public static boolean isSinglePass(JsonReader r) {
    return !r.isLenient();
  }

  // ---- helpers ----

  /**
   * Consumes a null, string or number token: null, the string, or the number's literal text. The path is computed
   * only for an error, since it costs.
   */
  private static String scalarText(JsonReader r, String expected) throws IOException {
    JsonReader.Token token = r.peek();
    switch (token) {
      case NULL:
        return r.nextNull();
      case STRING:
      case NUMBER:
        // Checked by the caller: a value parsed into a number or a time is refused by its parser if it holds what
        // the single pass must not take; one kept as text goes through keptScalarText.
        return r.nextString();
      default:
        throw unexpected(expected, token, r.getPath());
    }
  }

  /**
   * {@link #scalarText} for a value kept as text: a string is checked as {@link #checkedText} says, a number's text
   * is held to JsonBounds' number limits.
   */
  private static String keptScalarText(JsonReader r, String expected) throws IOException {
    JsonReader.Token token = r.peek();
    if (token == JsonReader.Token.NUMBER) {
      return checkedNumber(r, r.nextString());
    }
    if (token == JsonReader.Token.STRING) {
      return checkedText(r, r.nextString());
    }
    return scalarText(r, expected);
  }

  /**
   * {@code text}, a string or name just read. In the single pass, one holding a control character or an apostrophe
   * is left to the careful reading: the character may have been escaped or written as it is, and only one of the two
   * is JSON (a strict Moshi reader takes a raw control character and the escape {@code \'}, which JSON has not).
   */
  private static String checkedText(JsonReader r, String text) {
    if (isSinglePass(r)) {
      for (int i = 0, n = text.length(); i < n; i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c == '\'') {
          throw leftToCarefulReading("a string with a control character or an apostrophe", r);
        }
      }
    }
    return text;
  }

  /** {@code text}, a JSON number just read, if within {@link JsonBounds}' number limits (a proven body's always is). */
  private static String checkedNumber(JsonReader r, String text) {
    String tooBig = JsonBounds.numberProblem(text);
    if (tooBig != null) {
      throw new JsonDataException("Expected a number within BybitKit's limits but was " + tooBig + " "
          + quote(text) + " at " + valuePath(r));
    }
    return text;
  }

  /** A failure of the single pass, whose message never reaches a user: the careful reading words the real one. */
  private static JsonDataException leftToCarefulReading(String what, JsonReader r) {
    return new JsonDataException(what + " at " + valuePath(r) + ", left to the careful reading");
  }

  private static BigDecimal decimal(String text, String expected, JsonReader r) {
    BigDecimal plain = plainDecimal(text);
    if (plain != null) {
      return plain;
    }
    // BigDecimal parsing is superlinear in the digits: bound the text first, in linear time.
    String tooBig = JsonBounds.numberProblem(text);
    if (tooBig != null) {
      throw new JsonDataException("Expected " + expected + " within BybitKit's limits but was " + tooBig + " "
          + quote(text) + " at " + valuePath(r));
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw bad(expected, text, valuePath(r), e);
    }
    if (Math.abs((long) value.scale()) > MAX_SCALE_MAGNITUDE) {
      throw bad(expected, text, valuePath(r));
    }
    return value;
  }

  /**
   * What {@code new BigDecimal(text)} gives (same unscaled value, same scale) for the common plain form: an optional
   * minus, digits, and optionally a point between digits, with at most 18 significant digits (leading zeros do not
   * count, so {@code 0.0043950000000000005} qualifies) so the unscaled value fits a {@code long}. Null for any other
   * text, which takes the general path. Bybit's decimals are nearly all of this form, and this way they cost one small
   * object instead of the parser's copy of the text as a {@code char[]}.
   */
  static BigDecimal plainDecimal(String text) {
    int length = text.length();
    if (length == 0 || length > JsonBounds.MAX_NUMBER_CHARS) {
      return null;
    }
    boolean negative = text.charAt(0) == '-';
    int first = negative ? 1 : 0;
    long unscaled = 0;
    int significant = 0;
    int scale = -1; // -1 until the point is seen, then the digits after it
    for (int k = first; k < length; k++) {
      char c = text.charAt(k);
      if (c >= '0' && c <= '9') {
        if (unscaled != 0 || c != '0') {
          if (++significant > 18) {
            return null;
          }
        }
        unscaled = unscaled * 10 + (c - '0');
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0 && k > first && k < length - 1) {
        scale = 0;
      } else {
        return null;
      }
    }
    if (length == first) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
  }

  /** The value of an optional minus and 1 to 18 digits, without BigDecimal; null for any other text. */
  private static Long plainLong(String text) {
    int length = text.length();
    int first = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (length == first || length > 18) {
      return null;
    }
    long value = 0;
    for (int k = first; k < length; k++) {
      char c = text.charAt(k);
      if (!isDigit(c)) {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return first == 1 ? -value : value;
  }

  private static Instant readEpoch(JsonReader r, int unitDigits, String expected) throws IOException {
    String text = scalarText(r, expected);
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant quick = integralEpoch(text, unitDigits);
    if (quick != null) {
      return quick;
    }
    BigDecimal units = decimal(text, expected, r);
    try {
      return instantOfSeconds(units.movePointLeft(unitDigits));
    } catch (ArithmeticException | DateTimeException e) {
      throw bad(expected, text, valuePath(r), e);
    }
  }

  /**
   * The instant of a whole number of seconds ({@code unitDigits} 0) or milliseconds (3) written as an optional minus
   * and at most 18 digits, without BigDecimal; null for any other text or an instant out of range, which take the
   * general path (and its error).
   */
  static Instant integralEpoch(String text, int unitDigits) {
    Long units = plainLong(text);
    if (units == null) {
      return null;
    }
    try {
      return unitDigits == 0 ? Instant.ofEpochSecond(units) : Instant.ofEpochMilli(units);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Floor seconds plus nanoseconds, so negative fractions land on the right side of the second. */
  private static Instant instantOfSeconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** The instant in seconds ({@code unitDigits} 0) or milliseconds (3), trailing zeros removed. */
  private static BigDecimal epochDecimal(Instant v, int unitDigits) {
    return BigDecimal.valueOf(v.getEpochSecond())
        .add(BigDecimal.valueOf(v.getNano(), 9))
        .movePointRight(unitDigits)
        .stripTrailingZeros();
  }

  private static void writeNumberText(JsonWriter w, String text) throws IOException {
    try (BufferedSink sink = w.valueSink()) {
      sink.writeUtf8(text);
    }
  }

  /**
   * The path of the value just consumed: a reader moves an array's index on past the element it read, so the last
   * index goes back by one. Only called for an error, so the success path never builds a path.
   */
  private static String valuePath(JsonReader r) {
    String path = r.getPath();
    int open = path.lastIndexOf('[');
    if (path.endsWith("]") && open >= 0) {
      try {
        int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        return path.substring(0, open + 1) + Math.max(0, index - 1) + "]";
      } catch (NumberFormatException e) {
        return path;
      }
    }
    return path;
  }

  private static JsonDataException unexpected(String expected, JsonReader.Token token, String path) {
    return new JsonDataException("Expected " + expected + " but was " + token + " at " + path);
  }

  private static JsonDataException bad(String expected, String text, String path) {
    return new JsonDataException("Expected " + expected + " but was " + quote(text) + " at " + path);
  }

  private static JsonDataException bad(String expected, String text, String path, Exception cause) {
    return new JsonDataException("Expected " + expected + " but was " + quote(text) + " at " + path, cause);
  }

  /** Quotes text for a message, shortened so a huge bad value cannot flood logs. */
  private static String quote(String text) {
    if (text == null) {
      return "null";
    }
    return "'" + Redactor.shorten(text, 80) + "'";
  }
}
