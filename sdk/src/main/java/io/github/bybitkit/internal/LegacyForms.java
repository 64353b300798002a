package io.github.bybitkit.internal;

import io.github.bybitkit.enums.PositionMode;
import java.math.BigDecimal;

/**
 * For generated code only: maps the seed's older method forms (generator-config {@code overloads}) onto what Bybit
 * takes today. Each method throws {@link IllegalArgumentException} before anything is sent when the older form
 * asks for something the endpoint cannot do.
 */
public final class LegacyForms {
  private LegacyForms() {}

  /**
   * The one leverage of an inverse perpetual position (one-way) from the seed's buy and sell leverages.
   *
   * @return the leverage when both are equal
   * @throws IllegalArgumentException when they differ
   */
  public static BigDecimal singleLeverage(int buyLeverage, int sellLeverage) {
    if (buyLeverage != sellLeverage) {
      throw new IllegalArgumentException("setLeverage: buyLeverage (" + buyLeverage + ") and sellLeverage ("
          + sellLeverage + ") differ, but an inverse perpetual position has one leverage; pass equal values or"
          + " use setLeverage(symbol, leverage)");
    }
    return BigDecimal.valueOf(buyLeverage);
  }

  /**
   * Inverse perpetual positions are one-way: the seed's position index can only say so.
   *
   * @throws IllegalArgumentException for anything but {@link PositionMode#ONE_WAY}
   */
  public static void oneWayOnly(PositionMode mode) {
    if (mode != PositionMode.ONE_WAY) {
      throw new IllegalArgumentException("changeMargin: mode must be ONE_WAY (inverse perpetual positions are"
          + " one-way, and Bybit's endpoint takes no position index), not " + mode
          + "; use changeMargin(symbol, margin)");
    }
  }
}
