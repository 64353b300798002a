package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.json.JsonBounds;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding reads a body once, with a strict reader, and only a failure sends it to the careful reading (the
 * JsonBounds pass, then a lenient reader). These tests hold the single pass to the same answers: every recorded
 * answer is read by it alone, and what a strict Moshi reader would let through but JSON or BybitKit's limits do not
 * is still refused, wherever it is in the body, with the careful reading's words.
 */
class SinglePassDecodingTest {
  private final BybitJson.ResponseDecoder balances = BybitJson.decoder(BybitOperations.GET_BALANCES, false);

  private static String balancesWith(String extraField, String equityJson) {
    return "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":{\"BTC\":{"
        + extraField + "\"equity\":" + equityJson + "}},\"time_now\":\"1578284274.816029\"}";
  }

  @SuppressWarnings("unchecked")
  private BigDecimal equity(String body) {
    Map<String, BybitBalance> result = (Map<String, BybitBalance>) balances.result(bytes(body));
    return result.get("BTC").equity();
  }

  private BybitDecodingException refused(String body) {
    return assertThrows(BybitDecodingException.class, () -> balances.result(bytes(body)));
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyRecordedAnswerIsReadInTheSinglePass() throws IOException {
    List<String> read = new ArrayList<>();
    for (RecordedResponses.Body recorded : RecordedResponses.all()) {
      String body = recorded.text();
      if (body.indexOf('\'') >= 0) {
        continue; // an apostrophe is left to the careful reading on purpose
      }
      // What decode's single pass does: a strict reader over the body, to the end of the document.
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      BybitConverterFactory.envelopeAdapter(recorded.op(), BybitJson.moshi(false), false).fromJson(reader);
      assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(), recorded.name());
      read.add(recorded.name());
    }
    assertTrue(read.size() > 60, "only " + read.size() + " recorded answers were read");
  }

  @Test
  void aValidBodyDecodesTheSameWhateverItsUnknownFieldsHold() {
    String deepButWithinTheLimit = "[".repeat(40) + "]".repeat(40);
    assertEquals(new BigDecimal("1.50"), equity(balancesWith("\"later\":" + deepButWithinTheLimit + ",", "1.50")));
    assertEquals(new BigDecimal("1.50"), equity(balancesWith("\"note\":\"it\\u0027s \\u0001\",", "\"1.50\"")));
    assertEquals(new BigDecimal("184467440737095516160"), equity(balancesWith("", "184467440737095516160")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"x\":\"a\u0001b\",", "\"a\u0001b\":1,", "\"x\":\"it\\'s\",", "\"x\":[\"a\u001fb\"],"})
  void whatTheStrictReaderTakesButJsonDoesNotIsRefusedEvenInAnUnknownField(String extraField) {
    BybitDecodingException e = refused(balancesWith(extraField, "1"));

    assertTrue(e.getMessage().contains("a control character in a string") || e.getMessage().contains("bad escape"),
        e.getMessage());
    assertTrue(e.jsonPath().startsWith("$.result.BTC"), e.jsonPath());
  }

  @Test
  void aRawControlCharacterInAKnownStringIsRefused() {
    String body = "{\"ret_code\":0,\"ret_msg\":\"O\nK\",\"result\":{}}";

    BybitDecodingException e = refused(body);

    assertTrue(e.getMessage().contains("a control character in a string"), e.getMessage());
    assertEquals("$.ret_msg", e.jsonPath());
  }

  @Test
  void limitsHoldInUnknownFieldsToo() {
    String tooLong = "9".repeat(JsonBounds.MAX_NUMBER_CHARS + 1);
    assertTrue(refused(balancesWith("\"x\":" + tooLong + ",", "1")).getMessage()
        .contains("a number longer than " + JsonBounds.MAX_NUMBER_CHARS));
    assertTrue(refused(balancesWith("\"x\":[1e1001],", "1")).getMessage().contains("exponent beyond"));

    String tooDeep = "[".repeat(JsonBounds.MAX_DEPTH) + "]".repeat(JsonBounds.MAX_DEPTH);
    BybitDecodingException deep = refused(balancesWith("\"x\":" + tooDeep + ",", "1"));
    assertTrue(deep.getMessage().contains("nesting deeper than " + JsonBounds.MAX_DEPTH), deep.getMessage());
    assertTrue(deep.jsonPath().startsWith("$.result.BTC.x[0][0]"), deep.jsonPath());
  }

  @Test
  void rawJsonTextFieldsAreCheckedLikeTheRest() {
    String body = "{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":{\"a\":[1,]},\"result\":{}}";

    BybitDecodingException e = refused(body);

    assertTrue(e.jsonPath().startsWith("$.ext_info"), e.jsonPath());
  }

  @Test
  void aNumberTooLongForAStringFieldIsRefusedAsBefore() {
    String body = "{\"ret_code\":0,\"ret_msg\":" + "1".repeat(JsonBounds.MAX_NUMBER_CHARS + 1) + ",\"result\":{}}";

    BybitDecodingException e = refused(body);

    assertEquals("$.ret_msg", e.jsonPath());
    assertTrue(e.getMessage().contains("a number longer than"), e.getMessage());
  }
}
