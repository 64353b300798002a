package io.github.bybitkit.cli;

import io.github.bybitkit.testkit.FakeBybit;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Where the sandbox keeps its account between runs: {@code ~/.bybitkit/sandbox.json}, or the file
 * {@value #STATE_VARIABLE} names. Each run against the sandbox starts a fresh fake, restores the account from the
 * file, and saves it back after the call, so that a command sees what the previous one changed.
 */
final class SandboxState {
  static final String STATE_VARIABLE = "BYBIT_SANDBOX_STATE";

  private final Path file;

  private SandboxState(Path file) {
    this.file = file;
  }

  /** The state file the environment names, or the default under the user's home. */
  static SandboxState of(Map<String, String> environment) {
    String named = environment.get(STATE_VARIABLE);
    if (Target.blank(named)) {
      return new SandboxState(Path.of(System.getProperty("user.home"), ".bybitkit", "sandbox.json"));
    }
    try {
      return new SandboxState(Path.of(named));
    } catch (InvalidPathException e) {
      throw new UsageException(STATE_VARIABLE + ": '" + named + "' is not a file path.");
    }
  }

  Path file() {
    return file;
  }

  /**
   * Sets the fake's account to the saved one; without a file the fake keeps its fresh account.
   *
   * @throws UsageException when the file cannot be read or is not a saved account (nothing is sent then)
   */
  void loadInto(FakeBybit sandbox) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      sandbox.account().restore(Files.readString(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("The sandbox state in " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "); run 'bybit sandbox reset' to start over.");
    }
  }

  /** Writes the fake's account; a reader never sees half a file. */
  void save(FakeBybit sandbox) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, ".sandbox", ".partial");
    try {
      Files.writeString(partial, sandbox.account().snapshot() + "\n");
      try {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** @return whether there was a saved account */
  boolean reset() throws IOException {
    return Files.deleteIfExists(file);
  }
}
