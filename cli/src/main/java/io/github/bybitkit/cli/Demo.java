package io.github.bybitkit.cli;

import java.io.PrintStream;

/** {@code bybit demo}: a scripted session against the sandbox. */
final class Demo {
  private Demo() {}

  static int run(PrintStream out) {
    throw new UsageException("The sandbox is not available in this build.");
  }
}
