package io.github.bybitkit.cli;

import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.metadata.ParameterInfo;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns option text into the Java value a parameter takes ({@link ParameterInfo#javaType()}), and describes what a
 * parameter allows (type, the spec's range, non-zero, enum values) for help texts and error messages. Ranges are
 * checked by the generated code, the single place that enforces them; {@link Main} names the option it refused.
 */
final class ParameterValues {
  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?[0-9]{1,12}");
  private static final int MAX_SCALE_MAGNITUDE = 1_000;

  private ParameterValues() {}

  /**
   * @return the value for the generated API, not yet checked against the spec's range
   * @throws UsageException naming the option and what it allows, when the text is not a value of the type
   */
  static Object convert(ParameterInfo parameter, String text) {
    Object value;
    try {
      value = parse(parameter, text);
    } catch (NumberFormatException | DateTimeException e) {
      value = null;
    }
    if (value == null) {
      throw invalid(parameter, text);
    }
    return value;
  }

  /** The refusal of a value, e.g. "Invalid value for --limit: '0'. Allowed: an integer between 1 and 50." */
  static UsageException invalid(ParameterInfo parameter, String text) {
    return new UsageException("Invalid value for " + Names.option(parameter) + ": '" + text + "'. Allowed: "
        + allowed(parameter) + ".");
  }

  /** What a parameter accepts, e.g. "an integer between 1 and 50" or "one of 0 (ONE_WAY), 1 (BOTH_SIDE_BUY)". */
  static String allowed(ParameterInfo parameter) {
    Class<?> type = boxed(parameter.javaType());
    if (type == String.class) {
      return "text, not blank";
    }
    if (type == Integer.class || type == Long.class) {
      return "an integer" + range(parameter);
    }
    if (type == BigDecimal.class) {
      return "a decimal number" + range(parameter) + (parameter.nonZero() ? ", not zero" : "");
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    if (type == LocalDate.class) {
      return "a date, yyyy-MM-dd";
    }
    if (type == Instant.class) {
      return "Unix seconds or an ISO-8601 instant such as 2024-01-31T00:00:00Z";
    }
    if (BybitEnum.class.isAssignableFrom(type) && type.isEnum()) {
      return "one of " + String.join(", ", enumChoices(type));
    }
    throw unsupported(parameter);
  }

  /** The values an enum parameter accepts, as shown: the wire value, and the constant's name where it differs. */
  static List<String> enumChoices(Class<?> enumType) {
    List<String> choices = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      String wire = ((BybitEnum) constant).wireValue();
      if (wire == null) {
        continue; // UNKNOWN exists for decoding only
      }
      String name = ((Enum<?>) constant).name();
      choices.add(fold(name).equals(fold(wire)) ? wire : wire + " (" + name + ")");
    }
    return choices;
  }

  /** The values shown as completion candidates: the wire values. */
  static List<String> enumWireValues(Class<?> enumType) {
    List<String> values = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      String wire = ((BybitEnum) constant).wireValue();
      if (wire != null) {
        values.add(wire);
      }
    }
    return values;
  }

  /** Whether this CLI can read values of the parameter's type; every spec parameter must be. */
  static boolean supports(ParameterInfo parameter) {
    try {
      allowed(parameter);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static Object parse(ParameterInfo parameter, String text) {
    Class<?> type = boxed(parameter.javaType());
    if (type == String.class) {
      return text.isBlank() ? null : text;
    }
    String trimmed = text.strip();
    if (type == Integer.class) {
      return Integer.valueOf(trimmed);
    }
    if (type == Long.class) {
      return Long.valueOf(trimmed);
    }
    if (type == BigDecimal.class) {
      BigDecimal decimal = new BigDecimal(trimmed);
      // "1e999999999" is short, but its plain form, which is what gets sent, would take a gigabyte.
      return Math.abs(decimal.scale()) > MAX_SCALE_MAGNITUDE ? null : decimal;
    }
    if (type == Boolean.class) {
      return trimmed.equalsIgnoreCase("true") ? Boolean.TRUE
          : trimmed.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(trimmed);
    }
    if (type == Instant.class) {
      return instant(trimmed);
    }
    if (BybitEnum.class.isAssignableFrom(type) && type.isEnum()) {
      return enumConstant(type, trimmed);
    }
    throw unsupported(parameter);
  }

  private static Instant instant(String text) {
    if (EPOCH_SECONDS.matcher(text).matches()) {
      return Instant.ofEpochSecond(Long.parseLong(text));
    }
    // Instant.parse wants Z; OffsetDateTime also takes +02:00.
    return OffsetDateTime.parse(text).toInstant();
  }

  /** By wire value (exactly, else ignoring case) or by constant name (ignoring case and underscores). */
  private static Object enumConstant(Class<?> type, String text) {
    Object byName = null;
    for (Object constant : type.getEnumConstants()) {
      String wire = ((BybitEnum) constant).wireValue();
      if (wire == null) {
        continue;
      }
      if (wire.equals(text)) {
        return constant;
      }
      if (byName == null && (wire.equalsIgnoreCase(text) || fold(((Enum<?>) constant).name()).equals(fold(text)))) {
        byName = constant;
      }
    }
    return byName;
  }

  private static String range(ParameterInfo p) {
    String min = p.minimum();
    String max = p.maximum();
    if (min != null && max != null && !p.minimumExclusive() && !p.maximumExclusive()) {
      return " between " + min + " and " + max;
    }
    StringBuilder text = new StringBuilder();
    if (min != null) {
      text.append(p.minimumExclusive() ? " greater than " : " at least ").append(min);
    }
    if (max != null) {
      text.append(min != null ? " and" : "").append(p.maximumExclusive() ? " less than " : " at most ").append(max);
    }
    return text.toString();
  }

  private static String fold(String text) {
    return text.replace("_", "").toLowerCase(Locale.ROOT);
  }

  static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    return type;
  }

  private static IllegalStateException unsupported(ParameterInfo parameter) {
    return new IllegalStateException("The CLI cannot read parameters of type " + parameter.javaType().getName()
        + " (" + parameter.wireName() + ")");
  }
}
