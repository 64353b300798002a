package io.github.bybitkit.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoders' shortcuts for the forms Bybit sends give exactly what the general path gives, and decline (null)
 * everything else, so the general path keeps deciding values and errors.
 */
class JsonValuesFastPathTest {
  private static final String DIGITS_AND_SEPARATORS = "0123456789-+:.TZtz ";

  @Test
  void rfc3339ShortcutAgreesWithTheFormatterOnRandomTextsNearTheForm() {
    Random random = new Random(12);
    int taken = 0;
    for (int n = 0; n < 200_000; n++) {
      String text = mutate(random, randomTimestamp(random));
      Instant quick = JsonValues.commonRfc3339(text);
      Instant general = general(text);
      if (quick != null) {
        taken++;
        assertEquals(general, quick, text);
      }
    }
    assertTrue(taken > 50_000, "the shortcut took only " + taken + " texts");
  }

  @Test
  void rfc3339ShortcutTakesBybitsFormsAndDeclinesTheRest() {
    assertEquals(Instant.parse("2020-11-02T00:00:11.943371457Z"),
        JsonValues.commonRfc3339("2020-11-02T00:00:11.943371457Z"));
    assertEquals(Instant.parse("2020-08-10T07:04:32Z"), JsonValues.commonRfc3339("2020-08-10T07:04:32Z"));
    assertEquals(Instant.parse("2024-02-29T22:30:00Z"), JsonValues.commonRfc3339("2024-02-29T23:00:00.0+00:30"));
    for (String declined : new String[] {"2023-02-29T00:00:00Z", "2020-11-02T24:00:00Z", "2020-11-02t00:00:00Z",
        "2020-11-02T00:00:00z", "2020-11-02T00:00:00.1234567890Z", "2020-11-02T00:00:00.Z", "2020-11-02T00:00Z",
        "2020-11-02T00:00:00+18:01", "2020-11-02T00:00:00+01:60", "+12020-11-02T00:00:00Z", "2020-11-02T00:00:60Z"}) {
      assertNull(JsonValues.commonRfc3339(declined), declined);
    }
  }

  @Test
  void integralEpochShortcutAgreesWithTheDecimalPath() {
    Random random = new Random(34);
    for (int n = 0; n < 100_000; n++) {
      String text = randomInteger(random);
      for (int unitDigits : new int[] {0, 3}) {
        Instant quick = JsonValues.integralEpoch(text, unitDigits);
        Instant general = generalEpoch(text, unitDigits);
        if (quick != null) {
          assertEquals(general, quick, text + " with " + unitDigits + " unit digits");
        } else {
          assertTrue(general == null || text.length() > 18 || !text.matches("-?[0-9]+"),
              "declined a plain integer in range: " + text);
        }
      }
    }
    assertNotNull(JsonValues.integralEpoch("1591155741", 0));
    assertNull(JsonValues.integralEpoch("1591155741.5", 0));
    assertNull(JsonValues.integralEpoch("-", 3));
    assertNull(JsonValues.integralEpoch("", 3));
    assertNull(JsonValues.integralEpoch("99999999999999999", 0)); // beyond Instant: the general path's error
  }

  private static Instant general(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant generalEpoch(String text, int unitDigits) {
    try {
      BigDecimal seconds = new BigDecimal(text).movePointLeft(unitDigits);
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static String randomTimestamp(Random random) {
    StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
        random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
    if (random.nextBoolean()) {
      text.append('.');
      int digits = random.nextInt(11);
      for (int k = 0; k < digits; k++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    switch (random.nextInt(3)) {
      case 0 -> text.append('Z');
      case 1 -> text.append(String.format("%c%02d:%02d", random.nextBoolean() ? '+' : '-', random.nextInt(20),
          random.nextInt(62)));
      default -> text.append(String.format("%c%02d:%02d:%02d", random.nextBoolean() ? '+' : '-',
          random.nextInt(20), random.nextInt(62), random.nextInt(62)));
    }
    return text.toString();
  }

  /** One character replaced, inserted or removed in a quarter of the texts; the rest as they are. */
  private static String mutate(Random random, String text) {
    if (random.nextInt(4) != 0) {
      return text;
    }
    StringBuilder mutated = new StringBuilder(text);
    int at = random.nextInt(text.length());
    char c = DIGITS_AND_SEPARATORS.charAt(random.nextInt(DIGITS_AND_SEPARATORS.length()));
    switch (random.nextInt(3)) {
      case 0 -> mutated.setCharAt(at, c);
      case 1 -> mutated.insert(at, c);
      default -> mutated.deleteCharAt(at);
    }
    return mutated.toString();
  }

  private static String randomInteger(Random random) {
    int digits = 1 + random.nextInt(20);
    StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
    for (int k = 0; k < digits; k++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    return text.toString();
  }
}
