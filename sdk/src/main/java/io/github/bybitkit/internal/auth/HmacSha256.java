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
  /** Bytes of an HMAC-SHA256. */
  private static final int MAC_LENGTH = 32;

  private HmacSha256() {}

  /**
   * A secret ready to sign: each thread keeps a {@code Mac} initialized with it, so a request costs one HMAC, not a
   * provider lookup and a key schedule as well. A {@code Mac} is not thread-safe; one per thread is. The entries go
   * with this object (a {@code ThreadLocal} is weakly referenced by its threads).
   */
  public static final class Key {
    private final ThreadLocal<Mac> macs;

    /**
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public Key(String secret) {
      byte[] key = keyBytes(secret);
      newMac(key); // fails here, not on the first request, if the JDK cannot do it
      this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** Lowercase hex HMAC-SHA256 of {@code message}. */
    public String hex(String message) {
      Objects.requireNonNull(message, "message");
      // doFinal resets the Mac to its key, ready for the next message.
      return HexFormat.of().formatHex(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Lowercase hex HMAC-SHA256 of {@code message[0, length)}: for a caller that builds the message as bytes. The hex
     * is written as bytes and copied into the string once (HexFormat goes through a StringBuilder).
     */
    String hex(byte[] message, int length) {
      byte[] hex = new byte[2 * MAC_LENGTH];
      hexInto(message, length, hex, 0);
      return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the lowercase hex HMAC-SHA256 of {@code message[0, length)} into {@code out[offset, offset + 64)}: for a
     * caller that builds the message as bytes and wants the hex next to it, without intermediate strings.
     */
    void hexInto(byte[] message, int length, byte[] out, int offset) {
      Mac mac = macs.get();
      mac.update(message, 0, length);
      writeHex(mac.doFinal(), out, offset);
    }

    @Override
    public String toString() {
      return "HmacSha256.Key(***)";
    }
  }

  private static byte[] keyBytes(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA256, so this means a broken JDK.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static String hex(String secret, String message) {
    byte[] key = keyBytes(secret);
    Objects.requireNonNull(message, "message");
    return HexFormat.of().formatHex(newMac(key).doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static void writeHex(byte[] bytes, byte[] out, int offset) {
    for (int i = 0; i < bytes.length; i++) {
      out[offset + 2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
      out[offset + 2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
    }
  }
}
