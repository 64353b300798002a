package io.github.bybitkit.cli;

import io.github.bybitkit.testkit.FakeBybit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One in-process run of {@code bybit}: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

  /**
   * As a user runs it: the sandbox, when it is the target, is a fresh FakeBybit as {@code bybit} starts it. Its
   * account is saved in a new temporary file unless the environment names one ({@link SandboxState#STATE_VARIABLE}),
   * so runs do not see each other's changes.
   */
  static CliRun run(Map<String, String> environment, String... args) {
    return run(environment, Main::freshSandbox, args);
  }

  /** Without credentials in the environment. */
  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * With {@code sandbox} as the sandbox, so the test can set it up and read what it received. The run closes it;
   * its request log stays readable.
   */
  static CliRun inSandbox(FakeBybit sandbox, String... args) {
    return run(Map.of(), () -> sandbox, args);
  }

  /** A state file of its own for a run whose environment names none. */
  private static Map<String, String> withStateFile(Map<String, String> environment) {
    if (environment.containsKey(SandboxState.STATE_VARIABLE)) {
      return environment;
    }
    Map<String, String> withState = new HashMap<>(environment);
    try {
      Path directory = Files.createTempDirectory("bybit-cli-test");
      withState.put(SandboxState.STATE_VARIABLE, directory.resolve("sandbox.json").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withState;
  }

  private static CliRun run(Map<String, String> environment, Supplier<FakeBybit> sandboxes, String... args) {
    environment = withStateFile(environment);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Main.run(args, outStream, errStream, environment, sandboxes);
    }
    return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What was printed on stderr after the sandbox marker, which must be its first line. */
  String errAfterSandboxMarker() {
    if (!err.startsWith(Main.SANDBOX_MARKER + "\n")) {
      throw new AssertionError("no sandbox marker on stderr: " + this);
    }
    return err.substring(Main.SANDBOX_MARKER.length() + 1);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
  }
}
