package io.github.bybitkit.speccheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Assertions on {@link CompatibilityReport}s. */
final class Reports {
  private Reports() {}

  /** The check failed on exactly these unacknowledged breaking changes, and its message names each of them. */
  static void assertFailsWith(CompatibilityReport report, String... expectedIds) {
    assertFalse(report.passed(), () -> "the check passed: " + report.message());
    assertEquals(new TreeSet<>(List.of(expectedIds)), unacknowledgedIds(report), report::message);
    for (String id : expectedIds) {
      assertTrue(report.message().contains("  - " + id + "\n"), () -> "not in the message: " + id + "\n" + report.message());
    }
  }

  static void assertPasses(CompatibilityReport report) {
    assertTrue(report.passed(), report::message);
  }

  static Set<String> unacknowledgedIds(CompatibilityReport report) {
    Set<String> ids = new TreeSet<>();
    report.unacknowledged().forEach(change -> ids.add(change.id()));
    return ids;
  }
}
