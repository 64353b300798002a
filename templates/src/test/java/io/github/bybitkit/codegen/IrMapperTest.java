package io.github.bybitkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOverload;
import io.github.bybitkit.codegen.ir.ApiOperation.AuthScheme;
import io.github.bybitkit.codegen.ir.ApiOperation.Envelope;
import io.github.bybitkit.codegen.ir.ApiOperation.HttpMethod;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiPaging;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping from openapi-generator's model to the IR, on the golden spec and on broken variants of it. */
class IrMapperTest {
  private static ApiSpec ir;

  @BeforeAll
  static void mapGoldenSpec(@TempDir Path out) {
    ir = GeneratorHarness.ir(GeneratorHarness.SPEC, GeneratorHarness.CONFIG, out);
  }

  private static ApiOperation op(String id) {
    return ir.tags().stream().flatMap(t -> t.operations().stream()).filter(o -> o.operationId().equals(id))
        .findFirst().orElseThrow();
  }

  private static ApiType field(String schema, String json) {
    return ir.requireModel(schema).properties().stream().filter(p -> p.jsonName().equals(json)).findFirst()
        .orElseThrow().type();
  }

  private static Scalar scalar(ScalarKind kind) {
    return new Scalar(kind);
  }

  @Test
  void scalarKindsFollowTypeFormatAndExtension() {
    assertEquals(scalar(ScalarKind.LONG), field("DemoRecord", "id"));
    assertEquals(scalar(ScalarKind.INT), field("DemoRecord", "count"));
    assertEquals(scalar(ScalarKind.BOOLEAN), field("DemoRecord", "active"));
    assertEquals(scalar(ScalarKind.DECIMAL_NUMBER), field("DemoRecord", "amount"));
    assertEquals(scalar(ScalarKind.DECIMAL_STRING), field("DemoRecord", "fee"));
    assertEquals(scalar(ScalarKind.DECIMAL_EITHER), field("DemoRecord", "rate"));
    assertEquals(scalar(ScalarKind.INSTANT_RFC3339), field("DemoRecord", "created_at"));
    assertEquals(scalar(ScalarKind.INSTANT_EPOCH_SECONDS), field("DemoRecord", "settled_at"));
    assertEquals(scalar(ScalarKind.LOCAL_DATE_TIME), field("DemoRecord", "booked_at"));
    assertEquals(new ListOf(scalar(ScalarKind.STRING)), field("DemoRecord", "tags"));
    assertEquals(new ListOf(scalar(ScalarKind.DECIMAL_STRING)), field("DemoTier", "levels"));
    assertEquals(new MapOf(scalar(ScalarKind.DECIMAL_NUMBER)), field("DemoTier", "limits"));
  }

  @Test
  void enumSchemasMapToConfiguredClassesWithTheirWireType() {
    assertEquals(new EnumRef("com.example.demo.DemoStatus", false), field("DemoRecord", "status"));
    assertEquals(new EnumRef("io.github.bybitkit.enums.PositionMode", true), field("DemoRecord", "position_idx"));
  }

  @Test
  void javaNamesAreCamelCaseOfJsonNames() {
    ApiModel snapshot = ir.requireModel("DemoSnapshot");
    assertEquals(List.of("all", "baseCoin"), snapshot.properties().stream().map(ApiProperty::javaName).toList());
    assertEquals("settledAt", ir.requireModel("DemoRecord").properties().stream()
        .filter(p -> p.jsonName().equals("settled_at")).findFirst().orElseThrow().javaName());
  }

  @Test
  void modelsGoToThePackageOfTheTagThatUsesThem() {
    assertEquals("com.example.demo.account.model", ir.requireModel("DemoRecord").packageName());
    assertEquals("com.example.demo.market.model", ir.requireModel("DemoSnapshot").packageName(),
        "reached through the oneOf of a hand-written type");
    assertTrue(ir.model("V2Envelope").isEmpty(), "envelopes are runtime types, not models");
    assertTrue(ir.model("DecimalNumberOrString").isEmpty(), "scalar conventions are not models");
    assertTrue(ir.model("DemoSnapshotResult").isEmpty(), "mapped to a hand-written type");
  }

