package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertFailsWith;
import static io.github.bybitkit.speccheck.Reports.assertPasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which released spec is the baseline, and what makes spec/released/ unusable. */
class ReleasedSpecsTest {
  @TempDir
  Path dir;

  /** 0.10.0 is newer than 0.9.0 although it sorts first as text; comparing with 0.9.0 would report a removal. */
  @Test
  void theHighestVersionIsTheBaseline() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    Files.move(workspace.releasedDir().resolve(workspace.releasedVersion() + ".yaml"),
        workspace.releasedDir().resolve("0.10.0.yaml"));
    Map<String, Object> older = SpecWorkspace.read(workspace.releasedDir().resolve("0.10.0.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> olderInfo = (Map<String, Object>) older.get("info");
    olderInfo.put("version", "0.9.0");
    @SuppressWarnings("unchecked")
    Map<String, Object> olderPaths = (Map<String, Object>) older.get("paths");
    olderPaths.put("/v2/private/gone", olderPaths.get("/v2/private/wallet/balance"));
    SpecWorkspace.write(older, workspace.releasedDir().resolve("0.9.0.yaml"));
    Path newest = workspace.releasedDir().resolve("0.10.0.yaml");
    Map<String, Object> newestTree = SpecWorkspace.read(newest);
    @SuppressWarnings("unchecked")
    Map<String, Object> newestInfo = (Map<String, Object>) newestTree.get("info");
    newestInfo.put("version", "0.10.0");
    SpecWorkspace.write(newestTree, newest);
    workspace.setVersion("0.10.0");

    CompatibilityReport report = workspace.check();

    assertPasses(report);
    assertEquals(newest, report.baseline());
  }

  @Test
  void aReleasedSpecMustBeNamedAfterItsVersion() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    Files.move(workspace.releasedDir().resolve(workspace.releasedVersion() + ".yaml"),
        workspace.releasedDir().resolve("0.0.9.yaml"));

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertTrue(report.message().contains("0.0.9.yaml says info.version " + workspace.releasedVersion()),
        report::message);
  }

  @Test
  void otherFilesInTheReleasedFolderAreReported() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    Files.writeString(workspace.releasedDir().resolve("latest.yaml"), "openapi: 3.0.3\n");

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertTrue(report.message().contains("latest.yaml: only <major.minor.patch>.yaml files belong in"),
        report::message);
  }

  @Test
  void withoutAReleasedSpecTheCheckFails() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    Files.delete(workspace.releasedDir().resolve(workspace.releasedVersion() + ".yaml"));

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertTrue(report.message().contains("no released spec in"), report::message);
  }

  @Test
  void aSpecVersionOlderThanTheReleaseFails() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.setVersion("0.0.1");

    CompatibilityReport report = workspace.check();

    assertFalse(report.passed(), report::message);
    assertTrue(report.message().contains("info.version 0.0.1 is older than the released"), report::message);
  }

  /** The workspace's released spec is the real one, so removing from the copy is still reported. */
  @Test
  void theBaselineIsTheReleasedFileNotTheEditedCopy() throws IOException {
    SpecWorkspace workspace = SpecWorkspace.copyOfRealSpec(dir);
    workspace.remove("/v2/private/account/api-key", "paths");

    assertFailsWith(workspace.check(), "getApiKeyInfo: operation removed (GET /v2/private/account/api-key)");
  }
}
