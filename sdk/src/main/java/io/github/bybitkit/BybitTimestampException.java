package io.github.bybitkit;

/**
 * Bybit refused the request's timestamp (10002): it was outside the receive window of Bybit's clock. The request
 * was not executed. The client resynchronises its clock and retries once by itself, so callers see this only when
 * that did not help (or time sync is off): check the machine's clock, the network latency, or widen the receive
 * window.
 */
public class BybitTimestampException extends BybitApiException {
  private static final long serialVersionUID = 1L;

  public BybitTimestampException(String operationId, int retCode, String retMsg, int httpStatus,
      RateLimit rateLimit) {
    super(operationId, retCode, retMsg, httpStatus, rateLimit);
  }
}
