package io.github.bybitkit.cli;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON text as a tree of {@code Map} (field order kept), {@code List}, {@code String}, {@link Number}, {@code Boolean}
 * and {@code null}. Numbers keep their literal text, so nothing passes through {@code double}.
 */
final class JsonTree {
  /** A JSON number, exactly as written. */
  record Number(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private JsonTree() {}

  static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      // The text is ResultJson's own valid JSON. Lenient reading only makes Moshi hand over as text the long
      // numbers its number parsing rejects (a 1 and 100 zeros); those then show left-aligned, as text.
      reader.setLenient(true);
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does no I/O; malformed JSON is a JsonEncodingException
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      }
      case NUMBER -> {
        // On a streaming reader nextString() returns a number's literal text.
        return new Number(reader.nextString());
      }
      case STRING -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new IllegalStateException("Unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }
}
