package io.github.bybitkit.codegen.ir;

import io.github.bybitkit.codegen.Names;
import java.util.List;

/** One spec tag: one Retrofit interface and one public client. */
public record ApiTag(String name, String description, String packageName, String clientName, String groupName, String groupAccessor,
    List<ApiOperation> operations) {

  public String transportPackage() {
    return packageName + ".transport";
  }

  public String retrofitName() {
    return Names.retrofitInterface(name);
  }
}
