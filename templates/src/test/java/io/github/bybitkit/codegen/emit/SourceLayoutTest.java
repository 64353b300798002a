package io.github.bybitkit.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceLayoutTest {
  private static final String TEXT = "ccxt: `position_idx` belongs to the inverse futures endpoint, and inverse "
      + "perpetual positions are one-way.";

  private static void assertWrapped(String line) {
    String wrapped = SourceLayout.wrap(line, 120);
    for (String out : wrapped.split("\n")) {
      assertTrue(out.length() <= 120, () -> out.length() + ": " + out);
    }
    // The same constant: the literal's parts joined with + give the text back.
    assertEquals(TEXT, wrapped.replaceAll("\"\\s*\\n\\s*\\+ \"", "").replaceAll("(?s).*?\"(.*)\".*", "$1"));
  }

  @Test
  void aLiteralThatFitsButWhoseClosingPunctuationCrossesTheLimitIsSplit() {
    assertWrapped("          + \"" + TEXT + "\",");
  }

  @Test
  void aLiteralFollowedByMoreCodeIsSplitToo() {
    assertWrapped("          + \"" + TEXT + "\", List.of(");
  }
}