  @Test
  void queryParametersKeepWireNamesRenamesAndBounds() {
    ApiOperation records = op("getRecords");
    assertEquals(HttpMethod.GET, records.httpMethod());
    assertEquals(AuthScheme.V2_SIGNED, records.authScheme());
    assertEquals(Envelope.V2, records.envelope());
    assertEquals("https://example.test/docs#records", records.docsUrl());
    assertEquals(List.of("symbol", "start_time", "start_date", "status", "limit", "page"),
        records.parameters().stream().map(ApiParameter::wireName).toList());
    assertEquals(List.of("symbol", "startTime", "startDay", "status", "pageSize", "page"),
        records.parameters().stream().map(ApiParameter::javaName).toList());
    ApiParameter limit = records.parameters().get(4);
    assertEquals(new BigDecimal("1"), limit.minimum().value());
    assertEquals(new BigDecimal("50"), limit.maximum().value());
    assertEquals(scalar(ScalarKind.INSTANT_EPOCH_SECONDS), records.parameters().get(1).type());
    assertEquals(scalar(ScalarKind.LOCAL_DATE), records.parameters().get(2).type());
    assertTrue(records.parameters().get(0).required());
    assertTrue(records.hasOptionalParameters());
  }

  @Test
  void bodyFieldsBecomeParametersWithNonZeroAndExclusiveBounds() {
    ApiOperation margin = op("changeDemoMargin");
    assertEquals(HttpMethod.POST, margin.httpMethod());
    assertTrue(margin.parameters().stream().allMatch(p -> p.location() == ApiParameter.Location.BODY));
    ApiParameter amount = margin.parameters().get(2);
    assertEquals("margin", amount.wireName());
    assertTrue(amount.nonZero());
    assertEquals(scalar(ScalarKind.DECIMAL_STRING), amount.type());
    assertEquals("mode", margin.parameters().get(1).javaName());
    assertTrue(margin.parameters().get(4).minimum().exclusive());
    assertEquals(scalar(ScalarKind.DECIMAL_NUMBER), margin.resultType());
  }

  @Test
  void resultShapesEnvelopesAndSchemes() {
    ResultShape.Page page = (ResultShape.Page) op("getRecords").resultShape();
    assertEquals("current_page", page.currentPage().jsonName());
    assertEquals("data", page.data().jsonName());
    assertNull(page.lastPage());
    assertEquals("data", ((ResultShape.Unwrap) op("getEntries").resultShape()).field().jsonName());
    assertEquals(scalar(ScalarKind.VOID), op("switchDemo").resultType());
    assertEquals(AuthScheme.NONE, op("getTiers").authScheme(), "an operation with security: [] is public");
    assertEquals(new MapOf(new ModelRef("DemoTier")), op("getTiers").resultType());
    ApiOperation snapshot = op("getSnapshot");
    assertEquals(Envelope.V5, snapshot.envelope());
    assertEquals(AuthScheme.V5_SIGNED, snapshot.authScheme());
    assertEquals(new Custom("java.util.List<com.example.demo.market.model.DemoSnapshot>",
        "com.example.demo.internal.json.SnapshotListAdapter"), snapshot.resultType());
    assertInstanceOf(ResultShape.ServerTime.class, op("getDemoTime").resultShape());
  }

  @Test
  void aDeprecatedOperationCarriesItsReplacement() {
    assertEquals("Use `getTiers`; switching has no effect since 2024-03-12.", op("switchDemo").deprecatedReplacement());
    assertTrue(op("switchDemo").deprecated());
    assertNull(op("getTiers").deprecatedReplacement());
  }

  @Test
  void pageNumberPagingCarriesItsParametersDefaultAndPageFields() {
    ApiPaging.PageNumber records = (ApiPaging.PageNumber) op("getRecords").paging();
    assertEquals("page", records.page().wireName());
    assertEquals(new BigDecimal("50"), records.page().maximum().value(), "the highest page comes from the spec");
    assertEquals("pageSize", records.limit().javaName());
    assertEquals(20, records.defaultLimit(), "the page size Bybit uses comes from the spec's default");
    assertEquals("data", records.items().jsonName());
    assertEquals("current_page", records.currentPage().jsonName());
    assertNull(records.lastPage());

    ApiPaging.PageNumber entries = (ApiPaging.PageNumber) op("getEntries").paging();
    assertNull(entries.limit());
    assertNull(entries.defaultLimit());
    assertNull(entries.currentPage());
    assertNull(op("getTiers").paging(), "an operation without paging config is not paged");
  }

