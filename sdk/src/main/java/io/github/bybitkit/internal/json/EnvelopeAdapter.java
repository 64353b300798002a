package io.github.bybitkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.internal.V2Response;
import io.github.bybitkit.internal.V5Response;
import java.io.IOException;
import okio.BufferedSink;

/**
 * Reads and writes a v2 or v5 envelope around a result adapter. The result is decoded only when the return code is 0: an error
 * envelope's {@code result} ({@code null}, {@code {}}) must not hide the error behind a decoding failure. When
 * {@code result} comes before the code, the code is looked up ahead without consuming the input.
 */
public final class EnvelopeAdapter<T> extends JsonAdapter<Object> implements ByteJsonAdapter<Object> {
  private static final String[] V2_FIELDS = {"ret_code", "ret_msg", "ext_code", "ext_info", "result", "time_now",
      "rate_limit_status", "rate_limit_reset_ms", "rate_limit", "token"};
  private static final String[] V5_FIELDS = {"retCode", "retMsg", "result", "retExtInfo", "time"};
  private static final JsonReader.Options V2_NAMES = JsonReader.Options.of(V2_FIELDS);
  private static final JsonReader.Options V5_NAMES = JsonReader.Options.of(V5_FIELDS);
  private static final ByteJsonReader.Names V2_BYTE_NAMES = ByteJsonReader.Names.of(V2_FIELDS);
  private static final ByteJsonReader.Names V5_BYTE_NAMES = ByteJsonReader.Names.of(V5_FIELDS);

  private final EnvelopeKind kind;
  private final JsonAdapter<T> result;
  private final boolean strict;

