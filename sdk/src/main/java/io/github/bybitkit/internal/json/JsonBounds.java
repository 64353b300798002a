package io.github.bybitkit.internal.json;

import io.github.bybitkit.internal.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;

/**
 * BybitKit's decoding limits, and one linear-time pass over a whole response body that enforces them together with
 * strict JSON syntax. The limits are far above anything Bybit sends (its decimals have under 40 characters, its
 * answers a few kilobytes and a depth under 10) and far below what makes decoding slow.
 *
 * <p>The pass is the careful reading's first step: a body is decoded in a single strict pass first (the value readers
 * in {@link JsonValues} hold these limits as they go), and only one that pass cannot take comes here. Because the pass
 * proves the body is strict JSON, the body can then be read by a lenient Moshi reader, which hands a number Moshi's
 * own number parsing mishandles (such as {@code 184467440737095516160}) over as its text instead of rejecting it.
 */
public final class JsonBounds {
  /** The largest response body read, in bytes (8 MiB). */
  public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
  /** The deepest nesting of objects and arrays. */
  public static final int MAX_DEPTH = 64;
  /** The longest number, as a JSON number or a numeric string, in characters. */
  public static final int MAX_NUMBER_CHARS = 200;
  /** The largest exponent magnitude of a number ({@code 1e1000} is allowed, {@code 1e1001} is not). */
  public static final int MAX_EXPONENT = 1000;

  private JsonBounds() {}

