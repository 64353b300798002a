package io.github.bybitkit.codegen.ir;

/** The type of a value in the IR: what the emitters need to pick a Java type and its JSON codec. */
public sealed interface ApiType {

  /** Scalars and the JSON form each one takes on the wire. */
  enum ScalarKind {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    /** A decimal sent as a JSON number. */
    DECIMAL_NUMBER,
    /** A decimal sent as a JSON string. */
    DECIMAL_STRING,
    /** A decimal Bybit has sent both ways; read either, written as a string (the current form). */
    DECIMAL_EITHER,
    /** An RFC-3339 time ("" reads as null). */
    INSTANT_RFC3339,
    /** Unix seconds. */
    INSTANT_EPOCH_SECONDS,
    /** yyyy-MM-dd HH:mm:ss without a zone. */
    LOCAL_DATE_TIME,
    /** yyyy-MM-dd. */
    LOCAL_DATE,
    /** Always null (an operation without a result). */
    VOID
  }

  record Scalar(ScalarKind kind) implements ApiType {}

  /** A hand-written enum; {@code integerWire} when JSON carries it as a number (position_idx). */
  record EnumRef(String javaClass, boolean integerWire) implements ApiType {}

  /** A generated model, by schema name. */
  record ModelRef(String schemaName) implements ApiType {}

  record ListOf(ApiType item) implements ApiType {}

  /** A JSON object with arbitrary keys. */
  record MapOf(ApiType value) implements ApiType {}

  /** A hand-written type decoded by a hand-written adapter (configured in generator-config). */
  record Custom(String javaType, String adapterClass) implements ApiType {}
}
