package io.github.bybitkit.testkit;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A small JSON tree that keeps number literals as written ({@code 9.996e-05}, {@code 0.07062500000000001} and
 * {@code 1002} come back out unchanged), so answers derived from recorded files keep their exact values and JSON
 * types. Values: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String},
 * {@link Num}, {@code Boolean} and {@code null}.
 */
final class Json {
  private Json() {}

  /** A JSON number, by its literal text. */
  record Num(String text) {
    static Num of(BigDecimal value) {
      return new Num(value.toPlainString());
    }

    static Num of(long value) {
      return new Num(Long.toString(value));
    }

    BigDecimal decimal() {
      return new BigDecimal(text);
    }
  }

  static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("data after the JSON value at " + reader.getPath());
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        // On a streaming reader nextString() gives the literal text of a number.
        return new Num(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalArgumentException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** A deep copy, so a template can be changed without touching the original. */
  @SuppressWarnings("unchecked")
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, was " + write(value));
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(Object value) {
    if (!(value instanceof List<?>)) {
      throw new IllegalArgumentException("expected a JSON array, was " + write(value));
    }
    return (List<Object>) value;
  }

  /** Compact JSON text. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String text) {
      writeString(out, text);
    } else if (value instanceof Num number) {
      out.append(number.text());
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
