package io.github.bybitkit.speccheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of spec/CHANGES.md that acknowledge breaking changes. */
class ChangeLogTest {
  private static final SemanticVersion V020 = SemanticVersion.parse("0.2.0");

  @Test
  void onlyBulletsUnderBreakingChangesOfAVersionCount() {
    ChangeLog log = ChangeLog.parse(List.of(
        "# Changes",
        "### Breaking changes",
        "- `before any version: ignored`",
        "## 0.2.0",
        "- `outside the subsection: ignored`",
        "### Added",
        "- `getServerTime: added`",
        "### Breaking changes",
        "- `getBalances: parameter coin removed` because.",
        "* `getBalances: response field result.*.equity removed`",
        "",
        "Prose is fine here.",
        "## 0.1.0",
        "### Breaking changes",
        "- `belongs to 0.1.0`"), "CHANGES.md");

    assertEquals(Set.of("getBalances: parameter coin removed", "getBalances: response field result.*.equity removed"),
        log.acknowledgedIn(V020));
    assertEquals(Set.of("belongs to 0.1.0"), log.acknowledgedIn(SemanticVersion.parse("0.1.0")));
    assertEquals(List.of(), log.problems());
  }

  @Test
  void examplesInFencedBlocksAreIgnored() {
    ChangeLog log = ChangeLog.parse(List.of(
        "```",
        "## 0.2.0",
        "### Breaking changes",
        "- `an example`",
        "```"), "CHANGES.md");

    assertEquals(Set.of(), log.acknowledgedIn(V020));
  }

  @Test
  void theRepositoryChangeLogIsWellFormed() throws IOException {
    ChangeLog log = ChangeLog.read(SpecWorkspace.realSpecDir().resolve("CHANGES.md"));
    assertEquals(List.of(), log.problems());
  }
}
