package io.github.bybitkit.speccheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SemanticVersionTest {
  @Test
  void ordersNumericallyNotAsText() {
    assertTrue(SemanticVersion.parse("0.10.0").compareTo(SemanticVersion.parse("0.9.3")) > 0);
    assertTrue(SemanticVersion.parse("1.0.0").compareTo(SemanticVersion.parse("0.99.99")) > 0);
  }

  @Test
  void breakingSuccessorIsTheNextMinorBeforeOneAndTheNextMajorAfter() {
    assertEquals(SemanticVersion.parse("0.2.0"), SemanticVersion.parse("0.1.3").lowestBreakingSuccessor());
    assertEquals(SemanticVersion.parse("2.0.0"), SemanticVersion.parse("1.4.2").lowestBreakingSuccessor());
  }

  @Test
  void acceptsOnlyMajorMinorPatch() {
    assertFalse(SemanticVersion.isVersion("0.1"));
    assertFalse(SemanticVersion.isVersion("0.1.0-SNAPSHOT"));
    assertFalse(SemanticVersion.isVersion("01.1.0"));
    assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("latest"));
  }
}
