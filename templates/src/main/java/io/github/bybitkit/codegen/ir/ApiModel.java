package io.github.bybitkit.codegen.ir;

import java.util.List;

/** One generated model (a Java record), from one spec schema. */
public record ApiModel(String schemaName, String className, String packageName, String description,
    List<ApiProperty> properties) {

  public String qualifiedName() {
    return packageName + "." + className;
  }
}
