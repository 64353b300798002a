package io.github.bybitkit;

import java.io.InterruptedIOException;

/**
 * The request failed on the way: connection refused or dropped, DNS, TLS, or a timeout. It may or may not have
 * reached Bybit, so the client retries only GETs; a POST fails with this exception after one attempt.
 */
public class BybitTransportException extends BybitException {
  private static final long serialVersionUID = 1L;

  public BybitTransportException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }

  /** Whether a connect, read or whole-call timeout ended the request. */
  public boolean isTimeout() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException && !(t.getCause() instanceof InterruptedException)) {
        return true;
      }
    }
    return false;
  }
}
