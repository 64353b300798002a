package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import java.util.Map;

/** A client for one run against one target; closing it stops the sandbox, if one was started. */
final class Session implements AutoCloseable {
  private final BybitClient client;
  private final boolean signed;
  private final AutoCloseable resources;

  private Session(BybitClient client, boolean signed, AutoCloseable resources) {
    this.client = client;
    this.signed = signed;
    this.resources = resources;
  }

  /**
   * @param environment where a live target's credentials come from; the sandbox uses its own
   */
  static Session open(Target target, Map<String, String> environment) {
    if (target.isSandbox()) {
      throw new UsageException("The sandbox is not available in this build; use --env with a URL.");
    }
    BybitClient.Builder builder = BybitClient.builder().baseUrl(target.baseUrl());
    boolean signed = Target.credentialsSet(environment);
    if (signed) {
      builder.credentials(environment.get(Target.API_KEY_VARIABLE), environment.get(Target.API_SECRET_VARIABLE));
    }
    return new Session(builder.build(), signed, () -> { });
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
    try {
      resources.close();
    } catch (Exception e) {
      // Nothing to report: the run's result is already printed.
    }
  }
}
