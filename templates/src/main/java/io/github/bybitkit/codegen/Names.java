package io.github.bybitkit.codegen;

import java.util.Locale;

/** Java names from JSON names, the same way everywhere. */
public final class Names {
  private Names() {}

  /**
   * camelCase of a JSON name: {@code wallet_balance -> walletBalance}, {@code ALL -> all},
   * {@code accountIM -> accountIM}, {@code baseCoin -> baseCoin}.
   */
  public static String javaName(String jsonName) {
    if (jsonName.equals(jsonName.toUpperCase(Locale.ROOT)) && !jsonName.contains("_")) {
      return jsonName.toLowerCase(Locale.ROOT);
    }
    String[] parts = jsonName.split("_");
    StringBuilder name = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      if (name.length() == 0) {
        name.append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
      } else {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return name.toString();
  }

  public static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code InversePerpetual -> inversePerpetual}: a group's accessor on {@code BybitClient}. */
  public static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code getBalances -> GET_BALANCES}. */
  public static String constantName(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
