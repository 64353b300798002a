package io.github.bybitkit.internal.json;

import io.github.bybitkit.internal.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * BybitKit's decoding limits, and one linear-time pass over a whole response body that enforces them together with
 * strict JSON syntax before Moshi reads it. The limits are far above anything Bybit sends (its decimals have under
 * 40 characters, its answers a few kilobytes and a depth under 10) and far below what makes decoding slow.
 *
 * <p>Because the pass proves the body is strict JSON, the body can then be read by a lenient Moshi reader, which
 * hands a number Moshi's own number parsing mishandles (such as {@code 184467440737095516160}) over as its text
 * instead of rejecting it.
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
    new Pass(body).document();
  }

  private static final class Pass {
    private final byte[] b;
    private int i;
    // Path segments of the open containers: a key (String) or the index of the current element (int[1]).
    private final List<Object> path = new ArrayList<>();

    Pass(byte[] b) {
      this.b = b;
    }

    void document() throws Violation {
      whitespace();
      value();
      whitespace();
      if (i < b.length) {
        throw fail("unexpected content after the JSON value");
      }
    }

    private void value() throws Violation {
      if (i >= b.length) {
        throw fail("the JSON ends early");
      }
      byte c = b[i];
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
      path.add("");
      while (true) {
        whitespace();
        if (!peekIs('"')) {
          throw fail("expected a name");
        }
        int start = i + 1;
        string();
        path.set(path.size() - 1, new String(b, start, i - 1 - start, java.nio.charset.StandardCharsets.UTF_8));
        whitespace();
        expect(':');
        whitespace();
        value();
        whitespace();
        if (peekIs(',')) {
          i++;
        } else if (peekIs('}')) {
          i++;
          path.remove(path.size() - 1);
          close();
          return;
        } else {
          throw fail(i >= b.length ? "the JSON ends early" : "expected ',' or '}'");
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
      int[] index = {0};
      path.add(index);
      while (true) {
        whitespace();
        value();
        whitespace();
        if (peekIs(',')) {
          i++;
          index[0]++;
        } else if (peekIs(']')) {
          i++;
          path.remove(path.size() - 1);
          close();
          return;
        } else {
          throw fail(i >= b.length ? "the JSON ends early" : "expected ',' or ']'");
        }
      }
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
      while (i < b.length) {
        byte c = b[i];
        if (c == '"') {
          i++;
          return;
        }
        if (c == '\\') {
          if (i + 1 >= b.length) {
            break;
          }
          byte e = b[i + 1];
          if (e == 'u') {
            for (int k = 2; k < 6; k++) {
              if (i + k >= b.length || Character.digit(b[i + k], 16) < 0) {
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
      int start = i;
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
          exponent = exponent * 10 + (b[i] - '0');
          if (exponent > MAX_EXPONENT) {
            throw fail("a number with an exponent beyond \u00b1" + MAX_EXPONENT);
          }
          i++;
          tooLong(start);
        }
      }
    }

    private void tooLong(int start) throws Violation {
      if (i - start > MAX_NUMBER_CHARS) {
        throw fail("a number longer than " + MAX_NUMBER_CHARS + " characters");
      }
    }

    private boolean digit() {
      return i < b.length && b[i] >= '0' && b[i] <= '9';
    }

    private void literal(String word) throws Violation {
      for (int k = 0; k < word.length(); k++) {
        if (i + k >= b.length || b[i + k] != word.charAt(k)) {
          throw fail("unexpected character '" + printable(b[Math.min(i + k, b.length - 1)]) + "'");
        }
      }
      i += word.length();
    }

    private void expect(char c) throws Violation {
      if (!peekIs(c)) {
        throw fail(i >= b.length ? "the JSON ends early" : "expected '" + c + "'");
      }
      i++;
    }

    private boolean peekIs(char c) {
      return i < b.length && b[i] == c;
    }

    private void whitespace() {
      while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
        i++;
      }
    }

    private Violation fail(String problem) {
      StringBuilder text = new StringBuilder("$");
      for (Object segment : path) {
        if (segment instanceof int[] index) {
          text.append('[').append(index[0]).append(']');
        } else {
          String name = (String) segment;
          text.append('.').append(Redactor.shorten(name, 40));
        }
      }
      return new Violation(problem, text.toString());
    }

    private static String printable(byte c) {
      return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
    }
  }
}
