package io.github.bybitkit.cli;

/** Input the CLI refuses before anything is sent; it ends the run with {@link ExitCode#USAGE}. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
