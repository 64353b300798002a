package io.github.bybitkit;

/**
 * Base of every BybitKit failure: the request could not be sent or completed, the response could not be read, or
 * Bybit refused it ({@link BybitApiException}). Unchecked. Messages name the operation and never contain a secret,
 * a signature or a full API key.
 */
public class BybitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operationId;

  public BybitException(String operationId, String message, Throwable cause) {
    super(operationId == null ? message : operationId + ": " + message, cause);
    this.operationId = operationId;
  }

  public BybitException(String operationId, String message) {
    this(operationId, message, null);
  }

  /** The spec's operationId of the failed call, or null when the failure is not tied to one. */
  public String operationId() {
    return operationId;
  }
}
