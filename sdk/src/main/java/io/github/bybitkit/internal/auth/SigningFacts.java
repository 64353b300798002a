package io.github.bybitkit.internal.auth;

import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import retrofit2.Invocation;

/**
 * What signing needs to know about a generated Retrofit method: its {@link BybitEndpoint} and the parameters whose
 * values v2 signing checks as times. Read once per method, not per request (annotation proxies and the metadata
 * lookup cost more than the HMAC itself). Kept per declaring class in a {@link ClassValue}, so the entries go away
 * with an unloaded class.
 */
final class SigningFacts {
  /** For requests not made through an annotated method: they pass through unsigned. */
  static final SigningFacts UNSIGNED = new SigningFacts(AuthScheme.NONE, null, Map.of());

  private static final ClassValue<Map<Method, SigningFacts>> BY_CLASS = new ClassValue<>() {
    @Override
    protected Map<Method, SigningFacts> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  final AuthScheme auth;
  /** The spec's operationId; null when unsigned. */
  final String operationId;
  /** Wire name to parameter, only for parameters sent as epoch seconds or dates. */
  private final Map<String, ParameterInfo> timeParameters;

  private SigningFacts(AuthScheme auth, String operationId, Map<String, ParameterInfo> timeParameters) {
    this.auth = auth;
    this.operationId = operationId;
    this.timeParameters = timeParameters;
  }

  /** The facts of the method behind {@code request}, {@link #UNSIGNED} for a request made otherwise. */
  static SigningFacts of(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return UNSIGNED;
    }
    Method method = invocation.method();
    Map<Method, SigningFacts> facts = BY_CLASS.get(method.getDeclaringClass());
    SigningFacts known = facts.get(method);
    return known != null ? known : facts.computeIfAbsent(method, SigningFacts::read);
  }

  /** The epoch-seconds or date parameter sent as {@code wireName}, or null. */
  ParameterInfo timeParameter(String wireName) {
    return timeParameters.get(wireName);
  }

  private static SigningFacts read(Method method) {
    BybitEndpoint endpoint = method.getAnnotation(BybitEndpoint.class);
    if (endpoint == null) {
      return UNSIGNED;
    }
    return new SigningFacts(endpoint.auth(), endpoint.operationId(), timeParameters(endpoint.operationId()));
  }

  private static Map<String, ParameterInfo> timeParameters(String operationId) {
    OperationInfo op;
    try {
      op = BybitOperations.byId(operationId);
    } catch (IllegalArgumentException outsideTheSpec) {
      return Map.of(); // an endpoint outside the spec (tests): no parameter facts
    }
    // The first parameter of a wire name decides, as a scan of the parameters in order would.
    Map<String, ParameterInfo> first = new HashMap<>();
    for (ParameterInfo parameter : op.parameters()) {
      first.putIfAbsent(parameter.wireName(), parameter);
    }
    first.values().removeIf(p -> p.wireForm() != ParameterInfo.WireForm.EPOCH_SECONDS
        && p.wireForm() != ParameterInfo.WireForm.DATE);
    return Map.copyOf(first);
  }
}
