package io.github.bybitkit.internal.auth;

import java.util.Map;

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
    int size = params.size();
    String[] names = new String[size];
    String[] values = new String[size];
    int i = 0;
    for (Map.Entry<String, String> entry : params.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("Parameter name is null");
      }
      names[i] = entry.getKey();
      values[i] = entry.getValue();
      i++;
    }
    sort(names, values, size);
    // Only a map with its own idea of key equality repeats a name; the last one wins, as in a TreeMap copy.
    int kept = 0;
    for (int j = 0; j < size; j++) {
      if (j + 1 < size && names[j].equals(names[j + 1])) {
        continue;
      }
      names[kept] = names[j];
      values[kept++] = values[j];
    }
    size = kept;
    for (int j = 0; j < size; j++) {
      if (values[j] == null) {
        throw new IllegalArgumentException("Parameter '" + names[j] + "' has a null value");
      }
    }
    return join(names, values, size);
  }

  /** Lowercase hex HMAC-SHA256 of {@link #payload(Map)} with {@code secret}. */
  public static String sign(String secret, Map<String, String> params) {
    return HmacSha256.hex(secret, payload(params));
  }

  /** Lowercase hex HMAC-SHA256 of {@link #payload(Map)} with a prepared key. */
  public static String sign(HmacSha256.Key key, Map<String, String> params) {
    return key.hex(payload(params));
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
