package io.github.bybitkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The local clock corrected by the last measured offset to Bybit's clock, one offset per envelope kind (v2 and v5
 * have their own time endpoints). Request timestamps come from here. Thread-safe.
 */
public final class ServerClock {
  private final Clock clock;
  private final AtomicLongArray offsetMillis = new AtomicLongArray(EnvelopeKind.values().length);

  public ServerClock(Clock clock) {
    this.clock = clock;
  }

  /** The local clock, uncorrected. */
  public Clock localClock() {
    return clock;
  }

  /** Bybit's time now, as far as this client knows, in ms. */
  public long millis(EnvelopeKind kind) {
    return clock.millis() + offsetMillis.get(kind.ordinal());
  }

  /** How far Bybit's clock is ahead of the local one (negative: behind). */
  public Duration offset(EnvelopeKind kind) {
    return Duration.ofMillis(offsetMillis.get(kind.ordinal()));
  }

  /**
   * Records a measurement: Bybit said {@code serverMillis} while the request took from {@code sentMillis} to
   * {@code receivedMillis} by the local clock; the answer is taken to be from the middle of that interval.
   */
  public Duration record(EnvelopeKind kind, long serverMillis, long sentMillis, long receivedMillis) {
    long offset = serverMillis - (sentMillis + (receivedMillis - sentMillis) / 2);
    offsetMillis.set(kind.ordinal(), offset);
    return Duration.ofMillis(offset);
  }
}
