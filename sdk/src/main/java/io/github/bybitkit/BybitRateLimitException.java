package io.github.bybitkit;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rate limit was hit: Bybit's per-key limit (return code 10006), its IP limit (code 10018, or HTTP 403, which
 * comes with a ban of minutes), or HTTP 429; or the client-side limiter refused to wait that long. Not a {@link
 * BybitApiException}, because the limit arrives either as a return code or as an HTTP status and callers handle
 * both the same way: wait until {@link #resetAt()} when it is known.
 */
public class BybitRateLimitException extends BybitException {
  private static final long serialVersionUID = 1L;

  private final Integer retCode;
  private final String retMsg;
  private final int httpStatus;
  private final Instant resetAt;
  private final transient RateLimit rateLimit;

  /**
   * @param retCode Bybit's return code, or null when the limit came as an HTTP status only
   * @param httpStatus the HTTP status of the response, or 0 when nothing was sent (client-side limiter)
   * @param resetAt when the limit resets, by Bybit's clock, or null when unknown
   * @param rateLimit the state the response reported, or null
   */
  public BybitRateLimitException(String operationId, String message, Integer retCode, String retMsg, int httpStatus,
      Instant resetAt, RateLimit rateLimit) {
    super(operationId, message);
    this.retCode = retCode;
    this.retMsg = retMsg;
    this.httpStatus = httpStatus;
    this.resetAt = resetAt;
    this.rateLimit = rateLimit;
  }

  /** Bybit's return code (10006, 10018), or empty when the limit came as an HTTP status. */
  public OptionalInt retCode() {
    return retCode == null ? OptionalInt.empty() : OptionalInt.of(retCode);
  }

  /** Bybit's message, or empty. */
  public Optional<String> retMsg() {
    return Optional.ofNullable(retMsg);
  }

  /** The HTTP status (200 for a return code in a normal response, 403, 429), or 0 when nothing was sent. */
  public int httpStatus() {
    return httpStatus;
  }

  /** When the limit resets, by Bybit's clock, if the response said so. */
  public Optional<Instant> resetAt() {
    return Optional.ofNullable(resetAt);
  }

  /** The rate-limit state the response reported, if any. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }
}
