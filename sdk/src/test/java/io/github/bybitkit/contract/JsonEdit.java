package io.github.bybitkit.contract;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Structural edits of a JSON document for tests, done by streaming it token by token with Moshi (number literals are
 * copied as written, nulls kept).
 */
final class JsonEdit {
  private JsonEdit() {}

  /**
   * {@code json} with one more field, {@code name: valueJson}, at the end of the object at {@code objectPath}.
   *
   * @param objectPath the object's path as Moshi's {@link JsonReader#getPath()} spells it, e.g.
   *     {@code $.result.BTC} or {@code $.result[1].data}
   * @param valueJson the field's value as JSON text, e.g. {@code 1}
   * @throws IllegalArgumentException if there is no object at {@code objectPath}, or it has the field already
   */
  static String addField(String json, String objectPath, String name, String valueJson) {
    return edit(json, objectPath, name, valueJson, false);
  }

  /**
   * {@code json} with the value of the field {@code name} of the object at {@code objectPath} replaced by
   * {@code valueJson}.
   *
   * @throws IllegalArgumentException if there is no object at {@code objectPath}, or it has no such field
   */
  static String replaceField(String json, String objectPath, String name, String valueJson) {
    return edit(json, objectPath, name, valueJson, true);
  }

  /**
   * {@code json} without the field {@code name} of the object at {@code objectPath}.
   *
   * @throws IllegalArgumentException if there is no object at {@code objectPath}, or it has no such field
   */
  static String removeField(String json, String objectPath, String name) {
    return edit(json, objectPath, name, null, true);
  }

  private static String edit(String json, String objectPath, String name, String valueJson, boolean replace) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      Buffer out = new Buffer();
      Edit edit = new Edit(objectPath, name, valueJson, replace);
      try (JsonWriter writer = JsonWriter.of(out)) {
        writer.setSerializeNulls(true);
        copy(reader, writer, edit);
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("Content after the document at " + reader.getPath());
      }
      if (edit.done != 1) {
        throw new IllegalArgumentException("No object at " + objectPath
            + (replace ? " with a field '" : " without a field '") + name + "'");
      }
      return out.readUtf8();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Edit {
    final String objectPath;
    final String name;
    final String valueJson;
    final boolean replace;
    int done;

    Edit(String objectPath, String name, String valueJson, boolean replace) {
      this.objectPath = objectPath;
      this.name = name;
      this.valueJson = valueJson;
      this.replace = replace;
    }
  }

  /** Copies one value, applying the edit where it applies. */
  private static void copy(JsonReader r, JsonWriter w, Edit edit) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        boolean isTarget = r.getPath().equals(edit.objectPath);
        boolean seen = false;
        r.beginObject();
        w.beginObject();
        while (r.hasNext()) {
          String field = r.nextName();
          if (isTarget && field.equals(edit.name)) {
            seen = true;
            if (edit.replace) {
              r.skipValue();
              if (edit.valueJson != null) { // null: remove the field
                w.name(field);
                writeRaw(w, edit.valueJson);
              }
              edit.done++;
              continue;
            }
          }
          w.name(field);
          copy(r, w, edit);
        }
        if (isTarget && !edit.replace && !seen) {
          w.name(edit.name);
          writeRaw(w, edit.valueJson);
          edit.done++;
        }
        r.endObject();
        w.endObject();
      }
      case BEGIN_ARRAY -> {
        r.beginArray();
        w.beginArray();
        while (r.hasNext()) {
          copy(r, w, edit);
        }
        r.endArray();
        w.endArray();
      }
      case STRING -> w.value(r.nextString());
      case NUMBER -> writeRaw(w, r.nextString()); // the literal text, e.g. 9.996e-05
      case BOOLEAN -> w.value(r.nextBoolean());
      case NULL -> {
        r.nextNull();
        w.nullValue();
      }
      default -> throw new IllegalArgumentException("Unexpected " + r.peek() + " at " + r.getPath());
    }
  }

  private static void writeRaw(JsonWriter w, String json) throws IOException {
    try (BufferedSink sink = w.valueSink()) {
      sink.writeUtf8(json);
    }
  }
}
