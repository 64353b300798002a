package io.github.bybitkit.internal;

import io.github.bybitkit.internal.json.JsonValues;
import java.time.Instant;

/**
 * The v2 envelope, field by field as Bybit sends it. Text fields whose JSON type varied over time ({@code ext_code},
 * {@code ext_info}, {@code token}) keep the raw text.
 *
 * @param timeNow server time as sent, seconds with a fraction ("1577480720.003444")
 * @param rateLimitStatus requests left in the current window, on rate-limited private endpoints
 * @param rateLimitResetMs when the limit resets (ms) if it was exceeded, otherwise about now
 * @param rateLimit the endpoint's limit
 */
public record V2Response<T>(int retCode, String retMsg, String extCode, String extInfo, T result, String timeNow,
    Integer rateLimitStatus, Long rateLimitResetMs, Integer rateLimit, String token) implements Envelope<T> {

  /** {@link #timeNow()} as an instant, exact to the microsecond; null when absent. */
  public Instant serverTime() {
    return timeNow == null ? null : JsonValues.parseSecondsWithFraction(timeNow);
  }
}
