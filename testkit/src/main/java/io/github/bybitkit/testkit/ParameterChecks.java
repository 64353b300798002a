package io.github.bybitkit.testkit;

import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.metadata.ParameterInfo.WireForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request's parameters against the spec ({@link ParameterInfo}): required, JSON type and wire form, enum
 * wire values, ranges and non-zero. A failure is Bybit's 10001 naming the parameter by its wire name. Parameters the
 * spec does not know are ignored, as Bybit ignores them.
 */
final class ParameterChecks {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  /** The spec's DecimalString pattern. */
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private ParameterChecks() {}

  static void check(OperationInfo op, IncomingRequest request) throws Refusal {
    if (request.repeatedQueryName != null) {
      throw Refusal.badParameter(request.repeatedQueryName + " is repeated");
    }
    if (!request.method.equals("GET") && request.bodyProblem != null) {
      throw Refusal.badParameter(request.bodyProblem);
    }
    for (ParameterInfo parameter : op.parameters()) {
      IncomingRequest.Field value = valueOf(parameter, request);
      if (value == null || value.kind() == IncomingRequest.Field.Kind.NULL
          || value.text().isBlank() && parameter.required()) {
        if (parameter.required()) {
          throw Refusal.badParameter(parameter.wireName() + " is required");
        }
        continue;
      }
      checkValue(parameter, value, parameter.location() == ParameterInfo.Location.BODY);
    }
  }

  private static IncomingRequest.Field valueOf(ParameterInfo parameter, IncomingRequest request) {
    if (parameter.location() == ParameterInfo.Location.QUERY) {
      String text = request.query.get(parameter.wireName());
      return text == null ? null : new IncomingRequest.Field(IncomingRequest.Field.Kind.STRING, text);
    }
    Map<String, IncomingRequest.Field> body = request.bodyFields;
    return body == null ? null : body.get(parameter.wireName());
  }

  private static void checkValue(ParameterInfo parameter, IncomingRequest.Field value, boolean inBody)
      throws Refusal {
    String name = parameter.wireName();
    String text = value.text();
    WireForm form = parameter.wireForm();
    if (inBody && value.kind() != jsonKind(form)) {
      String shown = value.kind() == IncomingRequest.Field.Kind.STRING ? "\"" + text + "\"" : text;
      throw Refusal.badParameter(name + " must be a JSON " + jsonKind(form).name().toLowerCase(Locale.ROOT) + ", was "
          + shown);
    }
    BigDecimal number = null;
    switch (form) {
      case TEXT -> { }
      case INTEGER, EPOCH_SECONDS -> number = integer(name, text, parameter.javaType());
      case DECIMAL_NUMBER, DECIMAL_TEXT -> {
        if (!DECIMAL.matcher(text).matches()) {
          throw Refusal.badParameter(name + " must be a decimal number, was " + text);
        }
        number = new BigDecimal(text);
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw Refusal.badParameter(name + " must be true or false, was " + text);
        }
      }
      case DATE -> {
        try {
          LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw Refusal.badParameter(name + " must be a date yyyy-mm-dd, was " + text);
        }
      }
      case ENUM_TEXT, ENUM_INTEGER -> {
        List<String> allowed = wireValues(parameter.javaType());
        if (!allowed.contains(text)) {
          throw Refusal.badParameter(name + " must be one of " + String.join(", ", allowed) + ", was " + text);
        }
      }
      default -> throw new IllegalStateException("wire form " + form + " is not checked yet");
    }
    if (number != null) {
      checkRange(parameter, number);
    }
  }

  private static IncomingRequest.Field.Kind jsonKind(WireForm form) {
    return switch (form) {
      case INTEGER, EPOCH_SECONDS, DECIMAL_NUMBER, ENUM_INTEGER -> IncomingRequest.Field.Kind.NUMBER;
      case BOOLEAN -> IncomingRequest.Field.Kind.BOOLEAN;
      case TEXT, DECIMAL_TEXT, DATE, ENUM_TEXT -> IncomingRequest.Field.Kind.STRING;
    };
  }

  private static BigDecimal integer(String name, String text, Class<?> javaType) throws Refusal {
    if (!INTEGER.matcher(text).matches()) {
      throw Refusal.badParameter(name + " must be an integer, was " + text);
    }
    BigDecimal value = new BigDecimal(text);
    BigDecimal max = BigDecimal.valueOf(javaType == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE);
    BigDecimal min = BigDecimal.valueOf(javaType == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE);
    if (value.compareTo(max) > 0 || value.compareTo(min) < 0) {
      throw Refusal.badParameter(name + " is out of range, was " + text);
    }
    return value;
  }

  private static void checkRange(ParameterInfo parameter, BigDecimal value) throws Refusal {
    String name = parameter.wireName();
    if (parameter.minimum() != null) {
      int c = value.compareTo(new BigDecimal(parameter.minimum()));
      if (parameter.minimumExclusive() ? c <= 0 : c < 0) {
        throw Refusal.badParameter(name + " must be " + (parameter.minimumExclusive() ? "greater than " : "at least ")
            + parameter.minimum() + ", was " + value.toPlainString());
      }
    }
    if (parameter.maximum() != null) {
      int c = value.compareTo(new BigDecimal(parameter.maximum()));
      if (parameter.maximumExclusive() ? c >= 0 : c > 0) {
        throw Refusal.badParameter(name + " must be " + (parameter.maximumExclusive() ? "less than " : "at most ")
            + parameter.maximum() + ", was " + value.toPlainString());
      }
    }
    if (parameter.nonZero() && value.signum() == 0) {
      throw Refusal.badParameter(name + " must not be zero");
    }
  }

  /** The wire values of an enum parameter's constants (UNKNOWN, which has none, left out). */
  static List<String> wireValues(Class<?> enumType) {
    List<String> values = new ArrayList<>();
    if (enumType.isEnum() && BybitEnum.class.isAssignableFrom(enumType)) {
      for (Object constant : enumType.getEnumConstants()) {
        String wire = ((BybitEnum) constant).wireValue();
        if (wire != null) {
          values.add(wire);
        }
      }
    }
    return values;
  }
}
