package io.github.bybitkit.internal;

import io.github.bybitkit.enums.BybitEnum;
import java.math.BigDecimal;

/**
 * Parameter checks that generated clients and request records run before anything is sent. Every failure is an
 * {@link IllegalArgumentException} naming the operation, the parameter (with its wire name) and what is allowed.
 */
public final class Checks {
  private Checks() {}

  public static void required(String operation, String parameter, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is required");
    }
  }

  /** Text, when given, must not be empty or blank. */
  public static void notBlank(String operation, String parameter, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must not be blank");
    }
  }

  /** An enum argument must be a real constant; UNKNOWN only exists for decoding. */
  public static void known(String operation, String parameter, BybitEnum value) {
    if (value != null && value.wireValue() == null) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must be a known value, not " + value);
    }
  }

  /**
   * A number within the spec's bounds; null bounds are open.
   *
   * @param min lowest allowed value as text, or null
   * @param max highest allowed value as text, or null
   */
  public static void range(String operation, String parameter, Number value, String min, boolean minExclusive,
      String max, boolean maxExclusive) {
    if (value == null) {
      return;
    }
    BigDecimal v = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    boolean tooLow = min != null && (minExclusive ? v.compareTo(new BigDecimal(min)) <= 0
        : v.compareTo(new BigDecimal(min)) < 0);
    boolean tooHigh = max != null && (maxExclusive ? v.compareTo(new BigDecimal(max)) >= 0
        : v.compareTo(new BigDecimal(max)) > 0);
    if (tooLow || tooHigh) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must be " + describe(min, minExclusive,
          max, maxExclusive) + ", was " + (value instanceof BigDecimal d ? d.toPlainString() : value));
    }
  }

  public static void nonZero(String operation, String parameter, BigDecimal value) {
    if (value != null && value.signum() == 0) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must not be zero");
    }
  }

  private static String describe(String min, boolean minExclusive, String max, boolean maxExclusive) {
    if (min != null && max != null && !minExclusive && !maxExclusive) {
      return "between " + min + " and " + max;
    }
    StringBuilder text = new StringBuilder();
    if (min != null) {
      text.append(minExclusive ? "greater than " : "at least ").append(min);
    }
    if (max != null) {
      text.append(min != null ? " and " : "").append(maxExclusive ? "less than " : "at most ").append(max);
    }
    return text.toString();
  }
}
