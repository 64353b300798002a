package io.github.bybitkit;

import io.github.bybitkit.internal.auth.RsaSha256;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * An API key and what signs its requests: the secret of a system-generated key (HMAC-SHA256), or the RSA private key
 * of a self-generated one (RSA-SHA256, v5 only). The secret and the private key never leave this object except into
 * the signature; {@link #toString()} shows only the first characters of the API key.
 */
public final class Credentials {
  /** How the requests of these credentials are signed. */
  public enum Type {
    /** A system-generated key: HMAC-SHA256 with the API secret, for v2 and v5. */
    HMAC,
    /** A self-generated key: RSASSA-PKCS1-v1_5 with SHA-256 and the RSA private key, for v5 only. */
    RSA
  }

  private final String apiKey;
  private final String apiSecret;
  private final PrivateKey privateKey;

  private Credentials(String apiKey, String apiSecret, PrivateKey privateKey) {
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
    this.privateKey = privateKey;
  }

  /**
   * Credentials of a system-generated (HMAC) key.
   *
   * @throws IllegalArgumentException if either value is null or blank, or the secret is a PEM private key (that
   *     belongs in {@link #rsa(String, String)})
   */
  public static Credentials of(String apiKey, String apiSecret) {
    checkApiKey(apiKey);
    if (apiSecret == null || apiSecret.isBlank()) {
      throw new IllegalArgumentException("apiSecret must not be null or blank");
    }
    if (apiSecret.contains("-----BEGIN")) {
      throw new IllegalArgumentException("apiSecret is a PEM block, not an HMAC secret: for a self-generated RSA key"
          + " use rsaCredentials(apiKey, pem)");
    }
    return new Credentials(apiKey, apiSecret, null);
  }

  /**
   * Credentials of a self-generated RSA key. They sign v5 requests only; a v2 operation fails before sending.
   *
   * @throws IllegalArgumentException if the key is null or blank, or the private key is not an RSA key that can sign
   *     SHA256withRSA
   */
  public static Credentials rsa(String apiKey, PrivateKey privateKey) {
    checkApiKey(apiKey);
    if (privateKey == null) {
      throw new IllegalArgumentException("privateKey must not be null");
    }
    RsaSha256.checkCanSign(privateKey);
    return new Credentials(apiKey, null, privateKey);
  }

  /**
   * Credentials of a self-generated RSA key given as an unencrypted PKCS#8 PEM text ({@code -----BEGIN PRIVATE
   * KEY-----}), as Bybit's key generator writes it. The text is not kept.
   *
   * @throws IllegalArgumentException if the key is null or blank or the PEM is not a PKCS#8 RSA private key; the
   *     message says which and never quotes the PEM
   */
  public static Credentials rsa(String apiKey, String pkcs8Pem) {
    checkApiKey(apiKey);
    return rsa(apiKey, RsaSha256.parsePkcs8Pem(pkcs8Pem));
  }

  private static void checkApiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be null or blank");
    }
  }

  public String apiKey() {
    return apiKey;
  }

  public Type type() {
    return privateKey == null ? Type.HMAC : Type.RSA;
  }

  /**
   * The HMAC secret, for signing only: callers outside auth must not log or keep it.
   *
   * @throws IllegalStateException for {@link Type#RSA} credentials, which have no secret
   */
  public String apiSecret() {
    if (apiSecret == null) {
      throw new IllegalStateException("RSA credentials have no API secret");
    }
    return apiSecret;
  }

  /**
   * The RSA private key, for signing only: callers outside auth must not log or keep it.
   *
   * @throws IllegalStateException for {@link Type#HMAC} credentials, which have no private key
   */
  public PrivateKey privateKey() {
    if (privateKey == null) {
      throw new IllegalStateException("HMAC credentials have no private key");
    }
    return privateKey;
  }

  /** The key shortened for logs and messages: at most its first four characters, then "...". */
  public String redactedApiKey() {
    return redact(apiKey);
  }

  /** Shortens an API key for display: at most its first four characters followed by "...". */
  public static String redact(String apiKey) {
    if (apiKey == null) {
      return "null";
    }
    return apiKey.substring(0, Math.min(4, apiKey.length() / 3)) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials other
        && apiKey.equals(other.apiKey)
        && Objects.equals(apiSecret, other.apiSecret)
        && Objects.equals(privateKey, other.privateKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKey, apiSecret, privateKey);
  }

  @Override
  public String toString() {
    return "Credentials[apiKey=" + redactedApiKey()
        + (privateKey == null ? ", apiSecret=***]" : ", type=RSA, privateKey=***]");
  }
}
