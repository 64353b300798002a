package io.github.bybitkit.contract;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A parsed JSON value that keeps every number literal as written ({@code 1.10}, {@code 9.996e-05}), so comparisons
 * and reports can be exact. Parsed with Moshi's streaming reader, whose {@code nextString()} returns a number's
 * literal text.
 */
sealed interface Json {

  /** An object; field order as in the document. */
  record Obj(Map<String, Json> fields) implements Json {
    public Obj {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  record Arr(List<Json> items) implements Json {
    public Arr {
      items = List.copyOf(items);
    }
  }

  record Str(String value) implements Json {}

  /** A number, as its literal text. */
  record Num(String literal) implements Json {
    BigDecimal value() {
      return new BigDecimal(literal);
    }

    /** Whether the value is a whole number ({@code 2}, {@code 2.0}, {@code 2e3}). */
    boolean isIntegral() {
      BigDecimal v = value();
      return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
  }

  record Bool(boolean value) implements Json {}

  record Null() implements Json {}

  Null NULL = new Null();

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException if the text is not exactly one JSON value, or an object repeats a key
   */
  static Json parse(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Json value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("Content after the JSON value at " + reader.getPath());
      }
      return value;
    } catch (IOException | com.squareup.moshi.JsonDataException e) {
      throw new IllegalArgumentException("Not a JSON document: " + e.getMessage(), e);
    }
  }

  private static Json read(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Json> fields = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          String name = r.nextName();
          if (fields.containsKey(name)) {
            throw new IllegalArgumentException("Repeated key '" + name + "' at " + r.getPath());
          }
          fields.put(name, read(r));
        }
        r.endObject();
        return new Obj(fields);
      }
      case BEGIN_ARRAY -> {
        List<Json> items = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          items.add(read(r));
        }
        r.endArray();
        return new Arr(items);
      }
      case STRING -> {
        return new Str(r.nextString());
      }
      case NUMBER -> {
        return new Num(r.nextString());
      }
      case BOOLEAN -> {
        return new Bool(r.nextBoolean());
      }
      case NULL -> {
        r.nextNull();
        return NULL;
      }
      default -> throw new IllegalArgumentException("Unexpected " + r.peek() + " at " + r.getPath());
    }
  }

  /** The JSON type's name as the spec spells types: object, array, string, number, integer, boolean, null. */
  default String typeName() {
    if (this instanceof Obj) {
      return "object";
    } else if (this instanceof Arr) {
      return "array";
    } else if (this instanceof Str) {
      return "string";
    } else if (this instanceof Num n) {
      return n.isIntegral() ? "integer" : "number";
    } else if (this instanceof Bool) {
      return "boolean";
    }
    return "null";
  }

  /** Compact JSON text, number literals unchanged. */
  default String text() {
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      writer.setSerializeNulls(true);
      write(writer, this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.readUtf8();
  }

  /** {@link #text()} cut to about {@code max} characters, for reports. */
  default String shortText(int max) {
    String text = text();
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  private static void write(JsonWriter w, Json value) throws IOException {
    if (value instanceof Obj o) {
      w.beginObject();
      for (Map.Entry<String, Json> field : o.fields().entrySet()) {
        w.name(field.getKey());
        write(w, field.getValue());
      }
      w.endObject();
    } else if (value instanceof Arr a) {
      w.beginArray();
      for (Json item : a.items()) {
        write(w, item);
      }
      w.endArray();
    } else if (value instanceof Str s) {
      w.value(s.value());
    } else if (value instanceof Num n) {
      try (BufferedSink sink = w.valueSink()) {
        sink.writeUtf8(n.literal());
      }
    } else if (value instanceof Bool b) {
      w.value(b.value());
    } else {
      w.nullValue();
    }
  }

  /** {@code parent} extended by a field name, in the path syntax of Moshi's {@code JsonReader.getPath()}. */
  static String fieldPath(String parent, String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? parent + "." + name : parent + "['" + name + "']";
  }

  static String itemPath(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
