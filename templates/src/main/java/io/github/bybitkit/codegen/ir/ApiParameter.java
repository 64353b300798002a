package io.github.bybitkit.codegen.ir;

import java.math.BigDecimal;

/**
 * A request parameter: in the query (GET) or a field of the JSON body (POST). Ranges come from the spec's
 * minimum/maximum; {@code nonZero} from {@code x-bybit-nonzero}; {@code epochMillis} from {@code x-bybit-epoch-millis}
 * (an integer that is a time in Unix milliseconds, held to the runtime's plausible time range).
 */
public record ApiParameter(String wireName, String javaName, ApiType type, boolean required, String description,
    Bound minimum, Bound maximum, boolean nonZero, boolean epochMillis, Location location) {

  public enum Location { QUERY, BODY }

  /** A numeric bound; {@code exclusive} when the value itself is not allowed. */
  public record Bound(BigDecimal value, boolean exclusive) {}
}
