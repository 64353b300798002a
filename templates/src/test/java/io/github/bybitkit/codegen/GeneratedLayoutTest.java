package io.github.bybitkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bybitkit.codegen.emit.Emitters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated code reads like the hand-written code: 2-space indentation and no line over 120 characters, checked on
 * every golden file (the SDK's own generated sources are checked by the sdk module's GeneratedSourcesLayoutTest).
 */
class GeneratedLayoutTest {
  private static final List<Path> GOLDEN_DIRS = List.of(GeneratorHarness.GOLDEN, NamingSpecTest.DIR);

  @Test
  void noGoldenLineIsLongerThan120Characters() throws IOException {
    assertEquals(List.of(), problems((line, text) -> text.length() > Emitters.LINE_WIDTH
        ? line + " is " + text.length() + " characters long" : null));
  }

  @Test
  void goldenFilesAreIndentedWithTwoSpaces() throws IOException {
    // Javadoc lines start with " *", continuation lines may add 4; every code line's indent is a multiple of 2.
    assertEquals(List.of(), problems((line, text) -> {
      int indent = text.length() - text.stripLeading().length();
      return text.startsWith("\t") || indent % 2 != 0 && !text.stripLeading().startsWith("*")
          ? line + " is not indented with 2-space steps" : null;
    }));
  }

  private interface LineCheck {
    String problem(String where, String text);
  }

  private static List<String> problems(LineCheck check) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path dir : GOLDEN_DIRS) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java.golden"))::iterator) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String problem = check.problem(file + ":" + (i + 1), lines.get(i));
            if (problem != null) {
              problems.add(problem);
            }
          }
        }
      }
    }
    return problems;
  }
}
