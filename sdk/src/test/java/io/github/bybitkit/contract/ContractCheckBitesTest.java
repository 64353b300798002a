package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.report.ValidationReport;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The spec check of {@link ContractValidationTest} bites: a response field missing from the spec, a field in a body
 * that the spec does not know, or a value the spec does not allow fails validation with a message that names the
 * field.
 */
class ContractCheckBitesTest {
  private static final String ADDITIONAL_PROPERTIES = "validation.response.body.schema.additionalProperties";

  private static SpecValidator realSpec;

  @BeforeAll
  static void loadSpec() {
    realSpec = new SpecValidator(Recorded.openApiFile());
  }

  private static Recorded balances() {
    return Recorded.of("getBalances", "docs-2023.json");
  }

  // ---------------------------------------------------------------- a field removed from the spec

  @Test
  void theUnmodifiedSpecAcceptsTheBalances() {
    ValidationReport report = realSpec.validate200(BybitOperations.GET_BALANCES, balances().json());
    assertFalse(report.hasErrors(), () -> SpecValidator.describe(report));
  }

  /** Control: the YAML round trip alone changes nothing the validator sees. */
  @Test
  void aRoundTrippedCopyOfTheSpecAcceptsTheBalances(@TempDir Path dir) throws IOException {
    Map<String, Object> spec = readYaml(Recorded.openApiFile());
    Path copy = writeYaml(spec, dir.resolve("openapi.yaml"));

    ValidationReport report = new SpecValidator(copy).validate200(BybitOperations.GET_BALANCES, balances().json());
    assertFalse(report.hasErrors(), () -> SpecValidator.describe(report));
  }

