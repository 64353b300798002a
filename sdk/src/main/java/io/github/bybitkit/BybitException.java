package io.github.bybitkit;

/**
 * Base of every BybitKit failure. Unchecked. The subclasses say what went wrong:
 * <ul>
 *   <li>{@link BybitApiException}: Bybit refused the request with a return code (with {@link
 *       BybitAuthenticationException} and {@link BybitTimestampException} for the codes callers treat apart);
 *   <li>{@link BybitRateLimitException}: a rate limit was hit, by code (10006, 10018) or by HTTP status (403, 429);
 *   <li>{@link BybitHttpException}: a non-2xx answer that is not a Bybit envelope (a CDN or proxy error page);
 *   <li>{@link BybitDecodingException}: the body is not what the spec says;
 *   <li>{@link BybitTransportException}: I/O failure or timeout; the request may or may not have reached Bybit.
 * </ul>
 * Messages name the operation and never contain the API secret, a signature or the full API key.
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
