package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.internal.json.BybitMoshi;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every recorded response survives decoding with the generated adapters and encoding again, compared exactly (with the
 * equalities listed in {@link RoundTrip}); and whatever the model does not keep is reported with operation, path,
 * original value and the value written back.
 */
class RoundTripTest {
  private static SpecSchemas spec;
  private static RoundTrip roundTrip;

  @BeforeAll
  static void loadSpec() {
    spec = new SpecSchemas(Recorded.openApiFile());
    roundTrip = new RoundTrip(spec);
  }

  private static Recorded recorded(String file) {
    String[] parts = file.split("/", 2);
    return Recorded.of(parts[0], parts[1]);
  }

  private static List<Drift> check(Recorded r, String json) {
    return roundTrip.check(BybitOperations.byId(r.operationId()), r.fileName(), json);
  }

  private static Drift notKept(Recorded r, String path, String original, String writtenBack) {
    return new Drift(r.operationId(), r.fileName(), Drift.Kind.NOT_KEPT, path, original, writtenBack);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedResponseRoundTripsExactly() {
    return Recorded.all().stream().map(r -> DynamicTest.dynamicTest(r.displayName(),
        () -> assertEquals(List.of(), check(r, r.json()))));
  }

  // ---------------------------------------------------------------- what the model does not keep is reported

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "getBalances/docs-2023.json,                 $.result.BTC",
      "getPositions/without-symbol-docs-2023.json, $.result[1].data",
      "getPositions/with-symbol-docs-2023.json,    $.result",
      "getRiskLimit/docs-2021.json,                $.result[0]",
      "getPortfolioMargin/docs-v5.json,            $.result.assetPnlRange[0].totalPnlRanges.ALL.pnlRanges[2]",
      "getBalances/docs-2023.json,                 $",
      "getPortfolioMargin/docs-v5.json,            $",
  })
  void aFieldTheModelLacksIsReportedNotDropped(String file, String objectPath) {
    Recorded r = recorded(file);
    String json = JsonEdit.addField(r.json(), objectPath, "surprise", "[1.50]");

    assertEquals(List.of(notKept(r, objectPath + ".surprise", "[1.50]", "not written back")), check(r, json));
  }

  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      // The readers accept Bybit's other forms, the writers write the spec's: the form is lost.
      "getBalances/docs-2023.json           | $.result.BTC | equity         | \"0.1\"  | written back as 0.1",
      "getPositions/with-symbol-docs-2023.json | $.result  | is_isolated    | 1        | written back as true",
      "getPositions/with-symbol-docs-2023.json | $.result  | user_id        | \"1\"    | written back as 1",
      "getPositions/with-symbol-docs-2023.json | $.result  | symbol         | 7        | written back as \"7\"",
      "getPositions/with-symbol-docs-2023.json | $.result  | position_value | 0.0006947 | written back as \"0.0006947\"",
      "getPositions/with-symbol-docs-2023.json | $.result  | created_at     | \"\"     | not written back",
      "setIsolatedMode/docs-2023.json       | $            | result         | {}       | not written back",
      "getBalances/docs-2023.json           | $            | ext_info       | false    | written back as \"false\"",
  })
  void aValueTheModelChangesIsReported(String file, String objectPath, String field, String valueJson,
      String writtenBack) {
    Recorded r = recorded(file);
    String json = JsonEdit.replaceField(r.json(), objectPath, field, valueJson);

    assertEquals(List.of(notKept(r, objectPath + "." + field, valueJson, writtenBack)), check(r, json));
  }

  /** Control for the reader/writer pairs above: a form the writer produces itself comes back unchanged. */
  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "getLastUserFundingFee/docs-2023.json | $.result     | exec_timestamp | 1575907200.5",
      "getBalances/docs-2023.json           | $.result.BTC | equity         | 1E+2",
      "getBalances/docs-2023.json           | $            | ext_info       | {\"a\":[true]}",
      "getPositions/with-symbol-docs-2023.json | $.result  | created_at     | \"2019-10-19T17:04:55.000000001+01:00\"",
  })
  void aValueInAFormTheWriterKeepsIsNotReported(String file, String objectPath, String field, String valueJson) {
    Recorded r = recorded(file);

    assertEquals(List.of(), check(r, JsonEdit.replaceField(r.json(), objectPath, field, valueJson)));
  }

  @Test
  void everyDifferenceOfAResponseIsListedAtOnce() {
    Recorded r = recorded("getWithdrawalHistory/docs-2023.json");
    String json = JsonEdit.addField(r.json(), "$.result.data[0]", "chain", "\"XRP\"");
    json = JsonEdit.addField(json, "$.result", "total", "7");
    json = JsonEdit.replaceField(json, "$.result.data[0]", "amount", "20.00000000");

    assertEquals(List.of(
            notKept(r, "$.result.data[0].amount", "20.00000000", "written back as \"20.00000000\""),
            notKept(r, "$.result.data[0].chain", "\"XRP\"", "not written back"),
            notKept(r, "$.result.total", "7", "not written back")),
        check(r, json));
  }

  @Test
  void anErrorEnvelopesResultIsNotCompared() {
    Recorded r = recorded("getPortfolioMargin/error-10006-too-many-visits.json");

    assertEquals(List.of(), check(r, JsonEdit.replaceField(r.json(), "$", "result", "{\"a\":1}")));
    // Control: the same result under a success code is compared (and not kept: the model has no field a).
    assertEquals(List.of(notKept(r, "$.result.a", "1", "not written back")),
        check(r, JsonEdit.replaceField(JsonEdit.replaceField(r.json(), "$", "result", "{\"a\":1}"), "$", "retCode",
            "0")));
  }

  // ---------------------------------------------------------------- the comparison rules, one by one

  private static List<String> compare(String schemaName, String original, String reencoded) {
    Schema<?> schema = spec.components().get(schemaName);
    List<String> found = new ArrayList<>();
    roundTrip.compare(schema, Json.parse(original), Json.parse(reencoded), "$",
        (path, o, w) -> found.add(path + " " + o + " -> " + w));
    return found;
  }

  @ParameterizedTest(name = "{0}: {1} vs {2}")
  @CsvSource(delimiter = '|', value = {
      // rule 2: null and absent
      "BybitBalance     | {\"equity\":null}                   | {}",
      // rule 3: numbers by plain form
      "BybitBalance     | {\"equity\":9.996e-05}              | {\"equity\":0.00009996}",
      "BybitBalance     | {\"equity\":1E+2}                   | {\"equity\":100}",
      "BybitBalance     | {\"equity\":-0}                     | {\"equity\":0}",
      // rule 4: decimals
      "BybitPosition    | {\"leverage\":\"1e-5\"}             | {\"leverage\":\"0.00001\"}",
      "BybitRiskLimit   | {\"maintain_margin\":0.005}         | {\"maintain_margin\":\"0.005\"}",
      "BybitRiskLimit   | {\"max_leverage\":\"100\"}          | {\"max_leverage\":100}",
      // rule 5: date-times
      "BybitWithdrawal  | {\"updated_at\":\"2019-06-11T02:20:24.000Z\"} | {\"updated_at\":\"2019-06-11T02:20:24Z\"}",
      "BybitWithdrawal  | {\"updated_at\":\"2019-06-11T10:20:24+08:00\"} | {\"updated_at\":\"2019-06-11T02:20:24Z\"}",
      "BybitRiskLimit   | {\"created_at\":\"\"}               | {}",
      // rule 1: order
      "BybitApiKeyInfo  | {\"type\":\"a\",\"note\":\"b\"}     | {\"note\":\"b\",\"type\":\"a\"}",
  })
  void sameValueInAnotherForm(String schema, String original, String reencoded) {
    assertEquals(List.of(), compare(schema, original, reencoded));
  }

  @ParameterizedTest(name = "{0}: {1} vs {2}")
  @CsvSource(delimiter = '|', value = {
      "BybitBalance     | {\"equity\":1.10}                   | {\"equity\":1.1}          | $.equity 1.10 -> written back as 1.1",
      "BybitBalance     | {\"equity\":0}                      | {}                        | $.equity 0 -> not written back",
      "BybitBalance     | {}                                  | {\"equity\":0}            | $.equity absent -> written back as 0",
      "BybitPosition    | {\"leverage\":\"1\"}                | {\"leverage\":1}          | $.leverage \"1\" -> written back as 1",
      "BybitPosition    | {\"leverage\":\"1.0\"}              | {\"leverage\":\"1\"}      | $.leverage \"1.0\" -> written back as \"1\"",
      "BybitWithdrawal  | {\"updated_at\":\"\"}               | {}                        | $.updated_at \"\" -> not written back",
      "BybitWithdrawal  | {\"updated_at\":\"2019-06-11T02:20:24.001Z\"} | {\"updated_at\":\"2019-06-11T02:20:24Z\"} | $.updated_at \"2019-06-11T02:20:24.001Z\" -> written back as \"2019-06-11T02:20:24Z\"",
      "BybitApiKeyInfo  | {\"note\":\"\"}                     | {}                        | $.note \"\" -> not written back",
      "BybitApiKeyInfo  | {\"read_only\":false}               | {\"read_only\":0}         | $.read_only false -> written back as 0",
      "BybitApiKeyInfo  | {\"ips\":[\"*\",\"1\"]}            | {\"ips\":[\"*\"]}         | $.ips [\"*\",\"1\"] -> written back as [\"*\"]",
      "BybitApiKeyInfo  | {\"ips\":[\"*\"]}                  | {\"ips\":[\"+\"]}         | $.ips[0] \"*\" -> written back as \"+\"",
      "BybitWithdrawal  | {\"status\":\"Pending\"}           | {\"status\":\"pending\"}  | $.status \"Pending\" -> written back as \"pending\"",
  })
  void aDifferentValueIsReported(String schema, String original, String reencoded, String expected) {
    assertEquals(List.of(expected), compare(schema, original, reencoded));
  }

  // ---------------------------------------------------------------- the adapter users get for positions

  /**
   * Why positions round-trip through the generated branch adapters: the adapter users get returns both forms of the
   * result as a list of valid positions, so writing it back gives the list form. This pins that reshaping.
   */
  @Test
  void thePositionsAdapterUsersGetWritesOnePositionBackAsAList() throws IOException {
    Recorded r = recorded("getPositions/with-symbol-docs-2023.json");
    OperationInfo op = BybitOperations.GET_POSITIONS;
    var adapter = BybitConverterFactory.envelopeAdapter(op, BybitMoshi.create(false), false);
    Object decoded = adapter.fromJson(JsonReader.of(new Buffer().writeUtf8(r.json())));
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      adapter.toJson(writer, decoded);
    }
    Json written = Json.parse(out.readUtf8());

    List<String> found = new ArrayList<>();
    roundTrip.compare(spec.response200(op), Json.parse(r.json()), written, "$",
        (path, o, w) -> found.add(path));
    assertEquals(List.of("$.result"), found);
    Json result = ((Json.Obj) written).fields().get("result");
    assertEquals("array", result.typeName());
    assertEquals(List.of("is_valid", "data"),
        List.copyOf(((Json.Obj) ((Json.Arr) result).items().get(0)).fields().keySet()));
  }
}
