package io.github.bybitkit.internal.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQuery;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For generated code and the runtime only: the quick reading of a whole body held in a byte array, tried before the
 * Moshi readings. It takes only the plain form of JSON Bybit sends (ASCII, escapes only in texts kept as text, numbers
 * and decimals in plain notation, modest nesting) and reads values straight from the bytes: a decimal is made from its
 * digits without a {@code String}, a field name is matched without one. On anything else, valid or not, it gives up
 * with {@link GiveUp} and the body is read again by Moshi, which decides whether it is valid and words every failure
 * as before. So what this reader returns must be exactly what the Moshi readings return for the same body, and it
 * never decides that a body is invalid.
 *
 * <p>The array holds the body followed by one zero byte: a zero is never valid where this reader looks, so scans stop
 * at the end without a separate bounds check.
 */
public final class ByteJsonReader {

  /** Leaves the body to the Moshi readings. Carries neither message nor stack: it is thrown on a hot path. */
  public static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  /** Reads one value; used for list items and map values. */
  public interface Item<T> {
    T read(ByteJsonReader reader);
  }

  private static final GiveUp GIVE_UP = new GiveUp();
  // Well within JsonBounds.MAX_DEPTH (64): a deeper body is left to the Moshi readings, which hold it to the limit.
  private static final int MAX_DEPTH = 32;
  // Longer number tokens are left to the Moshi readings, which hold them to JsonBounds' limits.
  private static final int MAX_NUMBER_BYTES = 40;
  private static final int MAX_PLAIN_DECIMAL_BYTES = JsonBounds.MAX_NUMBER_CHARS;
  private static final Object[] NO_ELEMENTS = {};

  private final byte[] bytes;
  private final int end;
  private int pos;
  private int depth;
  // True right after '{' or '[' until the container's first member or its end: a comma is then out of place.
  private boolean justOpened;
  // The text of the scalar plainScalar last consumed.
  private int textStart;
  private int textStop;

  /**
   * @param bytes the body in {@code bytes[0..length)}, followed by a zero byte at {@code bytes[length]}
   */
  public ByteJsonReader(byte[] bytes, int length) {
    if (bytes.length <= length || bytes[length] != 0) {
      throw new IllegalArgumentException("the body must be followed by a zero byte");
    }
    this.bytes = bytes;
    this.end = length;
    skipWhitespace();
  }

  /** Whether the whole body has been read. */
  public boolean atEnd() {
    return pos == end;
  }

  // ---- structure ----

  /** Consumes a JSON null and says so; anything else is left unread. */
  public boolean nextIsNull() {
    if (bytes[pos] != 'n') {
      return false;
    }
    literal("null");
    return true;
  }

  /** Whether the next value is an object. */
  public boolean atObject() {
    return bytes[pos] == '{';
  }

  /** Whether the next value is an array. */
  public boolean atArray() {
    return bytes[pos] == '[';
  }

  public void beginObject() {
    open('{');
  }

  public void beginArray() {
    open('[');
  }

  /**
   * Moves to the next field of the current object: true with the reader on its name, or false once the object is
   * closed (consumed).
   */
  public boolean hasNextField() {
    if (!nextMember('}')) {
      return false;
    }
    if (bytes[pos] != '"') {
      throw GIVE_UP;
    }
    return true;
  }

  /** Moves to the next element of the current array: true, or false once the array is closed (consumed). */
  public boolean hasNextElement() {
    return nextMember(']');
  }

  /**
   * Consumes the name of a field and its colon.
   *
   * @return the name's index in {@code names}, or -1 for a name it does not hold
   */
  public int selectName(Names names) {
    int start = pos + 1;
    int i = start;
    int hash = 0;
    byte c;
    while ((c = bytes[i]) != '"') {
      if (!plainTextByte(c)) {
        throw GIVE_UP;
      }
      hash = 31 * hash + c;
      i++;
    }
    int index = names.find(bytes, start, i - start, hash);
    pos = i + 1;
    skipWhitespace();
    if (bytes[pos] != ':') {
      throw GIVE_UP;
    }
    pos++;
    skipWhitespace();
    return index;
  }

