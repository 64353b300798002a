package io.github.bybitkit.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as Bybit uses it for system-generated keys: UTF-8 key and message, lowercase hex output. */
public final class HmacSha256 {
  private static final String ALGORITHM = "HmacSHA256";

  private HmacSha256() {}

  /**
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static String hex(String secret, String message) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(message, "message");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA256, so this means a broken JDK.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
