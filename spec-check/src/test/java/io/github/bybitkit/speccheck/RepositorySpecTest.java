package io.github.bybitkit.speccheck;

import static io.github.bybitkit.speccheck.Reports.assertPasses;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The check itself: spec/openapi.yaml against the newest spec in spec/released/, acknowledged breaking changes from
 * spec/CHANGES.md. Run alone with {@code ./mvnw -B -pl spec-check test -Dtest=RepositorySpecTest}.
 */
class RepositorySpecTest {
  @Test
  void specHasNoUnacknowledgedBreakingChange() throws IOException {
    Path specDir = SpecWorkspace.realSpecDir();
    CompatibilityReport report = CompatibilityCheck.run(specDir.resolve("openapi.yaml"), specDir.resolve("released"),
        specDir.resolve("CHANGES.md"));
    assertPasses(report);
  }
}