  /** After {@link #selectName} returned -1: skips the field's value, or gives up in strict mode. */
  public void skipUnknownField(boolean strict) {
    if (strict) {
      throw GIVE_UP; // the Moshi reading names the field
    }
    skipValue();
  }

  /** Skips the next value, checking it is plain JSON. */
  public void skipValue() {
    switch (bytes[pos]) {
      case '{' -> {
        open('{');
        while (hasNextField()) {
          skipString();
          if (bytes[pos] != ':') {
            throw GIVE_UP;
          }
          pos++;
          skipWhitespace();
          skipValue();
        }
      }
      case '[' -> {
        open('[');
        while (hasNextElement()) {
          skipValue();
        }
      }
      case '"' -> skipString();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> skipNumber();
    }
  }

  /** An object or array as its exact text (as Moshi's {@code nextSource} gives it); other values give up. */
  public String readRawJson() {
    byte c = bytes[pos];
    if (c != '{' && c != '[') {
      throw GIVE_UP;
    }
    int start = pos;
    skipValue();
    int stop = pos;
    while (isWhitespace(bytes[stop - 1])) {
      stop--;
    }
    return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1); // ASCII: skipValue gave up on more
  }

  /** Leaves the body to the Moshi readings. */
  public <T> T giveUp() {
    throw GIVE_UP;
  }

  /** Consumes {@code true} or {@code false} and returns it; null, with nothing consumed, for any other value. */
  public Boolean readBooleanLiteral() {
    byte c = bytes[pos];
    if (c == 't') {
      literal("true");
      return Boolean.TRUE;
    }
    if (c == 'f') {
      literal("false");
      return Boolean.FALSE;
    }
    return null;
  }

  /** Reads the next value with {@code adapter}, which must read bytes too (every generated adapter does). */
  @SuppressWarnings("unchecked")
  public <T> T read(com.squareup.moshi.JsonAdapter<T> adapter) {
    if (adapter instanceof ByteJsonAdapter<?> quick) {
      return ((ByteJsonAdapter<T>) quick).fromBytes(this);
    }
    throw GIVE_UP;
  }

  // ---- scalars, each what the JsonValues reader of the same name returns ----

  /** {@link JsonValues#readString}: a string, or a number's text. */
  public String readString() {
    byte c = bytes[pos];
    if (c == '"') {
      int start = pos + 1;
      int stop = stringEnd(start);
      if (stop < 0) {
        return escapedString(start);
      }
      pos = stop + 1;
      skipWhitespace();
      return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1); // ASCII only, checked
    }
    if (c == 'n') {
      literal("null");
      return null;
    }
    int start = pos;
    skipNumber();
    return new String(bytes, start, numberEnd(start) - start, StandardCharsets.ISO_8859_1);
  }

  /** {@link JsonValues#readRaw}: the text of a string or number (enum fields). */
  public String readRaw() {
    return readString();
  }

  /** {@link JsonValues#readDecimal}: a decimal in plain notation, or "" and null as null. */
  public BigDecimal readDecimal() {
    return plainScalar() && textStop > textStart ? plainDecimal(textStart, textStop) : null;
  }

  /** {@link JsonValues#readInt}: an optional minus and digits whose value fits an int. */
  public Integer readInt() {
    Long value = readLong();
    if (value == null) {
      return null;
    }
    long v = value;
    if (v != (int) v) {
      throw GIVE_UP;
    }
    return (int) v;
  }

  /** {@link JsonValues#readLong}: an optional minus and 1 to 18 digits. */
  public Long readLong() {
    return plainScalar() ? plainLong(textStart, textStop) : null;
  }

  /** {@link JsonValues#readBoolean}: true, false, or the numbers 0 and 1. */
  public Boolean readBoolean() {
    switch (bytes[pos]) {
      case 'n' -> {
        literal("null");
        return null;
      }
      case 't' -> {
        literal("true");
        return Boolean.TRUE;
      }
      case 'f' -> {
        literal("false");
        return Boolean.FALSE;
      }
      case '0', '1' -> {
        int start = pos;
        skipNumber();
        if (numberEnd(start) != start + 1) {
          throw GIVE_UP;
        }
        return bytes[start] == '1' ? Boolean.TRUE : Boolean.FALSE;
      }
      default -> throw GIVE_UP;
    }
  }

  /** {@link JsonValues#readRfc3339}, for the form {@link JsonValues#commonRfc3339} takes. */
  public Instant readRfc3339() {
    String text = readTimeText();
    if (text == null) {
      return null;
    }
    Instant instant = JsonValues.commonRfc3339(text);
    if (instant == null) {
      throw GIVE_UP;
    }
    return instant;
  }

  /** {@link JsonValues#readEpochSeconds}, for whole seconds. */
  public Instant readEpochSeconds() {
    if (!plainScalar() || textStop == textStart) {
      return null;
    }
    long seconds = plainLong(textStart, textStop);
    try {
      return Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      throw GIVE_UP;
    }
  }

  /** {@link JsonValues#readLocalDateTime}. */
  public LocalDateTime readLocalDateTime() {
    return readTime(JsonValues.LOCAL_DATE_TIME, LocalDateTime::from);
  }

  /** {@link JsonValues#readLocalDate}. */
  public LocalDate readLocalDate() {
    return readTime(DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
  }

  // ---- containers ----

  /** {@link JsonValues#readList}: an unmodifiable {@link FrozenList}, or null. */
  public <T> List<T> readList(Item<T> item) {
    if (nextIsNull()) {
      return null;
    }
    if (bytes[pos] != '[') {
      throw GIVE_UP;
    }
    open('[');
    Object[] elements = NO_ELEMENTS;
    int size = 0;
    while (hasNextElement()) {
      if (size == elements.length) {
        elements = size == 0 ? new Object[4] : Arrays.copyOf(elements, size * 2);
      }
      elements[size++] = item.read(this);
    }
    return FrozenList.own(elements, size);
  }

  /** {@link JsonValues#readMap}: an unmodifiable map in document order, or null; a repeated key gives up. */
  public <T> Map<String, T> readMap(Item<T> value) {
    if (nextIsNull()) {
      return null;
    }
    if (bytes[pos] != '{') {
      throw GIVE_UP;
    }
    open('{');
    Map<String, T> map = new LinkedHashMap<>();
    while (hasNextField()) {
      String name = readString();
      if (bytes[pos] != ':' || map.containsKey(name)) {
        throw GIVE_UP;
      }
      pos++;
      skipWhitespace();
      map.put(name, value.read(this));
    }
    return Collections.unmodifiableMap(map);
  }

  // ---- names ----

  /** The field names of one model, matched against the bytes of a name without making a {@code String}. */
  public static final class Names {
    private final byte[][] names;
    private final int[] slots; // open addressing by hash: index + 1, 0 when empty
    private final int mask;

    private Names(String... names) {
      this.names = new byte[names.length][];
      int size = Integer.highestOneBit(Math.max(2, names.length * 4) - 1) << 1; // at least 2, also for no names
      this.slots = new int[size];
      this.mask = size - 1;
      for (int i = 0; i < names.length; i++) {
        byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
        int hash = 0;
        for (byte c : name) {
          if (!plainTextByte(c)) {
            throw new IllegalArgumentException("Not a plain ASCII field name: " + names[i]);
          }
          hash = 31 * hash + c;
        }
        this.names[i] = name;
        int slot = hash & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
      }
    }

    /**
     * @param names the JSON names in field order; plain ASCII
     */
    public static Names of(String... names) {
      return new Names(names);
    }

    int find(byte[] text, int start, int length, int hash) {
      int slot = hash & mask;
      int entry;
      while ((entry = slots[slot]) != 0) {
        byte[] name = names[entry - 1];
        if (name.length == length && Arrays.equals(name, 0, length, text, start, start + length)) {
          return entry - 1;
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }
  }

  // ---- helpers ----

  private void open(char bracket) {
    if (bytes[pos] != bracket || ++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    pos++;
    skipWhitespace();
    justOpened = true;
  }

  /** Consumes {@code closer} (false) or the comma before the next member (true); only a first member needs none. */
  private boolean nextMember(char closer) {
    byte c = bytes[pos];
    if (c == closer) {
      close();
      return false;
    }
    if (justOpened) {
      justOpened = false;
    } else if (c == ',') {
      pos++;
      skipWhitespace();
    } else {
      throw GIVE_UP;
    }
    return true;
  }

  private void close() {
    depth--;
    justOpened = false;
    pos++;
    skipWhitespace();
  }

  private void literal(String word) {
    int n = word.length();
    for (int k = 0; k < n; k++) {
      if (bytes[pos + k] != word.charAt(k)) {
        throw GIVE_UP;
      }
    }
    pos += n;
    if (!isDelimiterAt(pos)) {
      throw GIVE_UP;
    }
    skipWhitespace();
  }

  private void skipString() {
    if (bytes[pos] != '"') {
      throw GIVE_UP;
    }
    int stop = stringEnd(pos + 1);
    if (stop < 0) {
      escapedString(pos + 1); // checks the escapes; rare enough that its String does not matter
      return;
    }
    pos = stop + 1;
    skipWhitespace();
  }

  /**
   * A string with escapes, whose text starts at {@code start}: JSON's escapes as Moshi decodes them. {@code \'},
   * which is not JSON, and a u-escape of a surrogate, which the Moshi readings judge, give up.
   */
  private String escapedString(int start) {
    StringBuilder text = new StringBuilder();
    int i = start;
    byte c;
    while ((c = bytes[i]) != '"') {
      if (plainTextByte(c)) {
        text.append((char) c);
        i++;
        continue;
      }
      if (c != '\\') {
        throw GIVE_UP;
      }
      byte escaped = bytes[i + 1];
      i += 2;
      switch (escaped) {
        case '"', '\\', '/' -> text.append((char) escaped);
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          int unit = 0;
          for (int k = 0; k < 4; k++) {
            int digit = Character.digit(bytes[i + k], 16);
            if (digit < 0) {
              throw GIVE_UP;
            }
            unit = unit * 16 + digit;
          }
          if (Character.isSurrogate((char) unit)) {
            throw GIVE_UP;
          }
          text.append((char) unit);
          i += 4;
        }
        default -> throw GIVE_UP;
      }
    }
    pos = i + 1;
    skipWhitespace();
    return text.toString();
  }

  /** The index of the closing quote of a string whose text starts at {@code start}; gives up unless plain. */
  private int plainStringEnd(int start) {
    int stop = stringEnd(start);
    if (stop < 0) {
      throw GIVE_UP;
    }
    return stop;
  }

  /**
   * The index of the closing quote of a string whose text starts at {@code start}, or -1 when it holds an escape;
   * gives up on any other byte that is not {@link #plainTextByte plain}.
   */
  private int stringEnd(int start) {
    int i = start;
    byte c;
    while ((c = bytes[i]) != '"') {
      if (!plainTextByte(c)) {
        if (c == '\\') {
          return -1;
        }
        throw GIVE_UP;
      }
      i++;
    }
    return i;
  }

  /**
   * Visible ASCII and space, without the backslash (an escape) and the apostrophe (which the Moshi single pass
   * leaves to its careful reading); the zero after the body is not one, so every scan stops there.
   */
  private static boolean plainTextByte(byte c) {
    return c >= 0x20 && c < 0x7f && c != '\\' && c != '\'';
  }

  /**
   * Consumes a JSON number token in plain notation ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}) and the whitespace after
   * it; an exponent, a longer token or anything else gives up.
   */
  private void skipNumber() {
    int start = pos;
    int i = pos;
    if (bytes[i] == '-') {
      i++;
    }
    if (bytes[i] == '0') {
      i++;
    } else if (isDigit(bytes[i])) {
      while (isDigit(bytes[i])) {
        i++;
      }
    } else {
      throw GIVE_UP;
    }
    if (bytes[i] == '.') {
      i++;
      if (!isDigit(bytes[i])) {
        throw GIVE_UP;
      }
      while (isDigit(bytes[i])) {
        i++;
      }
    }
    if (i - start > MAX_NUMBER_BYTES || !isDelimiterAt(i)) {
      throw GIVE_UP;
    }
    pos = i;
    skipWhitespace();
  }

  /** Where the number token that starts at {@code start} ends (just consumed by {@link #skipNumber}). */
  private int numberEnd(int start) {
    int i = start;
    while (isDigit(bytes[i]) || bytes[i] == '-' || bytes[i] == '.') {
      i++;
    }
    return i;
  }

  /** {@link JsonValues#plainDecimal} of the ASCII text in {@code bytes[start..stop)}. */
  private BigDecimal plainDecimal(int start, int stop) {
    if (stop - start > MAX_PLAIN_DECIMAL_BYTES) {
      throw GIVE_UP;
    }
    boolean negative = bytes[start] == '-';
    int first = negative ? start + 1 : start;
    if (first == stop) {
      throw GIVE_UP;
    }
    long unscaled = 0;
    int significant = 0;
    int scale = -1; // -1 until the point is seen, then the digits after it
    for (int k = first; k < stop; k++) {
      byte c = bytes[k];
      if (isDigit(c)) {
        if ((unscaled != 0 || c != '0') && ++significant > 18) {
          return longDecimal(first, stop, start);
        }
        unscaled = unscaled * 10 + (c - '0');
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0 && k > first && k < stop - 1) {
        scale = 0;
      } else {
        throw GIVE_UP;
      }
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
  }

  /**
   * A plain decimal of more than 18 significant digits (Bybit writes some amounts with 18 decimal places):
   * {@code new BigDecimal(text)}, as {@link JsonValues#readDecimal} makes it, once the text is checked to be the plain
   * form.
   */
  private BigDecimal longDecimal(int first, int stop, int start) {
    boolean point = false;
    for (int k = first; k < stop; k++) {
      byte c = bytes[k];
      if (c == '.' && !point && k > first && k < stop - 1) {
        point = true;
      } else if (!isDigit(c)) {
        throw GIVE_UP;
      }
    }
    return new BigDecimal(new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1));
  }

  /** The value of an optional minus and 1 to 18 digits in {@code bytes[start..stop)}; anything else gives up. */
  private Long plainLong(int start, int stop) {
    int first = bytes[start] == '-' && start < stop ? start + 1 : start;
    if (first == stop || stop - start > 18) {
      throw GIVE_UP;
    }
    long value = 0;
    for (int k = first; k < stop; k++) {
      byte c = bytes[k];
      if (!isDigit(c)) {
        throw GIVE_UP;
      }
      value = value * 10 + (c - '0');
    }
    return first > start ? -value : value;
  }

  /**
   * Consumes null (false), or a string without escapes or a number token (true), whose text is then
   * {@code bytes[textStart..textStop)}.
   */
  private boolean plainScalar() {
    byte c = bytes[pos];
    if (c == 'n') {
      literal("null");
      return false;
    }
    if (c == '"') {
      textStart = pos + 1;
      textStop = plainStringEnd(textStart);
      pos = textStop + 1;
      skipWhitespace();
    } else {
      textStart = pos;
      skipNumber();
      textStop = numberEnd(textStart);
    }
    return true;
  }

  /** A time given as a string, parsed as {@code format} reads it; null for null and "". */
  private <T> T readTime(DateTimeFormatter format, TemporalQuery<T> query) {
    String text = readTimeText();
    if (text == null) {
      return null;
    }
    try {
      return format.parse(text, query);
    } catch (DateTimeException e) {
      throw GIVE_UP;
    }
  }

  /** The text of a time given as a string, or null for null and ""; a number gives up. */
  private String readTimeText() {
    if (nextIsNull()) {
      return null;
    }
    if (bytes[pos] != '"') {
      throw GIVE_UP;
    }
    String text = readString();
    return text.isEmpty() ? null : text;
  }

  private void skipWhitespace() {
    while (isWhitespace(bytes[pos])) {
      pos++;
    }
  }

  private static boolean isWhitespace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** What may follow a number or literal: whitespace, a comma, a closing bracket, or the end. */
  private boolean isDelimiterAt(int i) {
    byte c = bytes[i];
    return isWhitespace(c) || c == ',' || c == '}' || c == ']' || (c == 0 && i == end);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
