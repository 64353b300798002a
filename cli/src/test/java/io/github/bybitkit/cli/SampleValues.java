package io.github.bybitkit.cli;

import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Valid and invalid option values for any parameter, from its type and the spec's range. */
final class SampleValues {
  private SampleValues() {}

  /** The arguments for an operation's required parameters. */
  static List<String> requiredOptions(OperationInfo operation) {
    List<String> args = new ArrayList<>();
    for (ParameterInfo parameter : operation.parameters()) {
      if (parameter.required()) {
        args.add(Names.option(parameter));
        args.add(valid(parameter));
      }
    }
    return args;
  }

  /**
   * A value the generated code accepts; for the writes, one the sandbox's account accepts too: Bybit refuses a
   * switch to the mode a position is already in (is_isolated: the fake's BTCUSD starts isolated) and a move to the
   * risk id it already has (1) or to one the symbol's tiers do not list (BTCUSD's recorded tiers: 1 and 10). v5: the
   * sandbox's positions are inverse (v5 position calls take linear or inverse only), and setting BTCUSD's leverage to
   * the one it has (1, or 10 after a test's set-up) is 110043.
   */
  static String valid(ParameterInfo parameter) {
    if (parameter.wireName().equals("category")) {
      return "inverse";
    }
    if (parameter.wireName().equals("buyLeverage") || parameter.wireName().equals("sellLeverage")) {
      return "20";
    }
    if (parameter.wireName().equals("is_isolated")) {
      return "false";
    }
    if (parameter.wireName().equals("risk_id")) {
      return "10";
    }
    Class<?> type = ParameterValues.boxed(parameter.javaType());
    if (type == String.class) {
      return parameter.wireName().equals("symbol") ? "BTCUSD" : "BTC";
    }
    if (type == Integer.class || type == Long.class || type == BigDecimal.class) {
      BigDecimal value = BigDecimal.ONE;
      if (parameter.minimum() != null && value.compareTo(new BigDecimal(parameter.minimum())) < 0) {
        value = new BigDecimal(parameter.minimum()).add(BigDecimal.ONE);
      }
      return value.toPlainString();
    }
    if (type == Boolean.class) {
      return "true";
    }
    if (type == LocalDate.class) {
      return "2024-01-31";
    }
    if (type == Instant.class) {
      return "1706659200";
    }
    if (BybitEnum.class.isAssignableFrom(type)) {
      return ((BybitEnum) type.getEnumConstants()[0]).wireValue();
    }
    throw new IllegalArgumentException("No sample for " + type);
  }

  /** A value of the right type that the spec's range or non-zero rule refuses, or null when there is none. */
  static String outOfRange(ParameterInfo parameter) {
    if (parameter.maximum() != null) {
      return new BigDecimal(parameter.maximum()).add(BigDecimal.ONE).toPlainString();
    }
    if (parameter.minimum() != null) {
      BigDecimal minimum = new BigDecimal(parameter.minimum());
      return (parameter.minimumExclusive() ? minimum : minimum.subtract(BigDecimal.ONE)).toPlainString();
    }
    if (parameter.nonZero()) {
      return "0";
    }
    return null;
  }
}
