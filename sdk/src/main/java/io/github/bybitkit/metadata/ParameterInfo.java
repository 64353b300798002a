package io.github.bybitkit.metadata;

/**
 * What the spec says about one request parameter, for tools that work on every operation alike (the CLI builds its
 * options from it, the test kit's fake checks requests with it). The generated clients do not read it: they check
 * their parameters in generated code.
 *
 * @param wireName the name on the wire (query parameter or JSON body field)
 * @param javaName the name of the parameter in the generated Java API
 * @param javaType the type the generated API takes (an enum class for enum parameters)
 * @param minimum the lowest allowed value as text, or null
 * @param maximum the highest allowed value as text, or null
 * @param nonZero whether zero is refused
 * @param description the spec's description, or null
 */
public record ParameterInfo(String wireName, String javaName, Location location, Class<?> javaType, WireForm wireForm,
    boolean required, String minimum, boolean minimumExclusive, String maximum, boolean maximumExclusive,
    boolean nonZero, String description) {

  /** Where the parameter travels. */
  public enum Location { QUERY, BODY }

  /** How the value is written on the wire. */
  public enum WireForm {
    TEXT,
    INTEGER,
    BOOLEAN,
    /** A decimal as a JSON number (in a query: its plain text). */
    DECIMAL_NUMBER,
    /** A decimal as text. */
    DECIMAL_TEXT,
    /** yyyy-MM-dd. */
    DATE,
    /** An instant as Unix seconds. */
    EPOCH_SECONDS,
    /** An enum's wire value as text. */
    ENUM_TEXT,
    /** An enum's wire value as an integer. */
    ENUM_INTEGER
  }
}
