package io.github.bybitkit.internal;

import io.github.bybitkit.internal.json.BybitResultAdapters;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.internal.json.ByteJsonReader;
import io.github.bybitkit.internal.json.EnvelopeAdapter;
import io.github.bybitkit.internal.json.JsonBounds;
import io.github.bybitkit.internal.json.JsonValues;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit conversions of BybitKit: envelopes (with the operation's result adapter from {@link OperationInfo}),
 * JSON bodies built by the generated clients, and query values (decimals in plain notation, enums as their wire
 * value, dates as yyyy-MM-dd).
 */
public final class BybitConverterFactory extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  // Half of what Okio's segment pool keeps per thread (64 KiB): the body and its whole copy both fit in it.
  private static final long WHOLE_COPY_BYTES = 32 * 1024;
  private static final Object NOT_READ = new Object();

  private final Moshi moshi;
  private final boolean strict;
  private final Redactor redactor;

  public BybitConverterFactory(Moshi moshi, boolean strict, Redactor redactor) {
    this.moshi = moshi;
    this.strict = strict;
    this.redactor = redactor;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = Types.getRawType(type);
    if (raw != V2Response.class && raw != V5Response.class) {
      return null;
    }
    OperationInfo op = operation(annotations);
    JsonAdapter<Object> envelope = envelopeAdapter(op, moshi, strict);
    return body -> {
      // Read the whole body first: a failure while reading is the network's (an IOException for the transport),
      // a failure while parsing what arrived is the body's.
      Buffer bytes;
      try (body) {
        bytes = readBounded(op, body.source());
      }
      return decode(op, envelope, bytes, redactor);
    };
  }

  /**
   * Parses a complete response body.
   *
   * <p>Nearly every body is plain JSON, which the quick reading takes straight from a copy of its bytes
   * ({@link #readBytes}). Any other body, and any the quick reading gives up on, goes to the Moshi readings; nearly
   * every one of those is valid JSON within {@link JsonBounds}: it is read once, by a strict reader, while the value
   * readers ({@link JsonValues}) refuse what a strict reader would let through that the limits do not (see
   * {@link JsonValues#isSinglePass}). Any failure of that single pass, or anything it cannot judge on its own, sends
   * the body to {@link #decodeCarefully}, which proves it against the limits first and words every failure; so
   * failures read exactly as they always did, and only they pay for a second reading.
   *
   * @param bytes the whole body; consumed
   * @throws BybitDecodingException naming the operation and the JSON path where parsing failed; the parser's own
   *     exception is not kept as the cause, since its message may quote the body (which can hold the API key)
   */
  public static Object decode(OperationInfo op, JsonAdapter<Object> envelope, Buffer bytes, Redactor redactor) {
    if (envelope instanceof EnvelopeAdapter<?> quick && quick.readsBytes()) {
      Object value = readBytes(quick, bytes);
      if (value != NOT_READ) {
        bytes.clear();
        return value;
      }
    }
    // The body stays whole for a careful reading. The single pass reads a copy in the reader's own pooled segments;
    // sharing segments instead (Buffer.copy(), peek()) would keep every one of them out of Okio's pool, so each body
    // would cost its size in new segments. A small body is copied whole, so the reader reads a plain Buffer; a large
    // one a segment at a time as the reader goes, so the two copies never hold more than Okio's pool keeps.
    CopyingSource copying = new CopyingSource(bytes);
    BufferedSource source;
    if (bytes.size() <= WHOLE_COPY_BYTES) {
      Buffer copy = new Buffer();
      while (copying.read(copy, WHOLE_COPY_BYTES) != -1) {
        // copied a segment
      }
      source = copy;
    } else {
      source = Okio.buffer(copying);
    }
    JsonReader reader = JsonReader.of(source);
    try {
      Object value = envelope.fromJson(reader);
      if (reader.peek() == JsonReader.Token.END_DOCUMENT) {
        reader.close();
        bytes.clear();
        return value;
      }
    } catch (IOException | RuntimeException e) {
      // read again below, carefully: that reading decides what the failure is and says it
    }
    return decodeCarefully(op, envelope, bytes, redactor);
  }

  /**
   * The quick reading ({@link ByteJsonReader}) of a copy of the body, for the plain JSON Bybit sends: values are made
   * straight from the bytes. {@link #NOT_READ} when it gives up (or anything else fails), leaving the body, untouched,
   * to the Moshi readings, which alone decide what is invalid and say why.
   */
  private static Object readBytes(EnvelopeAdapter<?> envelope, Buffer bytes) {
    byte[] array = new byte[Math.toIntExact(bytes.size()) + 1]; // the last byte stays 0: the reader's end mark
    try (Buffer.UnsafeCursor cursor = bytes.readUnsafe()) {
      int at = 0;
      for (int n = cursor.seek(0); n != -1; n = cursor.next()) {
        System.arraycopy(cursor.data, cursor.start, array, at, n);
        at += n;
      }
    }
    try {
      ByteJsonReader reader = new ByteJsonReader(array, array.length - 1);
      Object value = envelope.fromBytes(reader);
      return reader.atEnd() ? value : NOT_READ;
    } catch (RuntimeException e) {
      return NOT_READ; // mostly ByteJsonReader.GiveUp; a model's own check that fails is worded by the Moshi reading
    }
  }

  /**
   * The careful reading: the whole body is checked against {@link JsonBounds} (strict syntax and every limit), then
   * read by a lenient reader, since only the lenient one takes the numbers Moshi's own number parsing mishandles
   * (such as {@code 184467440737095516160}).
   */
  private static Object decodeCarefully(OperationInfo op, JsonAdapter<Object> envelope, Buffer bytes,
      Redactor redactor) {
    try {
      JsonBounds.check(bytes); // in place: no copy, and the buffer stays whole
    } catch (JsonBounds.Violation v) {
      String problem = (endsEarly(bytes) ? "the JSON ends early (truncated body): " : "") + v.getMessage();
      throw unreadable(op, redactor.redact(v.path()), redactor.redact(problem)); // names come from the body
    }
    JsonReader reader = JsonReader.of(bytes);
    reader.setLenient(true); // the body is proven strict JSON above
    try {
      Object value = envelope.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("Unexpected content after the response object at " + reader.getPath());
      }
      reader.close();
      return value;
    } catch (IOException | JsonDataException e) {
      String problem = redactor.redact(String.valueOf(e.getMessage()));
      throw unreadable(op, redactor.redact(reader.getPath()), problem + " (" + e.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      // A value the generated code rejects (a range, a time out of bounds, ...): still a decoding failure.
      throw unreadable(op, redactor.redact(reader.getPath()),
          redactor.redact(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The bytes of a buffer, read without consuming or sharing it. */
  private static final class CopyingSource implements Source {
    private final Buffer whole;
    private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
    private long position;

    CopyingSource(Buffer whole) {
      this.whole = whole;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (position == whole.size()) {
        return -1;
      }
      try (Buffer.UnsafeCursor segment = whole.readUnsafe(cursor)) {
        segment.seek(position);
        int count = (int) Math.min(byteCount, segment.end - segment.start);
        sink.write(segment.data, segment.start, count);
        position += count;
        return count;
      }
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static BybitDecodingException unreadable(OperationInfo op, String path, String problem) {
    return new BybitDecodingException(op.operationId(), "cannot read the response of " + op.httpMethod() + " "
        + op.path() + " at " + path + ": " + problem, path, null);
  }

  /**
   * Reads a whole body of at most {@link JsonBounds#MAX_BODY_BYTES}.
   *
   * @throws BybitDecodingException when the body is larger (the rest is not read)
   * @throws IOException when reading fails
   */
  public static Buffer readBounded(OperationInfo op, BufferedSource source) throws IOException {
    if (source.request(JsonBounds.MAX_BODY_BYTES + 1)) {
      throw new BybitDecodingException(op.operationId(), "the response of " + op.httpMethod() + " " + op.path()
          + " is larger than BybitKit's limit of " + JsonBounds.MAX_BODY_BYTES + " bytes; not read", "$", null);
    }
    Buffer bytes = new Buffer();
    bytes.writeAll(source);
    return bytes;
  }

  /** The adapter that reads the whole response of an operation, envelope included. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static JsonAdapter<Object> envelopeAdapter(OperationInfo op, Moshi moshi, boolean strict) {
    return new EnvelopeAdapter(op.envelope(), BybitResultAdapters.create(op, moshi, strict), strict);
  }

  /** Whether the text stops inside a string or with an object or array still open. */
  private static boolean endsEarly(Buffer bytes) {
    String text = bytes.readUtf8();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return inString || depth > 0;
  }

  private static OperationInfo operation(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof BybitEndpoint endpoint) {
        return BybitOperations.byId(endpoint.operationId());
      }
    }
    throw new IllegalArgumentException("A Retrofit method returning an envelope needs @BybitEndpoint");
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (Types.getRawType(type) != Map.class) {
      return null;
    }
    return (Map<?, ?> fields) -> {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        writer.beginObject();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
          writer.name(String.valueOf(field.getKey()));
          writeValue(writer, field.getValue());
        }
        writer.endObject();
      }
      return RequestBody.create(buffer.readByteString(), JSON);
    };
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof BigDecimal d) {
      JsonValues.writeDecimalNumber(writer, d);
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Integer || value instanceof Long) {
      writer.value((Number) value);
    } else {
      throw new IllegalArgumentException("Unsupported JSON body value of type " + value.getClass().getName());
    }
  }

  @Override
  public Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = Types.getRawType(type);
    if (raw == BigDecimal.class) {
      return (BigDecimal value) -> value.toPlainString();
    }
    if (BybitEnum.class.isAssignableFrom(raw)) {
      return (BybitEnum value) -> value.wireValue();
    }
    return null; // String, Integer, Long, Boolean, LocalDate: toString() is the wire form
  }
}
