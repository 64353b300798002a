package io.github.bybitkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for some calls that differ from the client-wide defaults: a receive window and a timeout. Immutable.
 * Apply them with {@code bybit.withOptions(options)} or {@code client.withOptions(options)}, which return a view
 * sharing everything else:
 *
 * <pre>{@code
 * bybit.withOptions(RequestOptions.defaults().withRecvWindow(Duration.ofSeconds(2)))
 *     .inversePerpetual().account().setLeverage("BTCUSD", 5, 5);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null);

  private final Duration recvWindow;
  private final Duration timeout;

  private RequestOptions(Duration recvWindow, Duration timeout) {
    this.recvWindow = recvWindow;
    this.timeout = timeout;
  }

  /** No overrides: the client-wide receive window and timeouts apply. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * How long after its timestamp Bybit may still accept a signed request.
   *
   * @throws IllegalArgumentException unless between 1 ms and 1 minute
   */
  public RequestOptions withRecvWindow(Duration recvWindow) {
    return new RequestOptions(checkRecvWindow(recvWindow), timeout);
  }

  /**
   * The longest a call may take, from sending to reading the whole response; each retry gets its own.
   *
   * @throws IllegalArgumentException unless positive
   */
  public RequestOptions withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new RequestOptions(recvWindow, timeout);
  }

  /** The receive window, when it overrides the client's. */
  public Optional<Duration> recvWindow() {
    return Optional.ofNullable(recvWindow);
  }

  /** The call timeout, when it overrides the client's. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  static Duration checkRecvWindow(Duration recvWindow) {
    Objects.requireNonNull(recvWindow, "recvWindow");
    if (recvWindow.toMillis() < 1 || recvWindow.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("recvWindow must be between 1 ms and 1 minute, was " + recvWindow);
    }
    return recvWindow;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other && Objects.equals(recvWindow, other.recvWindow)
        && Objects.equals(timeout, other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recvWindow, timeout);
  }

  @Override
  public String toString() {
    return "RequestOptions[recvWindow=" + recvWindow + ", timeout=" + timeout + "]";
  }
}
