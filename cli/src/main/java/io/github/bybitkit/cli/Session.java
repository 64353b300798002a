package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.testkit.FakeBybit;
import java.io.IOException;
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

  private Session(BybitClient client, boolean signed, boolean rsa, FakeBybit sandbox) {
    this.client = client;
    this.signed = signed;
    this.rsa = rsa;
    this.sandbox = sandbox;
  }

  /**
   * @param environment where a live target's credentials come from; the sandbox has its own and ignores them
   * @param sandboxes starts the sandbox's fake ({@code FakeBybit::start}; tests hand in one they watch)
   */
  static Session open(Target target, Map<String, String> environment, Supplier<FakeBybit> sandboxes) {
    if (target.isSandbox()) {
      FakeBybit sandbox = sandboxes.get();
      return new Session(sandbox.clientBuilder().build(), true, false, sandbox);
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
    return new Session(builder.build(), signed, rsa, null);
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

  @Override
  public void close() {
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
