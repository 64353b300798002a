package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.testkit.FakeBybit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** A client for one run against one target; closing it closes the client and stops the sandbox, if one was started. */
final class Session implements AutoCloseable {
  private final BybitClient client;
  private final boolean signed;
  private final boolean rsa;
  private final FakeBybit sandbox;
  private final SandboxState sandboxState;

  private Session(BybitClient client, boolean signed, boolean rsa, FakeBybit sandbox, SandboxState sandboxState) {
    this.client = client;
    this.signed = signed;
    this.rsa = rsa;
    this.sandbox = sandbox;
    this.sandboxState = sandboxState;
  }

  /**
   * @param environment where a live target's credentials come from; the sandbox has its own and ignores them
   * @param sandboxes starts the sandbox's fake ({@code FakeBybit::start}; tests hand in one they watch)
   */
  static Session open(Target target, Map<String, String> environment, Supplier<FakeBybit> sandboxes) {
    if (target.isSandbox()) {
      SandboxState state = SandboxState.of(environment);
      FakeBybit sandbox = sandboxes.get();
      try {
        state.loadInto(sandbox);
      } catch (UsageException e) {
        sandbox.close();
        throw e;
      }
      return new Session(sandbox.clientBuilder().build(), true, false, sandbox, state);
    }
    BybitClient.Builder builder = BybitClient.builder().baseUrl(target.baseUrl());
    boolean signed = Target.credentialsSet(environment);
    String keyFile = environment.get(Target.RSA_KEY_FILE_VARIABLE);
    boolean rsa = signed && !Target.blank(keyFile);
    if (rsa && !Target.blank(environment.get(Target.API_SECRET_VARIABLE))) {
      throw new UsageException("Set " + Target.API_SECRET_VARIABLE + " (a system-generated key) or "
          + Target.RSA_KEY_FILE_VARIABLE + " (a self-generated RSA key), not both.");
    }
    if (rsa) {
      try {
        builder.rsaCredentials(environment.get(Target.API_KEY_VARIABLE), readKeyFile(keyFile));
      } catch (IllegalArgumentException e) {
        // The SDK's message says what is wrong with the PEM and never quotes it.
        throw new UsageException(Target.RSA_KEY_FILE_VARIABLE + ": " + e.getMessage());
      }
    } else if (signed) {
      builder.credentials(environment.get(Target.API_KEY_VARIABLE), environment.get(Target.API_SECRET_VARIABLE));
    }
    return new Session(builder.build(), signed, rsa, null, null);
  }

  /** Against a sandbox whose account is neither loaded nor saved ({@code bybit demo}). */
  static Session inMemory(FakeBybit sandbox) {
    return new Session(sandbox.clientBuilder().build(), true, false, sandbox, null);
  }

  private static String readKeyFile(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | InvalidPathException e) {
      throw new UsageException(Target.RSA_KEY_FILE_VARIABLE + ": cannot read '" + file + "' ("
          + e.getClass().getSimpleName() + "); a PKCS#8 PEM text file is expected.");
    }
  }

  /** Whether requests are signed with an RSA key, which cannot sign legacy v2 operations. */
  boolean rsa() {
    return rsa;
  }

  BybitClient client() {
    return client;
  }

  /** Whether requests can be signed: false against a live target without credentials (public operations only). */
  boolean signed() {
    return signed;
  }

  /** Saves the sandbox's account for the next run; a failure is reported, not thrown (the call already happened). */
  void saveSandbox(PrintStream err) {
    if (sandboxState == null) {
      return;
    }
    try {
      sandboxState.save(sandbox);
    } catch (IOException e) {
      err.println("bybit: the sandbox state could not be saved to " + sandboxState.file() + " ("
          + e.getClass().getSimpleName() + "); the next run starts from the previous state.");
    }
  }

  @Override
  public void close() {
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
