package io.github.bybitkit;

/**
 * The response body is not what the spec says: malformed or truncated JSON, a value of the wrong type, a missing
 * required field, or (with strict decoding) a field the spec does not know. The request itself was executed.
 */
public class BybitDecodingException extends BybitException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;

  public BybitDecodingException(String operationId, String message, String jsonPath, Throwable cause) {
    super(operationId, message, cause);
    this.jsonPath = jsonPath;
  }

  /** Where in the body decoding failed, as a JSON path such as {@code $.result.data[0].qty}. */
  public String jsonPath() {
    return jsonPath;
  }
}
