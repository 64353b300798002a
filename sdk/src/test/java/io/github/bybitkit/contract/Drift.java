package io.github.bybitkit.contract;

/**
 * One difference between a recorded response and the spec, or between a response and what the generated model
 * writes back.
 *
 * @param operationId the operation the response belongs to
 * @param file the recorded file, e.g. {@code docs-2023.json}
 * @param kind what kind of difference
 * @param path where, as a JSON path ({@code $.result[0].user_id})
 * @param example the value found there, as compact JSON ({@code absent} for a missing field)
 * @param expected what the spec (or the original response) has instead
 */
record Drift(String operationId, String file, Kind kind, String path, String example, String expected) {

  /** The kinds of drift, in report order. */
  enum Kind {
    UNKNOWN_FIELD("field not in the spec", "Unknown fields"),
    TYPE("JSON type differs from the spec", "Types"),
    ENUM("enum value not in the spec", "Enum values"),
    MISSING_REQUIRED("required field missing", "Missing required"),
    VALUE("value outside the spec's pattern, format or range", "Values"),
    NOT_KEPT("not kept by the generated model (decode, encode, compare)", "Not kept"),
    UNREADABLE("response cannot be checked", "Unreadable");

    final String description;
    /** The short name of a report column. */
    final String column;

    Kind(String description, String column) {
      this.description = description;
      this.column = column;
    }
  }

  /** One line for a test failure or the console: operation, path, what, example value and file. */
  String line() {
    return operationId + " " + path + ": " + kind.description + "; found " + example + "; " + expected + " ("
        + operationId + "/" + file + ")";
  }

  @Override
  public String toString() {
    return line();
  }
}
