package io.github.bybitkit.metadata;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.internal.Envelope;
import io.github.bybitkit.internal.Redactor;
import io.github.bybitkit.internal.json.BybitMoshi;
import java.util.Objects;
import okio.Buffer;

/**
 * The JSON codec of the client, for tools: contract tests that decode recorded bodies exactly as the client does,
 * a CLI that prints results with Bybit's wire names and exact decimals, benchmarks of the decoding path.
 */
public final class BybitJson {
  private static final Moshi LENIENT = BybitMoshi.create(false);
  private static final Moshi STRICT = BybitMoshi.create(true);

  private BybitJson() {}

  /**
   * The Moshi instance the client decodes with: the generated adapter of every model, decimals kept exact, and no
   * reflective adapter for any BybitKit type.
   *
   * @param strict whether fields the spec does not know fail decoding (as in contract tests) instead of being
   *     skipped (as the client does by default)
   */
  public static Moshi moshi(boolean strict) {
    return strict ? STRICT : LENIENT;
  }

  /**
   * A decoder of one operation's complete response bodies, through the client's own decoding path.
   *
   * @param strict see {@link #moshi(boolean)}
   */
  public static ResponseDecoder decoder(OperationInfo operation, boolean strict) {
    return new ResponseDecoder(operation, strict);
  }

  /** Decodes response bodies of one operation; thread-safe. */
  public static final class ResponseDecoder {
    private final OperationInfo operation;
    private final JsonAdapter<Object> envelope;
    private final Redactor redactor = new Redactor(null);

    private ResponseDecoder(OperationInfo operation, boolean strict) {
      this.operation = Objects.requireNonNull(operation, "operation");
      this.envelope = BybitConverterFactory.envelopeAdapter(operation, moshi(strict), strict);
    }

    /**
     * The envelope's {@code result}, as the generated client method returns it. The envelope's return code is not
     * checked: a recorded error answer decodes too.
     *
     * @throws BybitDecodingException when the body is not a response of the operation, naming the JSON path
     */
    public Object result(byte[] body) {
      Envelope<?> response = (Envelope<?>) BybitConverterFactory.decode(operation, envelope,
          new Buffer().write(body), redactor);
      return response.result();
    }

    @Override
    public String toString() {
      return "ResponseDecoder(" + operation.operationId() + ")";
    }
  }
}