  @Test
  void cursorPagingCarriesCursorDirectionAndItemId() {
    ApiPaging.Cursor trades = (ApiPaging.Cursor) op("getTrades").paging();
    assertEquals("fromId", trades.cursor().javaName());
    assertEquals("direction", trades.direction().wireName());
    assertEquals(20, trades.defaultLimit());
    assertEquals(new ModelRef("DemoTrade"), trades.item());
    assertEquals("id", trades.itemId().jsonName());
    assertEquals(trades.cursor().type(), trades.itemId().type());
  }

  @Test
  void nextPageCursorPagingCarriesItemsNextCursorAndTheWindow() {
    ApiPaging.NextPageCursor fills = (ApiPaging.NextPageCursor) op("getFills").paging();
    assertEquals("cursor", fills.cursor().wireName());
    assertEquals(new ModelRef("DemoFill"), fills.item());
    assertEquals("list", fills.items().jsonName());
    assertEquals("nextPageCursor", fills.next().jsonName());
    assertNull(fills.limit(), "the cursor alone ends the paging");
    assertEquals("startTime", fills.window().start().wireName());
    assertEquals("endTime", fills.window().end().wireName());
    assertEquals(7L * 24 * 60 * 60 * 1000, fills.window().maxSpanMillis());
    assertEquals("at most 7 days", fills.window().capText());

    ApiPaging.NextPageCursor holdings = (ApiPaging.NextPageCursor) op("getHoldings").paging();
    assertEquals("rows", holdings.items().jsonName());
    assertNull(holdings.window());
  }

  @Test
  void aStrictCapLeavesOneMillisecondLess(@TempDir Path tmp) {
    Path config = GeneratorHarness.editYaml(GeneratorHarness.CONFIG, tmp.resolve("config.yaml"), tree -> {
      Map<String, Object> window = GeneratorHarness.at(tree, "operations", "getFills", "paging", "window");
      window.remove("atMost");
      window.put("under", "P30D");
    });
    ApiPaging.NextPageCursor fills = (ApiPaging.NextPageCursor) GeneratorHarness.ir(GeneratorHarness.SPEC, config,
        tmp.resolve("out")).tags().stream().flatMap(t -> t.operations().stream())
        .filter(o -> o.operationId().equals("getFills")).findFirst().orElseThrow().paging();
    assertEquals(30L * 24 * 60 * 60 * 1000 - 1, fills.window().maxSpanMillis());
    assertEquals("less than 30 days", fills.window().capText());
  }

  // ------------------------------------------------------------------ what the mapper refuses

