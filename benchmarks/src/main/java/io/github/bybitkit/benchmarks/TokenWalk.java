package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * The floor for a Moshi-based decoder: every token read, every name and value read as text, nothing built.
 */
public final class TokenWalk {
  private TokenWalk() {}

  /** The total length of the names and values read, so the JIT cannot drop the reads. */
  public static long walk(byte[] body) {
    return walk(JsonReader.of(new Buffer().write(body)));
  }

  /** Walks the reader to the end of the document and closes it. */
  public static long walk(JsonReader source) {
    long chars = 0;
    try (JsonReader reader = source) {
      while (true) {
        switch (reader.peek()) {
          case BEGIN_OBJECT -> reader.beginObject();
          case END_OBJECT -> reader.endObject();
          case BEGIN_ARRAY -> reader.beginArray();
          case END_ARRAY -> reader.endArray();
          case NAME -> chars += reader.nextName().length();
          case STRING, NUMBER -> chars += reader.nextString().length();
          case BOOLEAN -> chars += reader.nextBoolean() ? 4 : 5;
          case NULL -> reader.nextNull();
          case END_DOCUMENT -> {
            return chars;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
