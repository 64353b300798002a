package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.testkit.FakeBybit;
import java.util.Map;
import java.util.function.Supplier;

/** A client for one run against one target; closing it closes the client and stops the sandbox, if one was started. */
final class Session implements AutoCloseable {
  private final BybitClient client;
  private final boolean signed;
  private final FakeBybit sandbox;

  private Session(BybitClient client, boolean signed, FakeBybit sandbox) {
    this.client = client;
    this.signed = signed;
    this.sandbox = sandbox;
  }

  /**
   * @param environment where a live target's credentials come from; the sandbox has its own and ignores them
   * @param sandboxes starts the sandbox's fake ({@code FakeBybit::start}; tests hand in one they watch)
   */
  static Session open(Target target, Map<String, String> environment, Supplier<FakeBybit> sandboxes) {
    if (target.isSandbox()) {
      FakeBybit sandbox = sandboxes.get();
      return new Session(sandbox.clientBuilder().build(), true, sandbox);
    }
    BybitClient.Builder builder = BybitClient.builder().baseUrl(target.baseUrl());
    boolean signed = Target.credentialsSet(environment);
    if (signed) {
      builder.credentials(environment.get(Target.API_KEY_VARIABLE), environment.get(Target.API_SECRET_VARIABLE));
    }
    return new Session(builder.build(), signed, null);
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
