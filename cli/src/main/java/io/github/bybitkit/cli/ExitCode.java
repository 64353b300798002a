package io.github.bybitkit.cli;

/** The exit codes of {@code bybit}; README.md lists them too. */
public final class ExitCode {
  /** The operation ran and its result was printed. */
  public static final int OK = 0;
  /** Bybit refused the request: a non-zero return code, or a rate limit. */
  public static final int BYBIT_ERROR = 1;
  /** Bad input or usage: unknown operation or option, missing or invalid value, no credentials; nothing was sent. */
  public static final int USAGE = 2;
  /** No usable answer: connection failure or timeout, an HTTP error page, or a body that could not be decoded. */
  public static final int FAILURE = 3;

  private ExitCode() {}
}
