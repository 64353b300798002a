package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The drift analyzer finds nothing in the committed recorded responses, and finds each kind of drift, with operation,
 * path and value, when a copy of one is changed.
 */
class DriftAnalyzerTest {
  private static DriftAnalyzer analyzer;

  @BeforeAll
  static void loadSpec() {
    analyzer = new DriftAnalyzer(new SpecSchemas(Recorded.openApiFile()));
  }

  private static List<Drift> analyze(Recorded recorded, String json) {
    OperationInfo op = BybitOperations.byId(recorded.operationId());
    return analyzer.analyze(op, recorded.fileName(), Json.parse(json));
  }

  private static Recorded recorded(String file) {
    String[] parts = file.split("/", 2);
    return Recorded.of(parts[0], parts[1]);
  }

  /** Control: the unchanged files have no drift, so every finding below comes from the change. */
  @TestFactory
  Stream<DynamicTest> noDriftInTheCommittedRecordedResponses() {
    return Recorded.all().stream().map(r -> DynamicTest.dynamicTest(r.displayName(),
        () -> assertEquals(List.of(), analyze(r, r.json()))));
  }

  // ---------------------------------------------------------------- each kind bites

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "getBalances/docs-2023.json,                 $.result.BTC,       BybitBalance",
      "getPositions/without-symbol-docs-2023.json, $.result[1].data,   BybitPosition",
      "getPositions/without-symbol-docs-2023.json, $.result[0],        BybitPositionListEntry",
      "getPositions/with-symbol-docs-2023.json,    $.result,           BybitPosition",
      "getRiskLimit/docs-2021.json,                $.result[0],        BybitRiskLimit",
      "getPortfolioMargin/docs-v5.json,            $.result.assetPnlRange[0].totalPnlRanges.ALL.pnlRanges[2], BybitPnlRange",
      "getBalances/docs-2023.json,                 $,                  V2Envelope",
      "getPortfolioMargin/docs-v5.json,            $,                  V5Envelope",
  })
  void aFieldTheSpecLacksIsNamedWithOperationPathAndValue(String file, String objectPath, String schema) {
    Recorded r = recorded(file);
    String json = JsonEdit.addField(r.json(), objectPath, "surprise", "{\"a\":[1.50]}");

    List<Drift> drifts = analyze(r, json);

    assertEquals(List.of(new Drift(r.operationId(), r.fileName(), Drift.Kind.UNKNOWN_FIELD, objectPath + ".surprise",
        "{\"a\":[1.50]}", "spec: " + schema + " has no such property")), drifts);
    String line = drifts.get(0).line();
    assertTrue(line.startsWith(r.operationId() + " " + objectPath + ".surprise: field not in the spec; found "
        + "{\"a\":[1.50]}"), line);
  }

  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "getBalances/docs-2023.json           | $.result.BTC | equity          | \"0.1\"      | string \"0.1\"   | spec: number",
      "getLastUserFundingFee/docs-2023.json | $.result     | exec_timestamp  | \"1571\"     | string \"1571\"  | spec: integer",
      "getPositions/with-symbol-docs-2023.json | $.result  | leverage        | 10           | integer 10       | spec: string (DecimalString)",
      "getPositions/with-symbol-docs-2023.json | $.result  | is_isolated     | 1            | integer 1        | spec: boolean",
      "getRiskLimit/docs-2021.json          | $.result[0]  | maintain_margin | true         | boolean true     | spec: number or string (DecimalNumberOrString)",
      "getRiskLimit/docs-2021.json          | $.result[0]  | section         | {}           | object {}        | spec: array",
      "getApiKeyInfo/docs-2023.json         | $            | result          | {}           | object {}        | spec: array",
      "getWithdrawalHistory/docs-2023.json  | $.result.data[0] | id          | 1.5          | number 1.5       | spec: integer",
      "getPortfolioMargin/docs-v5.json      | $            | retCode         | \"0\"        | string \"0\"     | spec: integer",
  })
  void aJsonTypeTheSpecDoesNotAllowIsATypeDrift(String file, String objectPath, String field, String valueJson,
      String found, String expected) {
    Recorded r = recorded(file);
    String json = JsonEdit.replaceField(r.json(), objectPath, field, valueJson);

    assertEquals(List.of(new Drift(r.operationId(), r.fileName(), Drift.Kind.TYPE, objectPath + "." + field, found,
        expected)), analyze(r, json));
  }

  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "getWithdrawalHistory/docs-2023.json     | $.result.data[0] | status      | \"OnHold\"",
      "getProfitAndLossHistory/docs-2023.json  | $.result.data[0] | exec_type   | \"Liquidation\"",
      "getPositions/without-symbol-docs-2023.json | $.result[0].data | position_idx | 3",
      "getPositions/with-symbol-docs-2023.json | $.result         | tp_sl_mode  | \"Half\"",
  })
  void anEnumValueTheSpecDoesNotListIsAnEnumDrift(String file, String objectPath, String field, String valueJson) {
    Recorded r = recorded(file);
    String json = JsonEdit.replaceField(r.json(), objectPath, field, valueJson);

    List<Drift> drifts = analyze(r, json);

    assertEquals(1, drifts.size(), drifts::toString);
    Drift drift = drifts.get(0);
    assertEquals(Drift.Kind.ENUM, drift.kind());
    assertEquals(objectPath + "." + field, drift.path());
    assertEquals(valueJson, drift.example());
    assertTrue(drift.expected().startsWith("spec lists ["), drift.expected());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "getBalances/docs-2023.json,         ret_code, V2Envelope",
      "getBalances/docs-2023.json,         ret_msg,  V2Envelope",
      "getPortfolioMargin/docs-v5.json,    retCode,  V5Envelope",
      "getPortfolioMargin/docs-v5.json,    retMsg,   V5Envelope",
  })
  void aMissingRequiredFieldIsAMissingRequiredDrift(String file, String field, String schema) {
    Recorded r = recorded(file);
    String json = JsonEdit.removeField(r.json(), "$", field);

    assertEquals(List.of(new Drift(r.operationId(), r.fileName(), Drift.Kind.MISSING_REQUIRED, "$." + field, "absent",
        "spec: required (" + schema + ")")), analyze(r, json));
  }

  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "getRiskLimit/docs-2023.json          | $.result[0] | created_at     | \"yesterday\" | spec: pattern",
      "getRiskLimit/docs-2023.json          | $.result[1] | max_leverage   | \"abc\"       | spec: pattern",
      "getApiKeyInfo/docs-2023.json         | $.result[0] | created_at     | \"2022-08-25\" | spec: format date-time",
      "getPositions/with-symbol-docs-2023.json | $.result | auto_add_margin | 2            | spec: maximum 1",
      "getBalances/docs-2023.json           | $           | time_now       | \"now\"       | spec: pattern",
      "getWithdrawalHistory/docs-2023.json  | $.result.data[0] | user_id   | 9223372036854775808 | spec: format int64",
  })
  void aValueOutsideThePatternFormatOrRangeIsAValueDrift(String file, String objectPath, String field,
      String valueJson, String expectedStart) {
    Recorded r = recorded(file);
    String json = JsonEdit.replaceField(r.json(), objectPath, field, valueJson);

    List<Drift> drifts = analyze(r, json);

    assertEquals(1, drifts.size(), drifts::toString);
    assertEquals(Drift.Kind.VALUE, drifts.get(0).kind());
    assertEquals(objectPath + "." + field, drifts.get(0).path());
    assertEquals(valueJson, drifts.get(0).example());
    assertTrue(drifts.get(0).expected().startsWith(expectedStart), drifts.get(0).expected());
  }

  // ---------------------------------------------------------------- null, void, all at once

  @Test
  void nullIsDriftOnlyWhereTheSpecDoesNotAllowIt() {
    Recorded r = recorded("getBalances/docs-2023.json");

    assertEquals(List.of(), analyze(r, JsonEdit.replaceField(r.json(), "$", "result", "null")), "nullable result");
    assertEquals(List.of(new Drift("getBalances", "docs-2023.json", Drift.Kind.TYPE, "$.result.BTC.equity", "null",
            "spec: number, not nullable")),
        analyze(r, JsonEdit.replaceField(r.json(), "$.result.BTC", "equity", "null")));
  }

  @Test
  void aResultWhereTheSpecSaysAlwaysNullIsDrift() {
    Recorded r = recorded("setIsolatedMode/docs-2023.json");

    assertEquals(List.of(new Drift("setIsolatedMode", "docs-2023.json", Drift.Kind.TYPE, "$.result", "{}",
        "spec: nothing (x-bybit-type: void): null")), analyze(r, JsonEdit.replaceField(r.json(), "$", "result", "{}")));
  }

  @Test
  void aVoidObjectResultAllowsOnlyAnEmptyObject() {
    Recorded r = recorded("getServerTime/docs-2023.json");

    assertEquals(List.of(new Drift("getServerTime", "docs-2023.json", Drift.Kind.TYPE, "$.result", "{\"t\":1}",
        "spec: nothing (x-bybit-type: void): null or {}")),
        analyze(r, JsonEdit.replaceField(r.json(), "$", "result", "{\"t\":1}")));
  }

  @Test
  void everyDriftOfAResponseIsListedAtOnce() {
    Recorded r = recorded("getBalances/docs-2023.json");
    String json = JsonEdit.addField(r.json(), "$.result.BTC", "surprise", "1");
    json = JsonEdit.addField(json, "$", "late", "\"x\"");
    json = JsonEdit.replaceField(json, "$.result.BTC", "equity", "\"1\"");
    json = JsonEdit.removeField(json, "$", "ret_msg");

    List<String> found = analyze(r, json).stream().map(d -> d.kind() + " " + d.path()).toList();

    assertEquals(List.of("TYPE $.result.BTC.equity", "UNKNOWN_FIELD $.result.BTC.surprise", "UNKNOWN_FIELD $.late",
        "MISSING_REQUIRED $.ret_msg"), found);
  }
}
