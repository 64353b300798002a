package io.github.bybitkit.cli;

import io.github.bybitkit.metadata.ParameterInfo;
import java.util.Locale;

/**
 * How spec names become command-line names. Options are the parameters' wire names in kebab case ({@code
 * position_idx} is {@code --position-idx}, {@code baseCoin} is {@code --base-coin}), so they match Bybit's API
 * documents and are the same for the same parameter in every operation (the Java names differ: {@code coin} is
 * {@code asset} in one place and {@code currency} in another).
 */
final class Names {
  private Names() {}

  /** The option of a parameter, e.g. {@code --position-idx}. */
  static String option(ParameterInfo parameter) {
    return "--" + kebab(parameter.wireName());
  }

  /**
   * {@code getV5ServerTime} becomes {@code get-v5-server-time}, {@code position_idx} becomes {@code position-idx}.
   */
  static String kebab(String name) {
    StringBuilder kebab = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        kebab.append('-');
      } else if (Character.isUpperCase(c)) {
        char previous = i > 0 ? name.charAt(i - 1) : '_';
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
          kebab.append('-');
        }
        kebab.append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString().toLowerCase(Locale.ROOT);
  }
}
