package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertFailsWith;
import static io.github.bybitkit.speccheck.Reports.assertPasses;
import static io.github.bybitkit.speccheck.Reports.unacknowledgedIds;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field removed from a response schema fails the check, wherever the field sits: inside the v2/v5 envelope's
 * {@code allOf}, behind {@code $ref}s, in the values of a map, in list items, in either branch of a {@code oneOf}.
 * Each case edits a copy of the real spec and compares it with the unedited spec.
 */
class ResponseFieldRemovalTest {
  @TempDir
  Path dir;

  @Test
  void theSpecComparedWithItselfPasses() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    assertPasses(workspace.check());  // also shows the YAML round trip of the test's copy changes nothing
  }

  /** getBalances: allOf [V2Envelope, {result: map of BybitBalance}]. */
  @Test
  void aFieldOfAMapValueInsideTheEnvelope() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("available_balance", "components", "schemas", "BybitBalance", "properties");

    assertFailsWith(workspace.check(), "getBalances: response field result.*.available_balance removed");
  }

  /** getLastUserFundingFee: result is allOf [$ref BybitFundingSettlement] with nullable. */
  @Test
  void aFieldOfAResultThatRefersToItsSchemaThroughAllOf() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("side", "components", "schemas", "BybitFundingSettlement", "properties");

    assertFailsWith(workspace.check(), "getLastUserFundingFee: response field result.side removed");
  }

  /** getPositions: result is oneOf [$ref BybitPosition, inline array of BybitPositionListEntry]. */
  @Test
  void aFieldOfTheInlineListBranchOfAOneOf() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("is_valid", "components", "schemas", "BybitPositionListEntry", "properties");

    assertFailsWith(workspace.check(), "getPositions: response field result[].is_valid removed");
  }

  /** BybitPosition is both the named branch of the oneOf and the data of every list entry. */
  @Test
  void aFieldOfTheNamedBranchOfAOneOfIsNamedAtEachPlaceItIsSent() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("symbol", "components", "schemas", "BybitPosition", "properties");

    assertFailsWith(workspace.check(),
        "getPositions: response field result.symbol removed",
        "getPositions: response field result[].data.symbol removed");
  }

  /** getPortfolioMargin (v5): lists within lists, three $refs deep. */
  @Test
  void aFieldDeepInsideAV5Response() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("symbolName", "components", "schemas", "BybitPerpPositionPnlRange", "properties");

    assertFailsWith(workspace.check(),
        "getPortfolioMargin: response field result.assetPnlRange[].perpPositionPnlRanges[].symbolName removed");
  }

  @Test
  void aFieldOfTheV2EnvelopeIsNamedForEveryV2Operation() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("rate_limit", "components", "schemas", "V2Envelope", "properties");

    Set<String> ids = unacknowledgedIds(workspace.check());
    assertTrue(ids.contains("getBalances: response field rate_limit removed"), ids::toString);
    assertTrue(ids.contains("setLeverage: response field rate_limit removed"), ids::toString);
    assertTrue(ids.stream().allMatch(id -> id.endsWith(": response field rate_limit removed")), ids::toString);
    assertTrue(ids.stream().noneMatch(id -> id.startsWith("getPortfolioMargin")), ids::toString);
  }

  @Test
  void aChangedTypeOfAResponseField() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.at("components", "schemas", "BybitBalance", "properties", "equity").put("type", "string");

    assertFailsWith(workspace.check(),
        "getBalances: response field result.*.equity changed type from decimal to string");
  }
}
