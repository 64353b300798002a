package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of {@link RecordedDriftTest} bites on a copy of {@code spec/recorded}: a field the spec lacks fails it,
 * naming operation, path and value, and every drift of every file is listed at once, in the failure and in the report.
 */
class DriftReportTest {
  @TempDir
  Path temp;

  private Path recordedCopy() throws IOException {
    Path copy = temp.resolve("recorded");
    for (Recorded r : Recorded.all()) {
      Path target = copy.resolve(r.operationId()).resolve(r.fileName());
      Files.createDirectories(target.getParent());
      Files.copy(r.path(), target);
    }
    return copy;
  }

  private static void edit(Path recordedDir, String operationId, String file, UnaryOperator<String> change)
      throws IOException {
    Path path = recordedDir.resolve(operationId).resolve(file);
    Files.writeString(path, change.apply(Files.readString(path, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void anUnchangedCopyHasNoDrift() throws IOException {
    Path report = temp.resolve("report/drift-report.md");

    DriftReport result = RecordedDriftTest.check(recordedCopy(), report);

    assertEquals(List.of(), result.drifts());
    assertTrue(Files.readString(report).contains("**No drift.**"));
  }

  @Test
  void aFieldTheSpecLacksFailsNamingOperationPathAndValue() throws IOException {
    Path recorded = recordedCopy();
    edit(recorded, "getBalances", "docs-2023.json", json -> JsonEdit.addField(json, "$.result.BTC", "bonus", "0.5"));

    AssertionError failure = assertThrows(AssertionError.class,
        () -> RecordedDriftTest.check(recorded, temp.resolve("drift-report.md")));

    assertTrue(failure.getMessage().contains(
            "getBalances $.result.BTC.bonus: field not in the spec; found 0.5; spec: BybitBalance has no such property"
                + " (getBalances/docs-2023.json)"), failure.getMessage());
    assertTrue(failure.getMessage().contains("getBalances $.result.BTC.bonus: not kept by the generated model"),
        failure.getMessage());
  }

  @Test
  void everyDriftOfEveryFileIsListedAtOnce() throws IOException {
    Path recorded = recordedCopy();
    edit(recorded, "getBalances", "docs-2023.json", json -> JsonEdit.addField(json, "$.result.BTC", "bonus", "0.5"));
    edit(recorded, "getPositions", "without-symbol-docs-2023.json", json -> JsonEdit.addField(
        JsonEdit.addField(json, "$.result[0].data", "adl_rank", "2"), "$.result[1].data", "adl_rank", "3"));
    edit(recorded, "getRiskLimit", "docs-2023.json",
        json -> JsonEdit.replaceField(json, "$.result[0]", "is_lowest_risk", "\"1\""));
    edit(recorded, "getWithdrawalHistory", "docs-2023.json",
        json -> JsonEdit.replaceField(json, "$.result.data[0]", "status", "\"OnChain\""));
    edit(recorded, "getPortfolioMargin", "docs-v5.json", json -> JsonEdit.removeField(json, "$", "retMsg"));
    Files.writeString(recorded.resolve("getBalances").resolve("truncated.json"), "{\"ret_code\":0,");
    Files.createDirectories(recorded.resolve("getTicker"));
    Files.writeString(recorded.resolve("getTicker").resolve("a.json"), "{}");
    Path report = temp.resolve("drift-report.md");

    AssertionError failure = assertThrows(AssertionError.class, () -> RecordedDriftTest.check(recorded, report));

    for (String expected : List.of(
        "getBalances $.result.BTC.bonus: field not in the spec; found 0.5",
        "getPositions $.result[0].data.adl_rank: field not in the spec; found 2",
        "getPositions $.result[1].data.adl_rank: field not in the spec; found 3",
        "getRiskLimit $.result[0].is_lowest_risk: JSON type differs from the spec; found string \"1\"",
        "getRiskLimit $.result[0].is_lowest_risk: not kept by the generated model (decode, encode, compare); "
            + "found \"1\"; written back as 1",
        "getWithdrawalHistory $.result.data[0].status: enum value not in the spec; found \"OnChain\"",
        "getPortfolioMargin $.retMsg: required field missing; found absent",
        "getBalances $: response cannot be checked",
        "getTicker $: response cannot be checked; found the file; no operation getTicker in the spec")) {
      assertTrue(failure.getMessage().contains(expected), "expected a line with\n  " + expected + "\nin\n"
          + failure.getMessage());
    }

    String markdown = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(markdown.contains("## getPositions"), markdown);
    assertTrue(markdown.contains("| `` $.result[*].data.adl_rank `` | `` 2 `` | spec: BybitPosition has no such "
        + "property | 2 | without-symbol-docs-2023.json |"), markdown);
    assertTrue(markdown.contains("| `` $.result[0].is_lowest_risk `` |".replace("[0]", "[*]")), markdown);
    assertTrue(markdown.contains("| getBalances | 3 | 1 | 0 | 0 | 0 | 0 | 1 | 1 |"), markdown);
  }
}
