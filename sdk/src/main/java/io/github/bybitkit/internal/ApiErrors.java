package io.github.bybitkit.internal;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitAuthenticationException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTimestampException;
import io.github.bybitkit.RateLimit;
import java.util.Set;

/** Bybit's return codes that callers handle apart, and the exception type each becomes. */
public final class ApiErrors {
  /** The request's timestamp was outside the receive window; not executed. */
  public static final int TIMESTAMP = 10002;
  /** Per-key rate limit; not executed. */
  public static final int RATE_LIMIT = 10006;
  /** Server error. */
  public static final int SERVER_ERROR = 10016;
  /** IP rate limit (v2; deprecated in v5). */
  public static final int IP_RATE_LIMIT = 10018;
  /** Invalid key, bad signature, no permission, IP not bound to the key, expired key. */
  public static final Set<Integer> AUTHENTICATION = Set.of(10003, 10004, 10005, 10010, 33004);

  private ApiErrors() {}

  /**
   * The exception for a non-zero return code.
   *
   * @param retMsg Bybit's message, already redacted
   */
  public static BybitException of(String operationId, int retCode, String retMsg, int httpStatus,
      RateLimit rateLimit) {
    if (retCode == RATE_LIMIT || retCode == IP_RATE_LIMIT) {
      String text = "Bybit returned " + retCode + (retMsg == null || retMsg.isEmpty() ? "" : ": " + retMsg)
          + (rateLimit != null && rateLimit.resetAt() != null ? "; the limit resets at " + rateLimit.resetAt() : "");
      return new BybitRateLimitException(operationId, text, retCode, retMsg, httpStatus,
          rateLimit == null ? null : rateLimit.resetAt(), rateLimit);
    }
    if (retCode == TIMESTAMP) {
      return new BybitTimestampException(operationId, retCode, retMsg, httpStatus, rateLimit);
    }
    if (AUTHENTICATION.contains(retCode)) {
      return new BybitAuthenticationException(operationId, retCode, retMsg, httpStatus, rateLimit);
    }
    return new BybitApiException(operationId, retCode, retMsg, httpStatus, rateLimit);
  }
}
