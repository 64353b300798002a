package io.github.bybitkit.enums;

/** An enum whose constants map to values Bybit sends and accepts on the wire. */
public interface BybitEnum {
  /**
   * The exact value Bybit sends and accepts for this constant, or {@code null} for {@code UNKNOWN}, which stands
   * for any value this SDK does not know yet.
   */
  String wireValue();
}
