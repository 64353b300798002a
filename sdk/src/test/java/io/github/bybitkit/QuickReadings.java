package io.github.bybitkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.json.ByteJsonReader;
import io.github.bybitkit.internal.json.EnvelopeAdapter;
import io.github.bybitkit.internal.json.JsonBounds;
import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.util.Arrays;
import okio.Buffer;

/** The three readings of a body the converter tries, each on its own, for tests that compare them. */
final class QuickReadings {
  /** The quick reading gave up (the converter then goes on to the Moshi readings). */
  static final Object GAVE_UP = new Object();
  /** The Moshi reading refused the body. */
  static final Object INVALID = new Object();

  private QuickReadings() {}

  /** What the client's quick reading returns for a body, or GAVE_UP: as the converter, on any RuntimeException. */
  static Object quick(OperationInfo op, boolean strict, byte[] body) {
    EnvelopeAdapter<?> envelope =
        (EnvelopeAdapter<?>) BybitConverterFactory.envelopeAdapter(op, BybitJson.moshi(strict), strict);
    if (!envelope.readsBytes()) {
      return GAVE_UP;
    }
    ByteJsonReader reader = new ByteJsonReader(Arrays.copyOf(body, body.length + 1), body.length);
    try {
      Object value = envelope.fromBytes(reader);
      return reader.atEnd() ? value : GAVE_UP;
    } catch (RuntimeException e) {
      return GAVE_UP;
    }
  }

  /** What the careful Moshi reading returns: the body proven against JsonBounds, then read leniently; or INVALID. */
  static Object careful(OperationInfo op, boolean strict, byte[] body) {
    Buffer buffer = new Buffer().write(body);
    try {
      JsonBounds.check(buffer);
    } catch (JsonBounds.Violation e) {
      return INVALID;
    }
    JsonReader reader = JsonReader.of(buffer);
    reader.setLenient(true);
    return readWhole(op, strict, reader);
  }

  /** What the converter's strict single pass returns when it succeeds, or INVALID (the body then goes on). */
  static Object singlePass(OperationInfo op, boolean strict, byte[] body) {
    return readWhole(op, strict, JsonReader.of(new Buffer().write(body)));
  }

  private static Object readWhole(OperationInfo op, boolean strict, JsonReader reader) {
    JsonAdapter<Object> envelope = BybitConverterFactory.envelopeAdapter(op, BybitJson.moshi(strict), strict);
    try {
      Object value = envelope.fromJson(reader);
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? value : INVALID;
    } catch (IOException | RuntimeException e) {
      return INVALID;
    }
  }
}
