package io.github.bybitkit.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
  static final String SECRET = "t7T0YlFnYXk0Fx3JswQsDrViLg1Gh3DUU5Mr";

  @Test
  void matchesPublishedV2Vector() {
    // bybit-official-api-docs en/rest_api_sign.md (facts §1.2).
    assertEquals("670e3e4aa32b243f2dedf1dafcec2fd17a440e71b05681550416507de591d908",
        HmacSha256.hex(SECRET, "api_key=B2Rou0PLPpGqcU0Vu2&leverage=100&symbol=BTCUSD&timestamp=1542434791000"));
  }

  @Test
  void matchesLocallyComputedV5Vectors() {
    // Facts §2.2: Bybit's v5 examples omit the secret, so these were computed locally with the v2 secret.
    assertEquals("0ef6654b5ca188c7d052495abdc3016965ab8a79e76299d59af165c41f598db6",
        HmacSha256.hex(SECRET, "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C"));
    assertEquals("7aeff4e322b993ba1542816bd9a998db231a9de44158b876428cbaf8a7aeb914",
        HmacSha256.hex(SECRET, "1658385579423XXXXXXXXXX5000{\"category\": \"option\"}"));
  }

  @Test
  void matchesRfc4231TestCase2() {
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HmacSha256.hex("Jefe", "what do ya want for nothing?"));
  }

  @Test
  void encodesKeyAndMessageAsUtf8() throws Exception {
    String key = "clé";
    String message = "prix=10€";
    assertEquals(reference(key.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)),
        HmacSha256.hex(key, message));
    assertNotEquals(reference(key.getBytes(StandardCharsets.ISO_8859_1), message.getBytes(StandardCharsets.UTF_8)),
        HmacSha256.hex(key, message));
  }

  @Test
  void rejectsMissingInput() {
    assertThrows(IllegalArgumentException.class, () -> HmacSha256.hex("", "m"));
    assertThrows(NullPointerException.class, () -> HmacSha256.hex(null, "m"));
    assertThrows(NullPointerException.class, () -> HmacSha256.hex("k", null));
  }

  private static String reference(byte[] key, byte[] message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message));
  }

  @Test
  void aPreparedKeySignsLikeTheOneShotFormRepeatedlyAndOnEveryThread() throws Exception {
    HmacSha256.Key key = new HmacSha256.Key("Jefe");
    // The RFC 4231 vector twice on one thread: doFinal leaves the reused Mac ready for the next message.
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        key.hex("what do ya want for nothing?"));
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        key.hex("what do ya want for nothing?"));
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(threads.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            String message = "symbol=BTCUSD&timestamp=" + (thread * 1_000_000L + i);
            if (!key.hex(message).equals(HmacSha256.hex("Jefe", message))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertEquals(true, result.get());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals("HmacSha256.Key(***)", key.toString());
    assertThrows(IllegalArgumentException.class, () -> new HmacSha256.Key(""));
  }
}
