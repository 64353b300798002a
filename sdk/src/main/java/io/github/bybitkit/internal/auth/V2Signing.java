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
    // Not on the request path (the interceptor sorts arrays with sort/join): kept as the plain, obvious form.
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

  /**
   * Sorts the first {@code size} names (non-null) in natural {@code String} order, moving each value with its name;
   * equal names keep their order. Insertion sort: requests have a handful of parameters, and no map or entry
   * objects are needed.
   */
  static void sort(String[] names, String[] values, int size) {
    for (int i = 1; i < size; i++) {
      String name = names[i];
      String value = values[i];
      int j = i - 1;
      while (j >= 0 && names[j].compareTo(name) > 0) {
        names[j + 1] = names[j];
        values[j + 1] = values[j];
        j--;
      }
      names[j + 1] = name;
      values[j + 1] = value;
    }
  }

  /** {@code name=value} pairs joined with {@code &}, in the order given, with one copy into the result. */
  static String join(String[] names, String[] values, int size) {
    int length = Math.max(0, 2 * size - 1);
    for (int i = 0; i < size; i++) {
      length += names[i].length() + values[i].length();
    }
    StringBuilder joined = new StringBuilder(length);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        joined.append('&');
      }
      joined.append(names[i]).append('=').append(values[i]);
    }
    return joined.toString();
  }
}
