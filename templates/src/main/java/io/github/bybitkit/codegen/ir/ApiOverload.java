package io.github.bybitkit.codegen.ir;

import java.util.List;

/**
 * An extra signature of an operation (an older Java surface's form). It takes {@code parameters}, runs the
 * {@code checks}, then calls the operation with its required parameters in order, each given by {@code arguments}.
 */
public record ApiOverload(List<Parameter> parameters, List<Call> checks, List<Argument> arguments,
    String description) {

  /** A Java parameter: its name and its Java type as written in generator-config ({@code int}, {@code String}, a class). */
  public record Parameter(String name, String javaType) {}

  /** A static runtime method ({@code pkg.Class.method}) applied to overload parameters. */
  public record Call(String className, String methodName, List<String> parameterNames) {}

  /** One required parameter of the operation: an overload parameter passed through, or a conversion's result. */
  public record Argument(String passedParameter, Call conversion) {}
}