  /**
   * @param result adapter of the result, or null for operations whose result is always null
   */
  public EnvelopeAdapter(EnvelopeKind kind, JsonAdapter<T> result, boolean strict) {
    this.kind = kind;
    this.result = result;
    this.strict = strict;
  }

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    return kind == EnvelopeKind.V2 ? readV2(reader) : readV5(reader);
  }

  private V2Response<T> readV2(JsonReader reader) throws IOException {
    Integer code = null;
    String msg = null;
    String extCode = null;
    String extInfo = null;
    T value = null;
    String timeNow = null;
    Integer status = null;
    Long resetMs = null;
    Integer limit = null;
    String token = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(V2_NAMES)) {
        case 0 -> code = JsonValues.readInt(reader);
        case 1 -> msg = JsonValues.readString(reader);
        case 2 -> extCode = text(reader);
        case 3 -> extInfo = text(reader);
        case 4 -> value = readResult(reader, code, "ret_code");
        case 5 -> timeNow = JsonValues.readString(reader);
        case 6 -> status = JsonValues.readInt(reader);
        case 7 -> resetMs = JsonValues.readLong(reader);
        case 8 -> limit = JsonValues.readInt(reader);
        case 9 -> token = text(reader);
        default -> JsonValues.skipUnknownField(reader, strict, "V2Envelope");
      }
    }
    reader.endObject();
    if (code == null) {
      throw new JsonDataException("Required field 'ret_code' missing at " + reader.getPath());
    }
    return new V2Response<>(code, msg, extCode, extInfo, value, timeNow, status, resetMs, limit, token);
  }

  private V5Response<T> readV5(JsonReader reader) throws IOException {
    Integer code = null;
    String msg = null;
    T value = null;
    String extInfo = null;
    Long time = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(V5_NAMES)) {
        case 0 -> code = JsonValues.readInt(reader);
        case 1 -> msg = JsonValues.readString(reader);
        case 2 -> value = readResult(reader, code, "retCode");
        case 3 -> extInfo = text(reader);
        case 4 -> time = JsonValues.readLong(reader);
        default -> JsonValues.skipUnknownField(reader, strict, "V5Envelope");
      }
    }
    reader.endObject();
    if (code == null) {
      throw new JsonDataException("Required field 'retCode' missing at " + reader.getPath());
    }
    return new V5Response<>(code, msg, value, extInfo, time);
  }

  private T readResult(JsonReader reader, Integer codeSoFar, String codeName) throws IOException {
    Integer code = codeSoFar != null ? codeSoFar : codeAhead(reader, codeName);
    if (result == null || (code != null && code != 0)) {
      JsonValues.skipValue(reader);
      return null;
    }
    return result.fromJson(reader);
  }

  /** Whether {@link #fromBytes} can read this operation's responses (its result adapter reads bytes too). */
  public boolean readsBytes() {
    return result == null || result instanceof ByteJsonAdapter<?>;
  }

  /** {@link #fromJson} from bytes; gives up where it would fail, and where the code follows the result. */
  @Override
  public Object fromBytes(ByteJsonReader reader) {
    return kind == EnvelopeKind.V2 ? readV2(reader) : readV5(reader);
  }

  private V2Response<T> readV2(ByteJsonReader reader) {
    Integer code = null;
    String msg = null;
    String extCode = null;
    String extInfo = null;
    T value = null;
    String timeNow = null;
    Integer status = null;
    Long resetMs = null;
    Integer limit = null;
    String token = null;
    reader.beginObject();
    while (reader.hasNextField()) {
      switch (reader.selectName(V2_BYTE_NAMES)) {
        case 0 -> code = reader.readInt();
        case 1 -> msg = reader.readString();
        case 2 -> extCode = text(reader);
        case 3 -> extInfo = text(reader);
        case 4 -> value = readResult(reader, code);
        case 5 -> timeNow = reader.readString();
        case 6 -> status = reader.readInt();
        case 7 -> resetMs = reader.readLong();
        case 8 -> limit = reader.readInt();
        case 9 -> token = text(reader);
        default -> reader.skipUnknownField(strict);
      }
    }
    if (code == null) {
      return reader.giveUp(); // the Moshi reading words the missing code
    }
    return new V2Response<>(code, msg, extCode, extInfo, value, timeNow, status, resetMs, limit, token);
  }

  private V5Response<T> readV5(ByteJsonReader reader) {
    Integer code = null;
    String msg = null;
    T value = null;
    String extInfo = null;
    Long time = null;
    reader.beginObject();
    while (reader.hasNextField()) {
      switch (reader.selectName(V5_BYTE_NAMES)) {
        case 0 -> code = reader.readInt();
        case 1 -> msg = reader.readString();
        case 2 -> value = readResult(reader, code);
        case 3 -> extInfo = text(reader);
        case 4 -> time = reader.readLong();
        default -> reader.skipUnknownField(strict);
      }
    }
    if (code == null) {
      return reader.giveUp(); // the Moshi reading words the missing code
    }
    return new V5Response<>(code, msg, value, extInfo, time);
  }

  private T readResult(ByteJsonReader reader, Integer code) {
    if (code == null) {
      return reader.giveUp(); // the code comes later: only the Moshi reading looks ahead for it
    }
    if (result == null || code != 0) {
      reader.skipValue();
      return null;
    }
    return reader.read(result);
  }

  private static String text(ByteJsonReader reader) {
    if (reader.nextIsNull()) {
      return null;
    }
    if (reader.atObject() || reader.atArray()) {
      return reader.readRawJson();
    }
    Boolean flag = reader.readBooleanLiteral();
    return flag != null ? String.valueOf(flag) : reader.readString();
  }

  /** The return code further on in this object, read without consuming anything. */
  private static Integer codeAhead(JsonReader reader, String codeName) throws IOException {
    JsonReader ahead = reader.peekJson();
    ahead.skipValue();
    while (ahead.hasNext()) {
      if (ahead.nextName().equals(codeName)) {
        return JsonValues.readInt(ahead);
      }
      ahead.skipValue();
    }
    return null;
  }

  /** A field whose JSON type varied (string, number, object): its text, objects and arrays as raw JSON. */
  private static String text(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case NULL -> reader.nextNull();
      case BEGIN_OBJECT, BEGIN_ARRAY -> JsonValues.readRawJson(reader);
      case BOOLEAN -> String.valueOf(reader.nextBoolean());
      default -> JsonValues.readString(reader);
    };
  }

  /**
   * Writes the envelope in the field order Bybit uses. Null fields follow the writer's {@code serializeNulls}. The
   * fields kept as text ({@code ext_code}, {@code ext_info}, {@code token}, {@code retExtInfo}) are written back as
   * raw JSON when they were an object or array, else as strings. An error envelope's result was never decoded, so
   * it is written as null.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void toJson(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (kind == EnvelopeKind.V2 && value instanceof V2Response<?> v2) {
      writeV2(writer, (V2Response<T>) v2);
    } else if (kind == EnvelopeKind.V5 && value instanceof V5Response<?> v5) {
      writeV5(writer, (V5Response<T>) v5);
    } else {
      throw new IllegalArgumentException("Not a " + kind + " envelope: " + value.getClass().getName());
    }
  }

  private void writeV2(JsonWriter writer, V2Response<T> value) throws IOException {
    writer.beginObject();
    writer.name("ret_code").value(value.retCode());
    writer.name("ret_msg").value(value.retMsg());
    writer.name("ext_code");
    writeText(writer, value.extCode());
    writer.name("ext_info");
    writeText(writer, value.extInfo());
    writer.name("result");
    writeResult(writer, value.result());
    writer.name("time_now").value(value.timeNow());
    writer.name("rate_limit_status").value(value.rateLimitStatus());
    writer.name("rate_limit_reset_ms").value(value.rateLimitResetMs());
    writer.name("rate_limit").value(value.rateLimit());
    writer.name("token");
    writeText(writer, value.token());
    writer.endObject();
  }

  private void writeV5(JsonWriter writer, V5Response<T> value) throws IOException {
    writer.beginObject();
    writer.name("retCode").value(value.retCode());
    writer.name("retMsg").value(value.retMsg());
    writer.name("result");
    writeResult(writer, value.result());
    writer.name("retExtInfo");
    writeText(writer, value.retExtInfo());
    writer.name("time").value(value.time());
    writer.endObject();
  }

  private void writeResult(JsonWriter writer, T value) throws IOException {
    if (value == null || result == null) {
      writer.nullValue();
    } else {
      result.toJson(writer, value);
    }
  }

  /** The inverse of {@link #text}: objects and arrays go back as raw JSON, everything else as a string. */
  private static void writeText(JsonWriter writer, String text) throws IOException {
    if (text != null && (text.startsWith("{") || text.startsWith("["))) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(text);
      }
    } else {
      writer.value(text);
    }
  }

  @Override
  public String toString() {
    return "EnvelopeAdapter(" + kind + ", " + result + ")";
  }
}
