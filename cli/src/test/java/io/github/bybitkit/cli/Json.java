package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** Test checks on JSON text. */
final class Json {
  private Json() {}

  /** Fails unless {@code text} is exactly one valid JSON value (strict parsing, nothing after it). */
  static void assertValid(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      reader.setLenient(false);
      reader.skipValue();
      assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(), "text after the JSON value");
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + text, e);
    }
  }
}
