package io.github.bybitkit.metadata;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * What the spec says about one operation, for tools that work on every operation alike; the generated
 * {@link BybitOperations} lists them all.
 *
 * @param operationId the spec's operationId, unique across the spec
 * @param tag the spec tag (one client per tag)
 * @param httpMethod the HTTP method
 * @param path the absolute path in the spec, e.g. /v2/private/wallet/balance
 * @param auth how requests are signed
 * @param envelope the response envelope
 * @param resultType the Java type the generated method returns ({@code Void.class} for none)
 * @param serverClock whether this is the public operation whose envelope time sync reads Bybit's clock from
 * @param invocation how the generated client method is reached and called
 * @param deprecatedReplacement what to call instead when Bybit has abandoned the operation, else null
 * @param docsUrl Bybit's documentation of the operation
 * @param summary the spec's summary
 * @param description the spec's description, or null
 * @param parameters the request parameters, in spec order
 */
public record OperationInfo(String operationId, String tag, HttpMethod httpMethod, String path, AuthScheme auth,
    EnvelopeKind envelope, Type resultType, boolean serverClock, Invocation invocation,
    String deprecatedReplacement, String docsUrl, String summary, String description,
    List<ParameterInfo> parameters) {

  public OperationInfo {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(invocation, "invocation");
    parameters = List.copyOf(parameters);
  }

  /** Whether Bybit has abandoned the operation (the generated method is {@code @Deprecated}). */
  public boolean deprecated() {
    return deprecatedReplacement != null;
  }

  /**
   * How to call an operation through the public API, as the generator emitted it, so that tools need not guess
   * names: {@code bybitClient.<group>().<client>().<method>(...)}.
   *
   * @param group the {@code BybitClient} accessor of the API family, e.g. {@code v5}
   * @param client the group's accessor of the operation's client, e.g. {@code market}
   * @param clientType the client class, e.g. {@code V5MarketClient}
   * @param method the client method's name (also the stem of its request record's name)
   * @param requestType the request record the method takes, or null when the method takes the parameters
   *     themselves, in the order of {@link OperationInfo#parameters()}
   */
  public record Invocation(String group, String client, Class<?> clientType, String method, Class<?> requestType) {
    public Invocation {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(clientType, "clientType");
      Objects.requireNonNull(method, "method");
    }
  }
}
