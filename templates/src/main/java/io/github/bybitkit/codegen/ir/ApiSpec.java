package io.github.bybitkit.codegen.ir;

import java.util.List;
import java.util.Optional;

/** Everything the emitters get: models, tags with their operations, and where shared code goes. */
public record ApiSpec(List<ApiModel> models, List<ApiTag> tags, String metadataPackage, String jsonPackage,
    String transportClass, String pageClass) {

  public Optional<ApiModel> model(String schemaName) {
    return models.stream().filter(m -> m.schemaName().equals(schemaName)).findFirst();
  }

  public ApiModel requireModel(String schemaName) {
    return model(schemaName).orElseThrow(() -> new IllegalStateException("No model for schema " + schemaName));
  }

}
