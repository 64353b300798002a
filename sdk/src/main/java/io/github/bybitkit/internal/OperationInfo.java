package io.github.bybitkit.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;
import java.util.List;

/**
 * What the runtime knows of one operation; the generated {@code BybitOperations} lists them all.
 *
 * @param operationId the spec's operationId, unique across the spec
 * @param javaMethod the client method's name (and, capitalized, its request record's): the operationId unless the
 *     generator config names it otherwise, e.g. a v5 operation keeping its v2 counterpart's name in another client
 * @param tag the spec tag (one client per tag)
 * @param path the absolute path in the spec, e.g. /v2/private/wallet/balance
 * @param resultType the Java type of the envelope's {@code result}
 * @param resultAdapter a hand-written adapter for the result, or null to use Moshi's adapter for resultType
 * @param serverClock whether this is the public operation whose envelope time sync reads Bybit's clock from
 * @param docsUrl Bybit's documentation of the operation
 * @param summary the spec's summary
 * @param description the spec's description, or null
 * @param parameters the request parameters, in spec order
 */
public record OperationInfo(String operationId, String javaMethod, String tag, String httpMethod, String path, AuthScheme auth,
    EnvelopeKind envelope, Type resultType, ResultAdapterFactory resultAdapter, boolean serverClock,
    String docsUrl, String summary, String description, List<ParameterInfo> parameters) {

  public OperationInfo {
    parameters = List.copyOf(parameters);
  }

  /** Creates the hand-written adapter of a result that Moshi's own adapters cannot read. */
  @FunctionalInterface
  public interface ResultAdapterFactory {
    JsonAdapter<?> create(Moshi moshi, boolean strict);
  }

  /** The adapter for this operation's result in the given Moshi; null for operations without a result. */
  public JsonAdapter<?> resultAdapter(Moshi moshi, boolean strict) {
    if (resultType == Void.class) {
      return null;
    }
    return resultAdapter != null ? resultAdapter.create(moshi, strict) : moshi.adapter(resultType);
  }
}
