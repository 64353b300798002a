package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertFailsWith;
import static io.github.bybitkit.speccheck.Reports.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A breaking change passes once spec/CHANGES.md lists it under the spec's new version and that version is a breaking
 * bump; the same change without the entry, under another version, or without the bump fails.
 */
class AcknowledgementTest {
  private static final String REMOVED_FIELD = "getBalances: response field result.*.available_balance removed";
  private static final String REMOVED_PARAMETER = "getBalances: parameter coin removed";

  @TempDir
  Path dir;

  private SpecWorkspace workspace;

  @BeforeEach
  void removeAvailableBalance() throws IOException {
    workspace = SpecWorkspace.copyOfRealSpec(dir);
    assertEquals("0.1.0", workspace.releasedVersion(), "the cases below are written for a 0.1.0 release");
    workspace.remove("available_balance", "components", "schemas", "BybitBalance", "properties");
  }

  private static String changeLog(String version, String... acknowledged) {
    StringBuilder text = new StringBuilder("# Changes\n\n## ").append(version).append("\n\nSome prose.\n\n")
        .append("### Breaking changes\n");
    for (String id : acknowledged) {
      text.append("- `").append(id).append("` Bybit stopped sending it.\n");
    }
    return text.append("\n## 0.1.0\n\nFirst release.\n").toString();
  }

  @Test
  void unacknowledgedFailsAndSaysWhatToWrite() throws IOException {
    CompatibilityReport report = workspace.check();

    assertFailsWith(report, REMOVED_FIELD);
    assertTrue(report.message().contains("set info.version in the spec to 0.2.0"), report::message);
    assertTrue(report.message().contains("## 0.2.0\n\n### Breaking changes\n- `" + REMOVED_FIELD + "`"),
        report::message);
  }

  @Test
  void acknowledgedWithTheVersionBumpPasses() throws IOException {
    workspace.setVersion("0.2.0");
    workspace.writeChangeLog(changeLog("0.2.0", REMOVED_FIELD));

    CompatibilityReport report = workspace.check();

    assertPasses(report);
    assertEquals(List.of(REMOVED_FIELD), report.breaking().stream().map(BreakingChange::id).toList());
  }

  @Test
  void aLaterBreakingVersionPassesToo() throws IOException {
    workspace.setVersion("1.0.0");
    workspace.writeChangeLog(changeLog("1.0.0", REMOVED_FIELD));

    assertPasses(workspace.check());
  }

  @Test
  void acknowledgedWithoutAVersionBumpFails() throws IOException {
    workspace.writeChangeLog(changeLog("0.1.0", REMOVED_FIELD));

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertEquals(List.of(), report.unacknowledged());
    assertTrue(report.message().contains("info.version 0.1.0 is not a breaking bump after the released 0.1.0: it"
        + " must be 0.2.0 or later"), report::message);
  }

  @Test
  void aPatchBumpIsNotABreakingBump() throws IOException {
    workspace.setVersion("0.1.1");
    workspace.writeChangeLog(changeLog("0.1.1", REMOVED_FIELD));

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertTrue(report.message().contains("must be 0.2.0 or later"), report::message);
  }

  @Test
  void acknowledgedUnderAnotherVersionFails() throws IOException {
    workspace.setVersion("0.2.0");
    workspace.writeChangeLog(changeLog("0.3.0", REMOVED_FIELD));

    assertFailsWith(workspace.check(), REMOVED_FIELD);
  }

  @Test
  void onlyTheUnacknowledgedOfTwoChangesIsReported() throws IOException {
    workspace.at("paths", "/v2/private/wallet/balance", "get").remove("parameters");
    workspace.setVersion("0.2.0");
    workspace.writeChangeLog(changeLog("0.2.0", REMOVED_FIELD));

    CompatibilityReport report = workspace.check();

    assertFailsWith(report, REMOVED_PARAMETER);
    assertFalse(report.message().contains("  - " + REMOVED_FIELD), report::message);
  }

  @Test
  void anAcknowledgementMustBeTheCheckTextInBackticks() throws IOException {
    workspace.setVersion("0.2.0");
    workspace.writeChangeLog("## 0.2.0\n\n### Breaking changes\n- " + REMOVED_FIELD + "\n");

    CompatibilityReport report = workspace.check();

    assertFailsWith(report, REMOVED_FIELD);
    assertTrue(report.message().contains("CHANGES.md line 4: a breaking change must start with the check's text in"
        + " backticks"), report::message);
  }
}
