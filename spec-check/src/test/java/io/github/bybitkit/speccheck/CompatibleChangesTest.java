package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes that do not break code written against the released SDK need no version bump and no entry: additions, and a
 * value that may come in more forms but keeps its Java type.
 */
class CompatibleChangesTest {
  @TempDir
  Path dir;

  /** A public operation shaped like the server-time query: new path, new schema, nothing else touched. */
  private static Map<String, Object> serverTimeOperation(String operationId, String envelope) {
    Map<String, Object> result = Map.of("type", "object", "properties",
        Map.of("timeSecond", Map.of("type", "string"), "timeNano", Map.of("type", "string")));
    Map<String, Object> schema = Map.of("allOf", List.of(Map.of("$ref", "#/components/schemas/" + envelope),
        Map.of("type", "object", "properties", Map.of("result", result))));
    Map<String, Object> get = new LinkedHashMap<>();
    get.put("operationId", operationId);
    get.put("tags", List.of("V5Asset"));
    get.put("summary", "Get server time");
    get.put("externalDocs", Map.of("url", "https://bybit-exchange.github.io/docs/v5/market/time"));
    get.put("security", List.of());
    get.put("responses", Map.of("200", Map.of("description", "Server time.",
        "content", Map.of("application/json", Map.of("schema", schema)))));
    return Map.of("get", get);
  }

  @Test
  @SuppressWarnings("unchecked")
  void addedOperationsParametersFieldsEnumValuesAndFormsPass() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.at("paths").put("/v5/market/added-time", serverTimeOperation("getAddedTimeV5", "V5Envelope"));
    workspace.at("paths").put("/v2/public/added-time", serverTimeOperation("getAddedTime", "V2Envelope"));
    ((List<Object>) workspace.at("paths", "/v2/private/position/list", "get").get("parameters"))
        .add(Map.of("name", "category", "in", "query", "required", false, "schema", Map.of("type", "string")));
    workspace.at("components", "schemas", "BybitBalance", "properties")
        .put("bonus", Map.of("type", "number", "description", "A new response field."));
    workspace.at("components", "schemas", "V5Envelope", "properties")
        .put("retExtMap", Map.of("type", "object", "additionalProperties", true));
    // New enum values: openapi-diff alone calls a new value in a response incompatible; BybitKit decodes unknown
    // values to UNKNOWN.
    workspace.listAt("components", "schemas", "WithdrawStatus", "enum").add("Frozen");
    workspace.listAt("components", "schemas", "PositionMode", "enum").add(3);
    workspace.listAt("components", "schemas", "BybitPositionsResult", "oneOf").add(Map.of("type", "string"));

    CompatibilityReport report = workspace.check();

    assertPasses(report);
    assertEquals(List.of(), report.breaking());
  }

  /** Bybit's documents disagree over time; the spec then accepts both forms. Still a BigDecimal. */
  @Test
  void aNumberThatMayNowAlsoComeAsAStringStaysADecimal() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    Map<String, Object> equity = workspace.at("components", "schemas", "BybitBalance", "properties", "equity");
    equity.remove("type");
    equity.put("allOf", List.of(Map.of("$ref", "#/components/schemas/DecimalNumberOrString")));
    equity.put("x-bybit-type", "decimal");

    CompatibilityReport report = workspace.check();

    assertPasses(report);
    assertEquals(List.of(), report.breaking());
  }
}
