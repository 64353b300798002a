package io.github.bybitkit.internal.auth;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The v2 signature: HMAC-SHA256 over all parameters sorted by name, as {@code k=v&...} without URL-encoding. */
public final class V2Signing {
  private V2Signing() {}

  /**
   * The string v2 signs: {@code params} sorted by key (natural {@code String} order), joined as
   * {@code key=value} with {@code &}, values as given (not URL-encoded).
   *
   * @throws IllegalArgumentException on a null key or value, which has no defined place in the string
   */
  public static String payload(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    for (Map.Entry<String, String> entry : sorted(params).entrySet()) {
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("Parameter '" + entry.getKey() + "' has a null value");
      }
      joined.add(entry.getKey() + "=" + entry.getValue());
    }
    return joined.toString();
  }

  /** Lowercase hex HMAC-SHA256 of {@link #payload(Map)} with {@code secret}. */
  public static String sign(String secret, Map<String, String> params) {
    return HmacSha256.hex(secret, payload(params));
  }

  /** Lowercase hex HMAC-SHA256 of {@link #payload(Map)} with a prepared key. */
  public static String sign(HmacSha256.Key key, Map<String, String> params) {
    return key.hex(payload(params));
  }

  private static TreeMap<String, String> sorted(Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> entry : params.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("Parameter name is null");
      }
      sorted.put(entry.getKey(), entry.getValue());
    }
    return sorted;
  }
}