  /** A body that breaks JSON syntax or a limit; {@link #path()} says where. */
  public static final class Violation extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    Violation(String message, String path) {
      super(message, null, false, false);
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /**
   * Why {@code text} is not a number within the limits, or null when its length and exponent are within them.
   * Linear in the text's length and stops at the first character past the limit; does not check the syntax.
   */
  public static String numberProblem(CharSequence text) {
    if (text.length() > MAX_NUMBER_CHARS) {
      return "a number longer than " + MAX_NUMBER_CHARS + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        int j = i + 1;
        if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
          j++;
        }
        long exponent = 0;
        for (; j < text.length(); j++) {
          char d = text.charAt(j);
          if (d < '0' || d > '9') {
            return null; // not a number at all: left to the parser
          }
          exponent = exponent * 10 + (d - '0');
          if (exponent > MAX_EXPONENT) {
            return "a number with an exponent beyond \u00b1" + MAX_EXPONENT;
          }
        }
        return null;
      }
    }
    return null;
  }

  /** Checks a whole body. */
  public static void check(byte[] body) throws Violation {
    check(new Buffer().write(body));
  }

  /**
   * Checks a whole body in place: the buffer is neither consumed nor copied, and nothing is allocated per value (a
   * failure's path is built only when it is thrown).
   */
  public static void check(Buffer body) throws Violation {
    try (Buffer.UnsafeCursor cursor = body.readUnsafe(new Buffer.UnsafeCursor())) {
      new Pass(body.size(), cursor).document();
    }
  }

  private static final class Pass {
    private final long size;
    // The segment of the body being read: data[(int) (k - base)] is byte k, for lo <= k < hi.
    private final Buffer.UnsafeCursor cursor;
    private byte[] data;
    private long lo;
    private long hi;
    private long base;
    private long i;
    // Path segments of the open containers, kept as offsets so a success never decodes a name: segment s is the
    // name of nameLength[s] bytes at nameStart[s] (-1 while an object has no name yet: ""), or when it is
    // -2 the index of the current element, index[s].
    // Sized for Bybit's usual depth, grown for deeper bodies (up to MAX_DEPTH).
    private long[] nameStart = new long[8];
    private int[] nameLength = new int[8];
    private int[] index = new int[8];
    private int segments;

    Pass(long size, Buffer.UnsafeCursor cursor) {
      this.size = size;
      this.cursor = cursor;
    }

    /** Byte {@code k} of the body ({@code 0 <= k < size}). */
    private byte at(long k) {
      if (k < lo || k >= hi) {
        cursor.seek(k);
        data = cursor.data;
        lo = k;
        hi = k + (cursor.end - cursor.start);
        base = k - cursor.start;
      }
      return data[(int) (k - base)];
    }

    void document() throws Violation {
      whitespace();
      value();
      whitespace();
      if (i < size) {
        throw fail("unexpected content after the JSON value");
      }
    }

    private void value() throws Violation {
      if (i >= size) {
        throw fail("the JSON ends early");
      }
      byte c = at(i);
      switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            number();
          } else {
            throw fail("unexpected character '" + printable(c) + "'");
          }
        }
      }
    }

    private void object() throws Violation {
      open();
      i++;
      whitespace();
      if (peekIs('}')) {
        i++;
        close();
        return;
      }
      int segment = push();
      nameStart[segment] = -1;
      while (true) {
        whitespace();
        if (!peekIs('"')) {
          throw fail("expected a name");
        }
        long start = i + 1;
        string();
        nameStart[segment] = start;
        nameLength[segment] = (int) (i - 1 - start);
        whitespace();
        expect(':');
        whitespace();
        value();
        whitespace();
        if (peekIs(',')) {
          i++;
        } else if (peekIs('}')) {
          i++;
          segments--;
          close();
          return;
        } else {
          throw fail(i >= size ? "the JSON ends early" : "expected ',' or '}'");
        }
      }
    }

    private void array() throws Violation {
      open();
      i++;
      whitespace();
      if (peekIs(']')) {
        i++;
        close();
        return;
      }
      int segment = push();
      nameStart[segment] = -2;
      index[segment] = 0;
      while (true) {
        whitespace();
        value();
        whitespace();
        if (peekIs(',')) {
          i++;
          index[segment]++;
        } else if (peekIs(']')) {
          i++;
          segments--;
          close();
          return;
        } else {
          throw fail(i >= size ? "the JSON ends early" : "expected ',' or ']'");
        }
      }
    }

    /** A new path segment, its fields unset. */
    private int push() {
      if (segments == nameStart.length) {
        int length = segments * 2;
        nameStart = Arrays.copyOf(nameStart, length);
        nameLength = Arrays.copyOf(nameLength, length);
        index = Arrays.copyOf(index, length);
      }
      return segments++;
    }

    private int depth;

    private void open() throws Violation {
      if (++depth > MAX_DEPTH) {
        throw fail("nesting deeper than " + MAX_DEPTH + " levels");
      }
    }

    private void close() {
      depth--;
    }

    private void string() throws Violation {
      i++; // opening quote
      while (i < size) {
        byte c = at(i);
        if (c == '"') {
          i++;
          return;
        }
        if (c == '\\') {
          if (i + 1 >= size) {
            break;
          }
          byte e = at(i + 1);
          if (e == 'u') {
            for (int k = 2; k < 6; k++) {
              if (i + k >= size || Character.digit(at(i + k), 16) < 0) {
                throw fail("a bad \\u escape");
              }
            }
            i += 6;
          } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
            i += 2;
          } else {
            throw fail("a bad escape");
          }
          continue;
        }
        if ((c & 0xff) < 0x20) {
          throw fail("a control character in a string");
        }
        i++;
      }
      throw fail("the JSON ends early (in a string)");
    }

    private void number() throws Violation {
      long start = i;
      if (peekIs('-')) {
        i++;
      }
      if (peekIs('0')) {
        i++;
      } else if (digit()) {
        while (digit()) {
          i++;
          tooLong(start);
        }
      } else {
        throw fail("a bad number");
      }
      if (peekIs('.')) {
        i++;
        if (!digit()) {
          throw fail("a bad number");
        }
        while (digit()) {
          i++;
          tooLong(start);
        }
      }
      if (peekIs('e') || peekIs('E')) {
        i++;
        if (peekIs('+') || peekIs('-')) {
          i++;
        }
        if (!digit()) {
          throw fail("a bad number");
        }
        long exponent = 0;
        while (digit()) {
          exponent = exponent * 10 + (at(i) - '0');
          if (exponent > MAX_EXPONENT) {
            throw fail("a number with an exponent beyond \u00b1" + MAX_EXPONENT);
          }
          i++;
          tooLong(start);
        }
      }
    }

    private void tooLong(long start) throws Violation {
      if (i - start > MAX_NUMBER_CHARS) {
        throw fail("a number longer than " + MAX_NUMBER_CHARS + " characters");
      }
    }

    private boolean digit() {
      if (i >= size) {
        return false;
      }
      byte c = at(i);
      return c >= '0' && c <= '9';
    }

    private void literal(String word) throws Violation {
      for (int k = 0; k < word.length(); k++) {
        if (i + k >= size || at(i + k) != word.charAt(k)) {
          throw fail("unexpected character '" + printable(at(Math.min(i + k, size - 1))) + "'");
        }
      }
      i += word.length();
    }

    private void expect(char c) throws Violation {
      if (!peekIs(c)) {
        throw fail(i >= size ? "the JSON ends early" : "expected '" + c + "'");
      }
      i++;
    }

    private boolean peekIs(char c) {
      return i < size && at(i) == c;
    }

    private void whitespace() {
      while (i < size) {
        byte c = at(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        i++;
      }
    }

    private Violation fail(String problem) {
      StringBuilder text = new StringBuilder("$");
      for (int s = 0; s < segments; s++) {
        if (nameStart[s] == -2) {
          text.append('[').append(index[s]).append(']');
        } else {
          text.append('.').append(Redactor.shorten(name(s), 40));
        }
      }
      return new Violation(problem, text.toString());
    }

    /** The raw bytes of segment {@code s}'s name as UTF-8 text (escapes are left as written). */
    private String name(int s) {
      if (nameStart[s] < 0) {
        return "";
      }
      byte[] raw = new byte[nameLength[s]];
      for (int k = 0; k < raw.length; k++) {
        raw[k] = at(nameStart[s] + k);
      }
      return new String(raw, StandardCharsets.UTF_8);
    }

    private static String printable(byte c) {
      return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
    }
  }
}
