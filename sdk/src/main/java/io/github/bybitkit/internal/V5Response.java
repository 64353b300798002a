package io.github.bybitkit.internal;

import java.time.Instant;

/**
 * The v5 envelope.
 *
 * @param retExtInfo the {@code retExtInfo} object as raw JSON text (usually "{}")
 * @param time server time in ms
 */
public record V5Response<T>(int retCode, String retMsg, T result, String retExtInfo, Long time)
    implements Envelope<T> {

  public Instant serverTime() {
    return time == null ? null : Instant.ofEpochMilli(time);
  }
}
