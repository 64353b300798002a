package io.github.bybitkit;

import java.util.Optional;

/**
 * Bybit answered with a non-zero return code ({@code ret_code} in v2, {@code retCode} in v5): the request reached
 * Bybit and was refused; {@link #retCode()} says why (see Bybit's error-code tables). Codes that callers usually
 * handle apart have subclasses: {@link BybitAuthenticationException} and {@link BybitTimestampException}. Rate-limit
 * codes (10006, 10018) are reported as {@link BybitRateLimitException}, together with HTTP 403 and 429.
 */
public class BybitApiException extends BybitException {
  private static final long serialVersionUID = 1L;

  private final int retCode;
  private final String retMsg;
  private final int httpStatus;
  private final transient RateLimit rateLimit;

  public BybitApiException(String operationId, int retCode, String retMsg) {
    this(operationId, retCode, retMsg, 200, null);
  }

  /**
   * @param httpStatus the HTTP status the envelope came with (200 for most errors)
   * @param rateLimit the rate-limit state the response reported, or null
   */
  public BybitApiException(String operationId, int retCode, String retMsg, int httpStatus, RateLimit rateLimit) {
    super(operationId, "Bybit returned " + retCode + (retMsg == null || retMsg.isEmpty() ? "" : ": " + retMsg)
        + (httpStatus == 200 ? "" : " (HTTP " + httpStatus + ")"));
    this.retCode = retCode;
    this.retMsg = retMsg;
    this.httpStatus = httpStatus;
    this.rateLimit = rateLimit;
  }

  /** Bybit's return code, never 0. */
  public int retCode() {
    return retCode;
  }

  /** Bybit's message; may be empty. */
  public String retMsg() {
    return retMsg;
  }

  /** The HTTP status of the response that carried the envelope, usually 200. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The rate-limit state the refusing response reported, if it did. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }
}
