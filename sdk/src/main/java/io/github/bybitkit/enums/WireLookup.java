package io.github.bybitkit.enums;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps wire text to enum constants: exact value first, then known aliases, then a case-insensitive match, else
 * the fallback. Decoding must never fail on a value Bybit adds later, hence the fallback instead of an exception.
 */
final class WireLookup<E extends Enum<E> & BybitEnum> {
  private final Map<String, E> exact = new HashMap<>();
  private final Map<String, E> aliases;
  private final Map<String, E> folded = new HashMap<>();
  private final E fallback;

  WireLookup(E[] constants, Map<String, E> aliases, E fallback) {
    for (E constant : constants) {
      String wire = constant.wireValue();
      if (wire != null) {
        exact.put(wire, constant);
        folded.putIfAbsent(fold(wire), constant);
      }
    }
    this.aliases = Map.copyOf(aliases);
    // Wire values win over aliases when both fold to the same text.
    aliases.forEach((alias, constant) -> folded.putIfAbsent(fold(alias), constant));
    this.fallback = fallback;
  }

  E find(String raw) {
    if (raw == null) {
      return null;
    }
    E found = exact.get(raw);
    if (found == null) {
      found = aliases.get(raw);
    }
    if (found == null) {
      found = folded.get(fold(raw));
    }
    return found != null ? found : fallback;
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
