package io.github.bybitkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local clock corrected by the last measured offset to Bybit's clock; request timestamps come from here. One
 * offset serves v2 and v5: both endpoints report the same clock. Thread-safe.
 */
public final class ServerClock {
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();

  public ServerClock(Clock clock) {
    this.clock = clock;
  }

  /** The local clock, uncorrected. */
  public Clock localClock() {
    return clock;
  }

  /** Bybit's time now, as far as this client knows, in ms. */
  public long millis() {
    return clock.millis() + offsetMillis.get();
  }

  /** How far Bybit's clock is ahead of the local one (negative: behind). */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /**
   * Records a measurement: Bybit said {@code serverMillis} while the request took from {@code sentMillis} to
   * {@code receivedMillis} by the local clock; the answer is taken to be from the middle of that interval.
   */
  public Duration record(long serverMillis, long sentMillis, long receivedMillis) {
    long offset = serverMillis - (sentMillis + (receivedMillis - sentMillis) / 2);
    offsetMillis.set(offset);
    return Duration.ofMillis(offset);
  }
}
