package io.github.bybitkit.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.internal.V2Response;
import io.github.bybitkit.internal.V5Response;
import java.io.IOException;
import java.math.BigDecimal;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Writing envelopes: the inverse of reading them, field for field. */
class EnvelopeAdapterTest {
  private static final Moshi MOSHI = BybitMoshi.create(true);
  private static final JsonAdapter<BigDecimal> DECIMAL = MOSHI.adapter(BigDecimal.class);

  private static String write(EnvelopeAdapter<?> adapter, Object value, boolean serializeNulls) throws IOException {
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      writer.setSerializeNulls(serializeNulls);
      adapter.toJson(writer, value);
    }
    return out.readUtf8();
  }

  private static Object read(EnvelopeAdapter<?> adapter, String json) throws IOException {
    return adapter.fromJson(JsonReader.of(new Buffer().writeUtf8(json)));
  }

  @Test
  void writesAV2EnvelopeThatReadsBackEqual() throws IOException {
    EnvelopeAdapter<BigDecimal> adapter = new EnvelopeAdapter<>(EnvelopeKind.V2, DECIMAL, true);
    String json = "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":{\"a\":[1,2.50]},"
        + "\"result\":0.00009996,\"time_now\":\"1577480720.003444\",\"rate_limit_status\":74,"
        + "\"rate_limit_reset_ms\":1577480720008,\"rate_limit\":75,\"token\":\"t\"}";

    Object decoded = read(adapter, json);

    assertEquals(json, write(adapter, decoded, false));
    assertEquals(decoded, read(adapter, write(adapter, decoded, false)));
  }

  @Test
  void writesAV5EnvelopeWithItsExtraInfoAsRawJson() throws IOException {
    EnvelopeAdapter<BigDecimal> adapter = new EnvelopeAdapter<>(EnvelopeKind.V5, DECIMAL, true);
    String json = "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":\"1.10\",\"retExtInfo\":{},\"time\":1774319291127}";

    // "1.10" is written as the number 1.10: the decimal keeps its digits, BigDecimal's adapter writes numbers.
    assertEquals("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":1.10,\"retExtInfo\":{},\"time\":1774319291127}",
        write(adapter, read(adapter, json), false));
  }

  @Test
  void nullFieldsFollowTheWritersSerializeNulls() throws IOException {
    EnvelopeAdapter<BigDecimal> adapter = new EnvelopeAdapter<>(EnvelopeKind.V2, DECIMAL, true);
    V2Response<BigDecimal> value = new V2Response<>(10003, "invalid api_key", null, null, null, null, null, null,
        null, null);

    assertEquals("{\"ret_code\":10003,\"ret_msg\":\"invalid api_key\"}", write(adapter, value, false));
    assertEquals("{\"ret_code\":10003,\"ret_msg\":\"invalid api_key\",\"ext_code\":null,\"ext_info\":null,"
        + "\"result\":null,\"time_now\":null,\"rate_limit_status\":null,\"rate_limit_reset_ms\":null,"
        + "\"rate_limit\":null,\"token\":null}", write(adapter, value, true));
  }

  @Test
  void anErrorEnvelopesResultIsNotDecodedSoItIsWrittenAsNull() throws IOException {
    EnvelopeAdapter<BigDecimal> adapter = new EnvelopeAdapter<>(EnvelopeKind.V5, DECIMAL, true);

    Object decoded = read(adapter, "{\"retCode\":10006,\"retMsg\":\"Too many visits!\",\"result\":{},\"retExtInfo\":{}}");

    assertEquals("{\"retCode\":10006,\"retMsg\":\"Too many visits!\",\"result\":null,\"retExtInfo\":{},"
        + "\"time\":null}", write(adapter, decoded, true));
  }

  @Test
  void refusesTheOtherEnvelopeKind() {
    EnvelopeAdapter<BigDecimal> adapter = new EnvelopeAdapter<>(EnvelopeKind.V2, DECIMAL, true);
    V5Response<BigDecimal> v5 = new V5Response<>(0, "OK", null, "{}", 1L);

    assertThrows(IllegalArgumentException.class, () -> write(adapter, v5, false));
  }
}
