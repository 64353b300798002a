package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.OperationInfo.Invocation;
import io.github.bybitkit.metadata.ParameterInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An operation of {@link BybitOperations} bound to the generated method that runs it, as the registry's
 * {@link Invocation} names it: {@code bybit.<group>().<client>().<method>(request or parameters)}. Nothing here
 * follows the generator's naming rules, so an operation added to the spec, or a client renamed in generator-config,
 * becomes a command without code here.
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
    List<SdkOperation> operations = new ArrayList<>();
    for (OperationInfo info : BybitOperations.all()) {
      operations.add(bind(info));
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

  private static SdkOperation bind(OperationInfo info) {
    Invocation invocation = info.invocation();
    Method group = publicMethod(BybitClient.class, invocation.group());
    Method client = publicMethod(group.getReturnType(), invocation.client());
    Class<?> clientType = invocation.clientType();
    if (client.getReturnType() != clientType) {
      throw new IllegalStateException(group.getReturnType().getName() + "." + invocation.client() + "() returns "
          + client.getReturnType().getName() + ", the registry says " + clientType.getName());
    }
    Method method;
    if (invocation.requestType() != null) {
      method = publicMethod(clientType, invocation.method(), invocation.requestType());
    } else {
      // The method that takes every parameter of the spec; overloads (the seed's forms) take other counts.
      method = Arrays.stream(clientType.getMethods())
          .filter(m -> m.getName().equals(invocation.method()) && m.getParameterCount() == info.parameters().size())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No method " + invocation.method() + " with "
              + info.parameters().size() + " parameters in " + clientType.getName()));
    }
    return new SdkOperation(info, new ClientAccessor(group, client), method, invocation.requestType());
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
