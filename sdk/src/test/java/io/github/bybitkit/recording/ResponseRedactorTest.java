package io.github.bybitkit.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseRedactorTest {
  private static final byte[] KEY = "test-redaction-key".getBytes(StandardCharsets.UTF_8);
  private static final Pseudonyms FAKES = new Pseudonyms(KEY);

  private static String redact(String json) {
    return new ResponseRedactor(KEY).redact(json);
  }

  /** Compact form of an indented body, for comparisons. */
  private static String compact(String json) {
    return json.replaceAll("\\s+", "");
  }

  // ---------------------------------------------------------------- which values

  @Test
  void replacesIdentifyingFieldsAndCopiesEverythingElseExactly() {
    String json = "{\"ret_code\":0,\"result\":{\"user_id\":12345678,\"coin\":\"BTC\",\"amount\":\"20.00000000\","
        + "\"fee\":9.996e-05,\"address\":\"rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM\",\"ok\":true,\"x\":null}}";

    String redacted = compact(redact(json));

    assertFalse(redacted.contains("12345678"), redacted);
    assertFalse(redacted.contains("rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM"), redacted);
    String expected = "{\"ret_code\":0,\"result\":{\"user_id\":" + FAKES.number("12345678")
        + ",\"coin\":\"BTC\",\"amount\":\"20.00000000\",\"fee\":9.996e-05,\"address\":\""
        + FAKES.string("rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM") + "\",\"ok\":true,\"x\":null}}";
    assertEquals(expected, redacted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api_key", "apiKey", "user_id", "userId", "uid", "inviter_id", "affiliate_id", "ips",
      "note", "address", "toAddress", "tx_id", "txID", "wallet_id", "order_id", "orderLinkId", "sign", "USER-ID"})
  void identifyingNamesInEitherSpelling(String name) {
    assertTrue(ResponseRedactor.isIdentifying(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "coin", "symbol", "amount", "type", "status", "created_at", "cross_seq", "risk_id"})
  void otherNamesAreKept(String name) {
    assertFalse(ResponseRedactor.isIdentifying(name), name);
  }

  @Test
  void everyScalarBelowAnIdentifyingFieldIsReplaced() {
    String redacted = compact(redact("{\"ips\":[\"10.1.2.3\",\"2001:db8::1\",\"*\"],"
        + "\"address\":{\"chain\":\"ETH\",\"tag\":12}}"));

    assertEquals("{\"ips\":[\"" + FAKES.string("10.1.2.3") + "\",\"" + FAKES.string("2001:db8::1") + "\",\"*\"],"
        + "\"address\":{\"chain\":\"" + FAKES.string("ETH") + "\",\"tag\":" + FAKES.number("12") + "}}", redacted);
  }

  @Test
  void anIpv4AddressInAnyTextIsReplaced() {
    String redacted = redact("{\"ret_msg\":\"unmatched IP 93.184.216.34, expected 10.0.0.1\",\"v\":\"1.2.3\"}");

    assertFalse(redacted.contains("93.184.216.34"), redacted);
    assertFalse(redacted.contains("10.0.0.1"), redacted);
    assertTrue(redacted.contains("\"unmatched IP " + FAKES.string("93.184.216.34") + ", expected "), redacted);
    assertTrue(redacted.contains("\"1.2.3\""), "not an address: " + redacted);
  }

  // ---------------------------------------------------------------- deterministic

  @Test
  void theSameValueGetsTheSameFakeEverywhereAndInEveryRun() {
    String json = "{\"user_id\":12345678,\"data\":[{\"userId\":12345678},{\"uid\":\"12345678\"}]}";

    String first = redact(json);

    assertEquals(first, redact(json), "same key, same input: same output");
    String fake = FAKES.number("12345678");
    assertEquals("{\"user_id\":" + fake + ",\"data\":[{\"userId\":" + fake + "},{\"uid\":\""
        + FAKES.string("12345678") + "\"}]}", compact(first));
  }

  @Test
  void anotherKeyGivesOtherFakesAndTheDefaultKeyIsRandom() {
    String json = "{\"user_id\":12345678,\"address\":\"rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM\"}";

    String a = new ResponseRedactor(KEY).redact(json);
    String b = new ResponseRedactor("another key".getBytes(StandardCharsets.UTF_8)).redact(json);
    String random1 = new ResponseRedactor().redact(json);
    String random2 = new ResponseRedactor().redact(json);

    assertNotEquals(a, b);
    assertNotEquals(random1, random2);
  }

  // ---------------------------------------------------------------- shapes

  @ParameterizedTest
  @CsvSource({"12345678", "1", "-42", "0.00012000", "20.50", "137", "9.996e-05", "-1.5E+3", "9223372036854775807"})
  void aFakeNumberKeepsSignDigitsPointAndExponent(String literal) {
    String fake = FAKES.number(literal);

    assertNotEquals(literal, fake);
    assertEquals(literal.replaceAll("[0-9]", "d"), fake.replaceAll("[0-9]", "d"), "digits where digits were");
    assertEquals(new BigDecimal(literal).signum(), new BigDecimal(fake).signum());
    assertEquals(new BigDecimal(literal).precision(), new BigDecimal(fake).precision(), "digit count");
    assertEquals(new BigDecimal(literal).scale(), new BigDecimal(fake).scale(), "decimal places");
  }

  @Test
  void aFakeOfALongIsALong() {
    for (int i = 0; i < 200; i++) {
      String literal = String.valueOf(Long.MAX_VALUE - i);
      new BigDecimal(FAKES.number(literal)).longValueExact(); // throws if out of range
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.0", "-0"})
  void zeroStaysZero(String literal) {
    assertEquals(literal, FAKES.number(literal));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "*", "-", "  "})
  void stringsWithoutLettersOrDigitsStay(String value) {
    assertEquals(value, FAKES.string(value));
  }

  @ParameterizedTest
  @CsvSource({
      "rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM, '[A-Za-z0-9]{34}'",
      "0x3a9f0b1e2c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f, '0x[0-9a-f]{64}'",
      "9c5f0b1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'",
      "BTCUSD, '[A-Z]{6}'",
      "XXXXXX, '[A-Z]{6}'",
      "10.1.2.3, '(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.[0-9]{1,3}'",
      "my bot key, '[a-z]{2} [a-z]{3} [a-z]{3}'",
      "12345, '[0-9]{5}'",
  })
  void aFakeStringKeepsItsShape(String value, String shape) {
    String fake = FAKES.string(value);

    assertNotEquals(value, fake);
    assertTrue(fake.matches(shape), fake + " matches " + shape);
  }

  @Test
  void aFakeIpv4IsADocumentationAddress() {
    for (int i = 0; i < 256; i++) {
      String fake = FAKES.string("10.0.0." + i);
      String[] parts = fake.split("\\.");
      int last = Integer.parseInt(parts[3]);
      assertTrue(last >= 1 && last <= 254, fake);
    }
  }

  // ---------------------------------------------------------------- failures and secrets

  @ParameterizedTest
  @ValueSource(strings = {"<html>", "{\"a\":", "{} {}", ""})
  void refusesWhatIsNotOneJsonDocument(String text) {
    assertThrows(IllegalArgumentException.class, () -> redact(text));
  }

  @Test
  void anEmptyKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ResponseRedactor(new byte[0]));
  }

  @Test
  void toStringDoesNotShowTheKey() {
    assertEquals("ResponseRedactor(key hidden)", new ResponseRedactor(KEY).toString());
    assertFalse(FAKES.toString().contains("test-redaction-key"));
  }
}
