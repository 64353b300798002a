package io.github.bybitkit.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/** The start of an error response's body and its content type, read once so that mapping it needs no I/O. */
record ErrorBody(String contentType, ByteString bytes) {
  /** How much of an error body is kept: enough for any envelope or the top of an HTML page. */
  static final long LIMIT = 64 * 1024;

  /** Reads up to {@link #LIMIT} bytes and closes the body; null (no body) reads as empty. */
  static ErrorBody read(ResponseBody body) {
    if (body == null) {
      return new ErrorBody(null, ByteString.EMPTY);
    }
    String contentType = null;
    Buffer bytes = new Buffer();
    try (body) {
      MediaType type = body.contentType();
      contentType = type == null ? null : type.toString();
      BufferedSource source = body.source();
      source.request(LIMIT);
      bytes.write(source.getBuffer(), Math.min(source.getBuffer().size(), LIMIT));
    } catch (IOException | RuntimeException e) {
      // Keep what was read; the status says enough.
    }
    return new ErrorBody(contentType, bytes.readByteString());
  }
}
