package io.github.bybitkit.contract;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No drift in the recorded responses: nothing the spec lacks or disallows (see {@link DriftAnalyzer}) and nothing the
 * generated model fails to keep (see {@link RoundTrip}). Writes {@code target/contract/drift-report.md} and a console
 * summary every time, and on drift fails listing every finding, not just the first.
 *
 * <p>By default it checks the committed {@code spec/recorded}. The drift report command points it at fresh captures
 * with {@code -Ddrift.recorded=<dir>} (relative to the repository root): see {@code generated-sources-readme.md}.
 */
class RecordedDriftTest {
  /** The directory of recorded responses to check instead of {@code spec/recorded}. */
  static final String RECORDED_PROPERTY = "drift.recorded";
  /** Where the report goes; Surefire sets it to {@code target/contract} of the module. */
  static final String REPORT_DIR_PROPERTY = "bybitkit.reportDir";

  @Test
  void theRecordedResponsesHaveNoDrift() {
    check(recordedDir(), reportDir().resolve("drift-report.md"));
  }

  /**
   * Reports on {@code recordedDir} into {@code reportFile}; nothing on the console (a green build is quiet, and a
   * failure's message carries the summary and every drift).
   *
   * @throws AssertionError listing every drift, one per line, if there is any
   */
  static DriftReport check(Path recordedDir, Path reportFile) {
    DriftReport report = DriftReport.run(Recorded.openApiFile(), recordedDir);
    report.write(reportFile);
    if (!report.drifts().isEmpty()) {
      throw new AssertionError(report.summary(reportFile) + report.drifts().size() + " drifts in the recorded responses under " + recordedDir
          + " (report: " + reportFile.toAbsolutePath() + "):\n"
          + report.drifts().stream().map(d -> "  " + d.line()).collect(Collectors.joining("\n")));
    }
    return report;
  }

  static Path recordedDir() {
    String configured = System.getProperty(RECORDED_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return Recorded.recordedDir();
    }
    Path dir = Path.of(configured);
    // Relative to the repository root, where the command is run (Surefire runs in sdk/).
    return dir.isAbsolute() ? dir : Recorded.specDir().getParent().resolve(dir).normalize();
  }

  static Path reportDir() {
    String configured = System.getProperty(REPORT_DIR_PROPERTY);
    return Path.of(configured != null ? configured : "target/contract");
  }
}
