package io.github.bybitkit.internal;

import java.time.Duration;

/** Waits before a retry or for a rate limit; replaced in tests so they need not wait. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