  private static String failure(Path tmp, Consumer<Map<String, Object>> specEdit,
      Consumer<Map<String, Object>> configEdit) {
    Path spec = GeneratorHarness.editYaml(GeneratorHarness.SPEC, tmp.resolve("spec.yaml"), specEdit);
    Path config = GeneratorHarness.editYaml(GeneratorHarness.CONFIG, tmp.resolve("config.yaml"), configEdit);
    RuntimeException e = assertThrows(RuntimeException.class, () -> GeneratorHarness.ir(spec, config, tmp.resolve("out")));
    Throwable cause = e;
    while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static final Consumer<Map<String, Object>> NO_EDIT = tree -> { };

  @Test
  void inlineEnumIsRefusedNamingTheField(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas", "DemoEntry",
        "properties").put("kind", Map.of("type", "string", "enum", List.of("A", "B"))), NO_EDIT);
    assertTrue(message.contains("DemoEntry field kind") && message.contains("inline enums"), message);
  }

  @Test
  @SuppressWarnings("unchecked")
  void epochMillisOnAParameterThatIsNoIntegerIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> {
      List<Map<String, Object>> parameters = (List<Map<String, Object>>) GeneratorHarness.at(spec, "paths",
          "/v5/demo/fills", "get").get("parameters");
      Map<String, Object> cursor = parameters.stream().filter(p -> "cursor".equals(p.get("name"))).findFirst()
          .orElseThrow();
      ((Map<String, Object>) cursor.get("schema")).put("x-bybit-epoch-millis", true);
    }, NO_EDIT);
    assertTrue(message.contains("getFills parameter cursor") && message.contains("x-bybit-epoch-millis"), message);
  }

  @Test
  void epochMillisParametersAreMarkedForTheTimeCheck() {
    ApiOperation fills = ir.tags().stream()
        .flatMap(t -> t.operations().stream()).filter(o -> o.operationId().equals("getFills")).findFirst()
        .orElseThrow();
    assertEquals(List.of("startTime", "endTime"), fills.parameters().stream().filter(ApiParameter::epochMillis)
        .map(ApiParameter::wireName).toList());
  }

  @Test
  void enumWithoutMappingIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "schemaTypes").remove("DemoStatus"));
    assertTrue(message.contains("DemoStatus") && message.contains("schemaTypes"), message);
  }

  @Test
  void unknownConfigKeyIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> config.put("modelPackage", "x"));
    assertTrue(message.contains("unknown key 'modelPackage'"), message);
  }

  @Test
  void aConfiguredMethodNamesTheJavaMethodWhileTheOperationIdStays() {
    assertEquals("getSnapshot", op("getSnapshot").operationId());
    assertEquals("fetchSnapshot", op("getSnapshot").javaMethod());
    assertEquals("getRecords", op("getRecords").javaMethod(), "without a configured method, the operationId");
  }

  @Test
  void twoOperationsOfATagWithOneJavaMethodAreRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getEntries")
        .put("method", "getRecords"));
    assertTrue(message.contains("getEntries") && message.contains("Java method getRecords is already")
        && message.contains("tag DemoAccount"), message);
  }

  @Test
  void aMethodThatIsNoJavaMethodNameIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getSnapshot")
        .put("method", "Snapshot-v5"));
    assertTrue(message.contains("getSnapshot") && message.contains("Snapshot-v5"), message);
  }

  @Test
  void renamingAParameterTheOperationLacksIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getRecords",
        "parameters").put("no_such", "x"));
    assertTrue(message.contains("getRecords") && message.contains("no_such"), message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> overload(Map<String, Object> config) {
    return ((List<Map<String, Object>>) GeneratorHarness.at(config, "operations", "changeDemoMargin")
        .get("overloads")).get(0);
  }

  @Test
  void anOverloadIsMappedWithItsChecksAndArguments() {
    ApiOperation op = op("changeDemoMargin");
    assertEquals(1, op.overloads().size());
    ApiOverload overload = op.overloads().get(0);
    assertEquals(List.of("symbol", "mode", "marginText", "isIsolated", "tag"),
        overload.parameters().stream().map(ApiOverload.Parameter::name).toList());
    assertEquals(List.of(new ApiOverload.Call("com.example.demo.DemoForms", "untagged", List.of("tag"))),
        overload.checks());
    assertEquals(List.of(new ApiOverload.Argument("symbol", null), new ApiOverload.Argument("mode", null),
        new ApiOverload.Argument(null, new ApiOverload.Call("com.example.demo.DemoForms", "decimal",
            List.of("marginText"))), new ApiOverload.Argument("isIsolated", null)), overload.arguments());
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOverloadThatGivesNoValueForARequiredParameterIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> ((Map<String, Object>) overload(config).get("parameters"))
        .remove("isIsolated"));
    assertTrue(message.contains("changeDemoMargin") && message.contains("required parameter isIsolated"), message);
  }

  @Test
  void anOverloadHelperTakingAnUnknownParameterIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> overload(config).put("require",
        List.of(Map.of("method", "com.example.demo.DemoForms.untagged", "arguments", List.of("nope")))));
    assertTrue(message.contains("takes nope") && message.contains("not a parameter of the overload"), message);
  }

  @Test
  void anOverloadConvertingAParameterTheOperationDoesNotRequireIsRefused(@TempDir Path tmp) {
    Map<String, Object> decimalOfTag = Map.of("method", "com.example.demo.DemoForms.decimal", "arguments",
        List.of("tag"));
    String message = failure(tmp, NO_EDIT, config -> overload(config).put("convert",
        Map.of("margin", decimalOfTag, "leverage", decimalOfTag)));
    assertTrue(message.contains("converts leverage"), message);
  }

  @Test
  void unusedSchemaIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas").put("Orphan",
        Map.of("type", "object", "properties", Map.of("x", Map.of("type", "string")))), NO_EDIT);
    assertTrue(message.contains("Orphan") && message.contains("not used"), message);
  }

  @Test
  void operationWithoutDocsIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "paths", "/v2/private/demo/entries", "get")
        .remove("externalDocs"), NO_EDIT);
    assertTrue(message.contains("getEntries") && message.contains("externalDocs"), message);
  }

  @Test
  void aDeprecatedOperationWithoutReplacementIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "paths", "/v2/private/demo/switch", "post")
        .remove("x-bybit-replacement"), NO_EDIT);
    assertTrue(message.contains("switchDemo") && message.contains("x-bybit-replacement"), message);
  }

  @Test
  void aReplacementOnAnOperationThatIsNotDeprecatedIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "paths", "/v2/public/demo/tiers", "get")
        .put("x-bybit-replacement", "something"), NO_EDIT);
    assertTrue(message.contains("getTiers") && message.contains("deprecated: true"), message);
  }

  @Test
  void aSignedServerTimeOperationIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "paths", "/v5/demo/time", "get")
        .put("security", List.of(Map.of("v5Signature", List.of()))), NO_EDIT);
    assertTrue(message.contains("getDemoTime") && message.contains("public GET without parameters"), message);
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoServerTimeOperationsForOneEnvelopeAreRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> {
      Map<String, Object> copy = new java.util.LinkedHashMap<>(
          (Map<String, Object>) GeneratorHarness.at(spec, "paths", "/v5/demo/time").get("get"));
      copy.put("operationId", "getOtherTime");
      GeneratorHarness.at(spec, "paths").put("/v5/demo/other-time", Map.of("get", copy));
    }, config -> GeneratorHarness.at(config, "operations").put("getOtherTime", Map.of("result", "serverTime")));
    assertTrue(message.contains("time sync needs one clock per envelope"), message);
  }

  @Test
  void securitySchemeWithoutMappingIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "securitySchemes").remove("v5Signature"));
    assertTrue(message.matches("(getSnapshot|getFills|getHoldings): .*v5Signature.*"), message);
  }

  private static Map<String, Object> pagingOf(Map<String, Object> config, String operation) {
    return GeneratorHarness.at(config, "operations", operation, "paging");
  }

  @Test
  void pagingByAParameterTheOperationLacksIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getRecords").put("page", "page_no"));
    assertTrue(message.contains("getRecords") && message.contains("paging.page") && message.contains("page_no"),
        message);
  }

  @Test
  void pagingAPostOperationIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "changeDemoMargin")
        .put("paging", Map.of("style", "page-number", "page", "symbol")));
    assertTrue(message.contains("changeDemoMargin") && message.contains("GET"), message);
  }

  @Test
  void cursorItemIdTheItemLacksIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getTrades").put("itemId", "trade_id"));
    assertTrue(message.contains("getTrades") && message.contains("trade_id") && message.contains("DemoTrade"),
        message);
  }

  @Test
  void cursorOfAnotherTypeThanTheItemIdIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas", "DemoTrade",
        "properties").put("id", Map.of("type", "string")), NO_EDIT);
    assertTrue(message.contains("getTrades") && message.contains("same type"), message);
  }

  @Test
  @SuppressWarnings("unchecked")
  void requiredPageParameterIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> ((List<Map<String, Object>>) GeneratorHarness.at(spec, "paths",
            "/v2/private/demo/records", "get").get("parameters")).stream()
        .filter(p -> p.get("name").equals("page")).findFirst().orElseThrow().put("required", true), NO_EDIT);
    assertTrue(message.contains("getRecords") && message.contains("page") && message.contains("optional"), message);
  }

  @Test
  void pageParameterThatIsNoIntegerIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getRecords").put("page", "start_date"));
    assertTrue(message.contains("getRecords") && message.contains("start_date") && message.contains("integer"),
        message);
  }

  @Test
  void unknownPagingKeyIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getRecords").put("itemId", "id"));
    assertTrue(message.contains("operations.getRecords.paging") && message.contains("unknown key 'itemId'"), message);
  }

  @Test
  void nextPageCursorItemsThatAreNoListAreRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getFills").put("items", "nextPageCursor"));
    assertTrue(message.contains("getFills") && message.contains("not an array"), message);
  }

  @Test
  void aNextCursorThatIsNoStringIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getFills").put("next", "list"));
    assertTrue(message.contains("getFills") && message.contains("not a string"), message);
  }

  @Test
  void aWindowTimeThatIsNoEpochMillisIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getFills", "paging",
        "window").put("start", "limit"));
    assertTrue(message.contains("getFills") && message.contains("limit") && message.contains("int64"), message);
  }

  @Test
  void aWindowWithBothCapsIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getFills", "paging",
        "window").put("under", "P30D"));
    assertTrue(message.contains("operations.getFills.paging.window") && message.contains("exactly one"), message);
  }

  @Test
  void aWindowCapThatIsNoDurationIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getFills", "paging",
        "window").put("atMost", "7 days"));
    assertTrue(message.contains("ISO-8601") && message.contains("7 days"), message);
  }

  @Test
  void unknownPagingStyleIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> pagingOf(config, "getRecords").put("style", "offset"));
    assertTrue(message.contains("operations.getRecords.paging.style") && message.contains("offset"), message);
  }

  // ------------------------------------------------------------------ names, HTTP methods, auth schemes

  @Test
  void aKeywordFieldGetsATrailingUnderscoreAndKeepsItsWireName(@TempDir Path tmp) {
    Path spec = GeneratorHarness.editYaml(GeneratorHarness.SPEC, tmp.resolve("spec.yaml"), tree ->
        GeneratorHarness.at(tree, "components", "schemas", "DemoEntry", "properties").put("class",
            Map.of("type", "string")));
    ApiSpec mapped = GeneratorHarness.ir(spec, GeneratorHarness.CONFIG, tmp.resolve("out"));
    ApiProperty property = mapped.requireModel("DemoEntry").properties().stream()
        .filter(p -> p.jsonName().equals("class")).findFirst().orElseThrow();
    assertEquals("class_", property.javaName());
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOperationOtherThanGetOrPostIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> {
      Map<String, Object> path = GeneratorHarness.at(spec, "paths", "/v2/public/demo/tiers");
      path.put("put", path.remove("get"));
    }, NO_EDIT);
    assertTrue(message.contains("getTiers") && message.contains("only GET and POST") && message.contains("PUT"),
        message);
  }

  @Test
  void aSecuritySchemeMappedToAnUnknownAuthSchemeIsRefusedNamingTheConfigKey(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "securitySchemes")
        .put("v5Signature", "V5_HMAC"));
    assertTrue(message.contains("securitySchemes.v5Signature") && message.contains("V5_HMAC")
        && message.contains("V5_SIGNED"), message);
  }

  @Test
  void anEnumFieldWhoseRawComponentIsAnotherFieldsNameIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas", "DemoRecord",
        "properties").put("statusRaw", Map.of("type", "string")), NO_EDIT);
    assertTrue(message.contains("schema DemoRecord") && message.contains("statusRaw"), message);
  }

  @Test
  void aParameterNamedLikeARequestRecordMethodIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getRecords",
        "parameters").put("start_date", "toBuilder"));
    assertTrue(message.contains("getRecords") && message.contains("toBuilder")
        && message.contains("operations.getRecords.parameters"), message);
  }

  @Test
  void twoParametersWithOneJavaNameAreRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getRecords",
        "parameters").put("start_date", "startTime"));
    assertTrue(message.contains("getRecords") && message.contains("start_time") && message.contains("start_date")
        && message.contains("startTime"), message);
  }

  @Test
  void aParameterRenamedToAnObjectMethodNameIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getRecords",
        "parameters").put("start_date", "hashCode"));
    assertTrue(message.contains("getRecords") && message.contains("hashCode")
        && message.contains("operations.getRecords.parameters"), message);
  }

  @Test
  void aListOfEnumsIsRefusedWhileMapping(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas", "DemoEntry",
        "properties").put("states", Map.of("type", "array", "items",
            Map.of("$ref", "#/components/schemas/DemoStatus"))), NO_EDIT);
    assertTrue(message.contains("schema DemoEntry") && message.contains("states")
        && message.contains("list or map of enums"), message);
  }

  @Test
  void aVoidModelFieldIsRefusedWhileMapping(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "components", "schemas", "DemoEntry",
        "properties").put("nothing", Map.of("type", "object", "x-bybit-type", "void")), NO_EDIT);
    assertTrue(message.contains("schema DemoEntry") && message.contains("nothing") && message.contains("void"),
        message);
  }

  @Test
  void aParameterOfAnUnsupportedTypeIsRefusedWhileMapping(@TempDir Path tmp) {
    String message = failure(tmp, spec -> GeneratorHarness.at(spec, "paths", "/v2/private/demo/margin", "post",
        "requestBody", "content", "application/json", "schema", "properties").put("when",
            Map.of("type", "string", "format", "date-time")), NO_EDIT);
    assertTrue(message.contains("changeDemoMargin body field when") && message.contains("a parameter must be"),
        message);
  }

  @Test
  void aJavaMethodThatIsAnotherOperationsAsyncTwinIsRefused(@TempDir Path tmp) {
    String message = failure(tmp, NO_EDIT, config -> GeneratorHarness.at(config, "operations", "getEntries")
        .put("method", "getRecordsAsync"));
    assertTrue(message.contains("Java method getRecordsAsync is already") && message.contains("DemoAccount"),
        message);
  }
}
