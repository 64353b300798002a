package io.github.bybitkit.internal;

import io.github.bybitkit.enums.BybitEnum;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Parameter checks that generated clients and request records run before anything is sent. Every failure is an
 * {@link IllegalArgumentException} naming the operation, the parameter (with its wire name) and what is allowed.
 */
public final class Checks {
  /**
   * The most digits a decimal argument may have before and after the point. Bybit's amounts have under 20; the
   * bound keeps {@code 1e999999999} or a scale of {@code Integer.MAX_VALUE} from being formatted at all.
   */
  public static final int MAX_DECIMAL_DIGITS = 64;

  /** The earliest time a request may carry: Bybit has no data from before it started (2018). */
  public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");
  /** The first time past the latest a request may carry. */
  public static final Instant LATEST_TIME = Instant.parse("2100-01-01T00:00:00Z");

  private Checks() {}

  public static void required(String operation, String parameter, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is required");
    }
    if (value instanceof BigDecimal decimal) {
      decimal(operation, parameter, decimal);
    }
  }

  /** Text, when given, must not be empty or blank, and must be {@link #text plain text}. */
  public static void notBlank(String operation, String parameter, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must not be blank");
    }
    text(operation, parameter, value);
  }

  /**
   * Text, when given, must be plain visible text: no control characters (NUL, CR, LF, ...), no unpaired surrogates,
   * no invisible format characters (bidi overrides, zero-width characters, byte-order marks) and no spaces other
   * than U+0020 (no-break spaces look like spaces but are different values on the wire).
   */
  public static void text(String operation, String parameter, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String problem = null;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        problem = "an unpaired surrogate";
      } else if (Character.isLowSurrogate(c)) {
        problem = "an unpaired surrogate";
      } else {
        int type = Character.getType(c);
        if (type == Character.CONTROL) {
          problem = "a control character";
        } else if (type == Character.FORMAT) {
          problem = "an invisible format character (bidi control, zero-width or byte-order mark)";
        } else if (c != ' ' && (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR)) {
          problem = "a space other than U+0020";
        }
      }
      if (problem != null) {
        throw new IllegalArgumentException(operation + ": " + parameter + " contains " + problem
            + String.format(" (U+%04X) at index %d", (int) c, i));
      }
    }
  }

  /** A decimal must have at most {@link #MAX_DECIMAL_DIGITS} digits before and after the point. */
  public static void decimal(String operation, String parameter, BigDecimal value) {
    if (value == null) {
      return;
    }
    // scale() and precision() are cheap; toPlainString() of 1e999999999 would need a gigabyte.
    long scale = value.scale();
    long integerDigits = value.precision() - scale;
    if (scale > MAX_DECIMAL_DIGITS || integerDigits > MAX_DECIMAL_DIGITS) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must have at most " + MAX_DECIMAL_DIGITS
          + " digits before and after the decimal point, was " + value.precision() + " digits with scale "
          + value.scale());
    }
  }

  /**
   * A time in Unix milliseconds, when given, must lie between {@link #EARLIEST_TIME} and {@link #LATEST_TIME}, as an
   * {@code Instant} parameter must: 0, year 3000 and {@code Long.MAX_VALUE} are not times Bybit keeps records for.
   */
  public static void epochMillis(String operation, String parameter, Number value) {
    if (value != null && (value.longValue() < EARLIEST_TIME.toEpochMilli()
        || value.longValue() >= LATEST_TIME.toEpochMilli())) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must be a time in Unix milliseconds from "
          + EARLIEST_TIME + " (" + EARLIEST_TIME.toEpochMilli() + ") until " + LATEST_TIME + " ("
          + LATEST_TIME.toEpochMilli() + "), was " + value);
    }
  }

  /** A time, when given, must lie between {@link #EARLIEST_TIME} and {@link #LATEST_TIME}. */
  public static void time(String operation, String parameter, Instant value) {
    if (value != null && (value.isBefore(EARLIEST_TIME) || !value.isBefore(LATEST_TIME))) {
      throw new IllegalArgumentException(operation + ": " + parameter + " must be from " + EARLIEST_TIME
          + " and before " + LATEST_TIME + ", was " + value);
    }
  }

  /** A date, when given, must lie in the years of {@link #time}. */
  public static void date(String operation, String parameter, LocalDate value) {
    if (value != null) {
      time(operation, parameter, value.atStartOfDay(ZoneOffset.UTC).toInstant());
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
    if (value instanceof BigDecimal d) {
      decimal(operation, parameter, d);
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
    decimal(operation, parameter, value);
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
