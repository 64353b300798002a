package io.github.bybitkit.internal;

/** What the runtime reads of any response envelope. */
public interface Envelope<T> {
  /** 0 on success. */
  int retCode();

  String retMsg();

  /** The business data; null on errors and for operations without a result. */
  T result();

  /** Bybit's clock when it answered ({@code time_now} in v2, {@code time} in v5), or null when absent. */
  java.time.Instant serverTime();
}
