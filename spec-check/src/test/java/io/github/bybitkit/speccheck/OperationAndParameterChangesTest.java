package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertFailsWith;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removed or renamed operations, new or newly required parameters, removed parameters, narrowed enums. */
class OperationAndParameterChangesTest {
  @TempDir
  Path dir;

  private SpecWorkspace workspace;

  private SpecWorkspace workspace() throws IOException {
    if (workspace == null) {
      workspace = SpecWorkspace.copyOfRealSpec(dir);
    }
    return workspace;
  }

  private Map<String, Object> operation(String path, String method) throws IOException {
    return workspace().at("paths", path, method);
  }

  @SuppressWarnings("unchecked")
  private List<Object> parameters(String path, String method) throws IOException {
    return (List<Object>) operation(path, method).computeIfAbsent("parameters", key -> new ArrayList<>());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parameter(String path, String method, String name) throws IOException {
    return parameters(path, method).stream().map(p -> (Map<String, Object>) p)
        .filter(p -> name.equals(p.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no parameter " + name + " of " + method + " " + path));
  }

  private Map<String, Object> jsonBody(String path, String method) throws IOException {
    return workspace().at("paths", path, method, "requestBody", "content", "application/json", "schema");
  }

  @Test
  void removingAnOperation() throws IOException {
    workspace().remove("/v2/private/wallet/balance", "paths");

    assertFailsWith(workspace().check(), "getBalances: operation removed (GET /v2/private/wallet/balance)");
  }

  @Test
  void renamingAnOperation() throws IOException {
    operation("/v2/private/wallet/balance", "get").put("operationId", "getWalletBalances");

    assertFailsWith(workspace().check(), "getBalances: operation renamed to getWalletBalances");
  }

  @Test
  void addingARequiredQueryParameter() throws IOException {
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("name", "category");
    category.put("in", "query");
    category.put("required", true);
    category.put("schema", Map.of("type", "string"));
    parameters("/v2/private/position/list", "get").add(category);

    assertFailsWith(workspace().check(), "getPositions: new required parameter category");
  }

  @Test
  void makingAnOptionalQueryParameterRequired() throws IOException {
    parameter("/v2/private/wallet/balance", "get", "coin").put("required", true);

    assertFailsWith(workspace().check(), "getBalances: parameter coin became required");
  }

  @Test
  void removingAQueryParameter() throws IOException {
    parameters("/v2/private/wallet/balance", "get").remove(parameter("/v2/private/wallet/balance", "get", "coin"));

    assertFailsWith(workspace().check(), "getBalances: parameter coin removed");
  }

  @Test
  @SuppressWarnings("unchecked")
  void makingAnOptionalBodyFieldRequired() throws IOException {
    ((List<Object>) jsonBody("/v2/private/position/leverage/save", "post").get("required")).add("leverage");

    assertFailsWith(workspace().check(), "setLeverage: parameter leverage became required");
  }

  @Test
  @SuppressWarnings("unchecked")
  void addingARequiredBodyField() throws IOException {
    Map<String, Object> body = jsonBody("/v2/private/position/leverage/save", "post");
    ((Map<String, Object>) body.get("properties")).put("position_idx",
        Map.of("$ref", "#/components/schemas/PositionMode"));
    ((List<Object>) body.get("required")).add("position_idx");

    assertFailsWith(workspace().check(), "setLeverage: new required parameter position_idx");
  }

  @Test
  void changingTheTypeOfAParameter() throws IOException {
    parameter("/v2/private/trade/closed-pnl/list", "get", "limit").put("schema", Map.of("type", "string"));

    assertFailsWith(workspace().check(), "getProfitAndLossHistory: parameter limit changed type from integer to string");
  }

  /** long becomes int in Java. */
  @Test
  @SuppressWarnings("unchecked")
  void changingTheFormatOfABodyField() throws IOException {
    Map<String, Object> properties = (Map<String, Object>) jsonBody("/v2/private/position/risk-limit", "post")
        .get("properties");
    ((Map<String, Object>) properties.get("risk_id")).put("format", "int32");

    assertFailsWith(workspace().check(), "setRiskLimit: parameter risk_id changed type from integer (int64) to integer (int32)");
  }

  /** WithdrawStatus filters getWithdrawalHistory and is the status of each withdrawal it returns. */
  @Test
  void narrowingAnEnumUsedInARequestAndAResponse() throws IOException {
    workspace().listAt("components", "schemas", "WithdrawStatus", "enum").remove("Expire");

    assertFailsWith(workspace().check(),
        "getWithdrawalHistory: parameter status no longer allows Expire",
        "getWithdrawalHistory: response field result.data[].status no longer allows Expire");
  }

  /** A parameter moved into components/parameters is the same parameter; its schema reference is still followed. */
  @Test
  @SuppressWarnings("unchecked")
  void narrowingAnEnumBehindASharedParameter() throws IOException {
    Map<String, Object> status = parameter("/v2/private/wallet/withdraw/list", "get", "status");
    workspace().at("components").put("parameters", new LinkedHashMap<>(Map.of("WithdrawStatusFilter", status)));
    List<Object> parameters = parameters("/v2/private/wallet/withdraw/list", "get");
    parameters.set(parameters.indexOf(status), Map.of("$ref", "#/components/parameters/WithdrawStatusFilter"));
    workspace().listAt("components", "schemas", "WithdrawStatus", "enum").remove("Expire");

    assertFailsWith(workspace().check(),
        "getWithdrawalHistory: parameter status no longer allows Expire",
        "getWithdrawalHistory: response field result.data[].status no longer allows Expire");
  }

  /** PositionMode: a JSON body field of setRiskLimit and a field of every position. */
  @Test
  void narrowingAnIntegerEnumUsedInBodiesAndResponses() throws IOException {
    workspace().listAt("components", "schemas", "PositionMode", "enum").remove(Integer.valueOf(2));

    assertFailsWith(workspace().check(),
        "getPositions: response field result.position_idx no longer allows 2",
        "getPositions: response field result[].data.position_idx no longer allows 2",
        "setRiskLimit: parameter position_idx no longer allows 2");
  }
}
