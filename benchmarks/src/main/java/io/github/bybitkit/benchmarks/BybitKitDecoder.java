package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.OperationInfo;
import io.github.bybitkit.internal.Redactor;
import io.github.bybitkit.internal.V2Response;
import io.github.bybitkit.internal.V5Response;
import io.github.bybitkit.internal.json.BybitMoshi;
import okio.Buffer;

/**
 * Decodes a body the way the client's converter does: the bytes in an okio {@link Buffer}, the operation's envelope
 * adapter (lenient, as {@code BybitClient} builds it by default), then {@link BybitConverterFactory#decode}.
 */
public final class BybitKitDecoder {
  private final OperationInfo operation;
  private final JsonAdapter<Object> envelope;
  private final Redactor redactor = new Redactor(null);

  public BybitKitDecoder(OperationInfo operation) {
    this.operation = operation;
    this.envelope = BybitConverterFactory.envelopeAdapter(operation, BybitMoshi.create(false), false);
  }

  /** The envelope's result, as the generated client returns it. */
  public Object decode(byte[] body) {
    Object response = BybitConverterFactory.decode(operation, envelope, new Buffer().write(body), redactor);
    if (response instanceof V5Response<?> v5) {
      return v5.result();
    }
    return ((V2Response<?>) response).result();
  }
}
