package io.github.bybitkit.benchmarks;

import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.OperationInfo;

/**
 * Decodes a body the way the client's converter does, through the tool API's {@link BybitJson#decoder} (lenient, as
 * {@code BybitClient} builds it by default): bounds check, the operation's envelope adapter, the result.
 */
public final class BybitKitDecoder {
  private final BybitJson.ResponseDecoder decoder;

  public BybitKitDecoder(OperationInfo operation) {
    this.decoder = BybitJson.decoder(operation, false);
  }

  /** The envelope's result, as the generated client returns it. */
  public Object decode(byte[] body) {
    return decoder.result(body);
  }
}
