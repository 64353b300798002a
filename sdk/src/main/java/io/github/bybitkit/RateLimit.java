package io.github.bybitkit;

import java.time.Instant;

/**
 * Bybit's rate-limit state of one operation, as the last response reported it: the v2 body fields
 * ({@code rate_limit}, {@code rate_limit_status}, {@code rate_limit_reset_ms}) or the v5 headers
 * ({@code X-Bapi-Limit}, {@code X-Bapi-Limit-Status}, {@code X-Bapi-Limit-Reset-Timestamp}).
 *
 * @param limit requests allowed in the window, or null when not reported
 * @param remaining requests left in the window, or null when not reported
 * @param resetAt when the window resets (Bybit's clock) if the limit was exceeded; otherwise about the time of the
 *     response; null when not reported
 * @param observedAt when the response arrived, by the client's clock
 */
public record RateLimit(Integer limit, Integer remaining, Instant resetAt, Instant observedAt) {

  /** Whether the last response said no request is left in the window. */
  public boolean isExhausted() {
    return remaining != null && remaining <= 0;
  }
}
