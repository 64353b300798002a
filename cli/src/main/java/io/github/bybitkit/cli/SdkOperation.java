package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.internal.BybitOperations;
import io.github.bybitkit.internal.OperationInfo;
import io.github.bybitkit.internal.ParameterInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation of {@link BybitOperations} bound to the generated method that runs it. Found by reflection, following
 * the generator's naming: the client of tag {@code T} is the class {@code TClient}, reached from {@link BybitClient}
 * through a group ({@code inversePerpetual()}, {@code v5()}); the method is named by the operationId; it takes the
 * request record {@code <OperationId>Request} when the generator made one, else the parameters in spec order. So an
 * operation added to the spec becomes a command without code here.
 */
final class SdkOperation {
  private final OperationInfo info;
  private final ClientAccessor client;
  private final Method method;
  private final Class<?> requestType;

  private SdkOperation(OperationInfo info, ClientAccessor client, Method method, Class<?> requestType) {
    this.info = info;
    this.client = client;
    this.method = method;
    this.requestType = requestType;
  }

  /** Every operation of the spec, in spec order. */
  static List<SdkOperation> all() {
    Map<String, ClientAccessor> clients = clientsByTag();
    List<SdkOperation> operations = new ArrayList<>();
    for (OperationInfo info : BybitOperations.all()) {
      operations.add(bind(info, clients));
    }
    return operations;
  }

  OperationInfo info() {
    return info;
  }

  /** What the generated method returns, e.g. {@code Map<String, BybitBalance>}. */
  Type resultType() {
    return method.getGenericReturnType();
  }

  /**
   * Calls the operation.
   *
   * @param values the given parameters by wire name; absent ones are not set
   * @return the generated method's result (null for operations without one)
   * @throws RuntimeException whatever the generated code throws, unwrapped: {@code IllegalArgumentException} for a
   *     parameter it refuses, {@code BybitException} for a failed call
   */
  Object invoke(BybitClient bybit, Map<String, Object> values) {
    Object target = client.of(bybit);
    if (requestType == null) {
      Object[] arguments = info.parameters().stream().map(p -> values.get(p.wireName())).toArray();
      return call(method, target, arguments);
    }
    Object builder = call(findMethod(requestType, "builder", 0), null);
    for (ParameterInfo parameter : info.parameters()) {
      Object value = values.get(parameter.wireName());
      if (value != null) {
        call(findMethod(builder.getClass(), parameter.javaName(), 1), builder, value);
      }
    }
    Object request = call(findMethod(builder.getClass(), "build", 0), builder);
    return call(method, target, request);
  }

  private static SdkOperation bind(OperationInfo info, Map<String, ClientAccessor> clients) {
    ClientAccessor client = clients.get(info.tag());
    if (client == null) {
      throw new IllegalStateException("No client of tag " + info.tag() + " for operation " + info.operationId()
          + " under BybitClient; clients found: " + clients.keySet());
    }
    Class<?> clientType = client.type();
    Class<?> requestType = requestType(info, clientType);
    Method method;
    if (requestType != null) {
      method = publicMethod(clientType, info.javaMethod(), requestType);
    } else {
      method = Arrays.stream(clientType.getMethods())
          .filter(m -> m.getName().equals(info.javaMethod()) && m.getParameterCount() == info.parameters().size())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No method " + info.javaMethod() + " with "
              + info.parameters().size() + " parameters in " + clientType.getName()));
    }
    return new SdkOperation(info, client, method, requestType);
  }

  /** The request record of an operation, or null when its method takes the parameters directly. */
  private static Class<?> requestType(OperationInfo info, Class<?> clientType) {
    String method = info.javaMethod();
    String name = clientType.getPackageName() + "." + Character.toUpperCase(method.charAt(0)) + method.substring(1)
        + "Request";
    try {
      return Class.forName(name, true, clientType.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** Tag to client, from BybitClient's groups and the groups' client accessors. */
  private static Map<String, ClientAccessor> clientsByTag() {
    Map<String, ClientAccessor> clients = new LinkedHashMap<>();
    for (Method group : accessors(BybitClient.class)) {
      Class<?> groupType = group.getReturnType();
      if (groupType == BybitClient.class || !groupType.getName().startsWith("io.github.bybitkit.")) {
        continue;
      }
      for (Method client : accessors(groupType)) {
        String simpleName = client.getReturnType().getSimpleName();
        if (simpleName.endsWith("Client")) {
          String tag = simpleName.substring(0, simpleName.length() - "Client".length());
          clients.put(tag, new ClientAccessor(group, client));
        }
      }
    }
    return clients;
  }

  /** Public instance methods without parameters, in a stable order. */
  private static List<Method> accessors(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
            && m.getDeclaringClass() == type)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .toList();
  }

  private static Method publicMethod(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      return type.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("No method " + name + Arrays.toString(parameterTypes) + " in "
          + type.getName(), e);
    }
  }

  private static Method findMethod(Class<?> type, String name, int parameterCount) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == parameterCount)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No method " + name + " with " + parameterCount
            + " parameters in " + type.getName()));
  }

  private static Object call(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      // The generated code's own exception is what the caller handles, not reflection's wrapper.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(method + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + method, e);
    }
  }

  /** How to reach the client of one tag from a {@link BybitClient}: group accessor, then client accessor. */
  private record ClientAccessor(Method group, Method client) {
    Class<?> type() {
      return client.getReturnType();
    }

    Object of(BybitClient bybit) {
      return call(client, call(group, bybit));
    }
  }
}