  @Test
  void aResponseFieldMissingFromTheSpecIsReported(@TempDir Path dir) throws IOException {
    Map<String, Object> spec = readYaml(Recorded.openApiFile());
    Map<String, Object> properties = map(spec, "components", "schemas", "BybitBalance", "properties");
    assertNotNull(properties.remove("available_balance"), "BybitBalance.available_balance in the spec");
    Path copy = writeYaml(spec, dir.resolve("openapi.yaml"));

    ValidationReport report = new SpecValidator(copy).validate200(BybitOperations.GET_BALANCES, balances().json());

    String described = SpecValidator.describe(report);
    assertTrue(report.hasErrors(), "validation passed without available_balance in the spec");
    assertTrue(flatten(report.getMessages()).stream().anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
            && m.getKey().equals(ADDITIONAL_PROPERTIES) && m.getMessage().contains("\"available_balance\"")),
        "expected an additionalProperties error naming available_balance:\n" + described);
  }

  // ---------------------------------------------------------------- a field added to a body

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "getBalances/docs-2023.json,              $.result.BTC",
      "getPositions/without-symbol-docs-2023.json, $.result[1].data",
      "getPositions/with-symbol-docs-2023.json, $.result",
      "getRiskLimit/docs-2021.json,             $.result[0]",
      "getPortfolioMargin/docs-v5.json,         $.result.assetPnlRange[0].totalPnlRanges.ALL.pnlRanges[2]",
      "getBalances/docs-2023.json,              $",
      "getPortfolioMargin/docs-v5.json,         $",
  })
  void aBodyFieldUnknownToTheSpecIsReported(String file, String objectPath) {
    String[] parts = file.split("/", 2);
    Recorded recorded = Recorded.of(parts[0], parts[1]);
    OperationInfo op = BybitOperations.byId(recorded.operationId());
    String json = JsonEdit.addField(recorded.json(), objectPath, "surprise", "1");

    ValidationReport report = realSpec.validate200(op, json);

    String described = SpecValidator.describe(report);
    assertTrue(report.hasErrors(), "validation passed with an unknown field at " + objectPath);
    assertTrue(flatten(report.getMessages()).stream().anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
            && m.getKey().equals(ADDITIONAL_PROPERTIES) && m.getMessage().contains("\"surprise\"")),
        "expected an additionalProperties error naming surprise:\n" + described);
  }

  // ---------------------------------------------------------------- a value the spec does not allow

  /**
   * Values are still checked where the validator's input was adjusted (see {@link SpecValidator}): inside merged
   * envelopes, in map values, and in {@code allOf}/{@code anyOf} decimals that are left unmerged.
   */
  @ParameterizedTest(name = "{0}: {2} = {3}")
  @CsvSource(delimiter = '|', value = {
      "getBalances/docs-2023.json           | $.result.BTC   | equity          | \"x\"",
      "getLastUserFundingFee/docs-2023.json | $.result       | size            | \"x\"",
      "getRiskLimit/docs-2021.json          | $.result[0]    | maintain_margin | true",
      "getRiskLimit/docs-2023.json          | $.result[1]    | max_leverage    | \"abc\"",
      "getRiskLimit/docs-2023.json          | $.result[0]    | created_at      | \"yesterday\"",
      "getPortfolioMargin/docs-v5.json      | $.result.assetPnlRange[0].totalPnlRanges.ALL.pnlRanges[2] | priceScale | \"abc\"",
      "getPositions/with-symbol-docs-2023.json | $.result    | tp_sl_mode      | \"Half\"",
      "changeMargin/docs-2023.json          | $              | result          | \"0.00000997\"",
      "getPortfolioMargin/docs-v5.json      | $              | retCode         | \"0\"",
  })
  void aValueTheSpecDoesNotAllowIsReported(String file, String objectPath, String field, String valueJson) {
    String[] parts = file.split("/", 2);
    Recorded recorded = Recorded.of(parts[0], parts[1]);
    OperationInfo op = BybitOperations.byId(recorded.operationId());
    String json = JsonEdit.replaceField(recorded.json(), objectPath, field, valueJson);

    ValidationReport report = realSpec.validate200(op, json);

    String described = SpecValidator.describe(report);
    assertTrue(report.hasErrors(), "validation passed with " + field + " = " + valueJson);
    assertTrue(flatten(report.getMessages()).stream().anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
            && m.getMessage().contains(field)),
        "expected an error naming " + field + ":\n" + described);
  }

  /** Control for the merged envelopes: a result the spec declares nullable may still be null. */
  @ParameterizedTest
  @CsvSource({"getLastUserFundingFee/docs-2023.json", "getProfitAndLossHistory/docs-2023.json",
      "getBalances/docs-2023.json", "changeMargin/docs-2023.json"})
  void aNullResultIsAcceptedWhereTheSpecAllowsIt(String file) {
    String[] parts = file.split("/", 2);
    Recorded recorded = Recorded.of(parts[0], parts[1]);
    String json = JsonEdit.replaceField(recorded.json(), "$", "result", "null");

    ValidationReport report = realSpec.validate200(BybitOperations.byId(recorded.operationId()), json);
    assertFalse(report.hasErrors(), () -> SpecValidator.describe(report));
  }

  // ---------------------------------------------------------------- helpers

  /** Every message with its nested messages (oneOf/anyOf/allOf report the details there). */
  private static List<ValidationReport.Message> flatten(List<ValidationReport.Message> messages) {
    List<ValidationReport.Message> all = new ArrayList<>();
    for (ValidationReport.Message m : messages) {
      all.add(m);
      all.addAll(flatten(m.getNestedMessages()));
    }
    return all;
  }

  private static Map<String, Object> readYaml(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return asMap(tree, file.toString());
    }
  }

  private static Path writeYaml(Map<String, Object> tree, Path file) throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new Yaml(options).dump(tree, out);
    }
    return file;
  }

  /** The mapping at {@code keys} below {@code root}. */
  private static Map<String, Object> map(Map<String, Object> root, String... keys) {
    Map<String, Object> node = root;
    StringBuilder path = new StringBuilder();
    for (String key : keys) {
      path.append('/').append(key);
      node = asMap(node.get(key), path.toString());
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node, String where) {
    assertInstanceOf(Map.class, node, "a mapping at " + where);
    Map<?, ?> map = (Map<?, ?>) node;
    map.keySet().forEach(k -> assertEquals(String.class, k.getClass(), "a string key at " + where));
    return (Map<String, Object>) map;
  }
}
