package io.github.bybitkit;

import java.util.Objects;

/**
 * An API key and its secret. The secret never leaves this object except into the HMAC; {@link #toString()}
 * shows only the first characters of the key.
 */
public final class Credentials {
  private final String apiKey;
  private final String apiSecret;

  private Credentials(String apiKey, String apiSecret) {
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
  }

  /**
   * @throws IllegalArgumentException if either value is null or blank
   */
  public static Credentials of(String apiKey, String apiSecret) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be null or blank");
    }
    if (apiSecret == null || apiSecret.isBlank()) {
      throw new IllegalArgumentException("apiSecret must not be null or blank");
    }
    return new Credentials(apiKey, apiSecret);
  }

  public String apiKey() {
    return apiKey;
  }

  /** The secret, for signing only. Package-private callers outside auth must not log or keep it. */
  public String apiSecret() {
    return apiSecret;
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
        && apiSecret.equals(other.apiSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKey, apiSecret);
  }

  @Override
  public String toString() {
    return "Credentials[apiKey=" + redactedApiKey() + ", apiSecret=***]";
  }
}
