package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK's generated sources keep the hand-written sources' width: no line over 120 characters. The generator wraps
 * what it writes; this fails, naming file and line, when a spec change makes a line it cannot break.
 */
class GeneratedSourcesLayoutTest {
  private static final Path GENERATED = Path.of("target/generated-sources/openapi/src/main/java");
  private static final int WIDTH = 120;

  @Test
  void noGeneratedLineIsLongerThan120Characters() throws IOException {
    assertTrue(Files.isDirectory(GENERATED), "no generated sources at " + GENERATED.toAbsolutePath());
    List<String> tooLong = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(GENERATED)) {
      for (Path file : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".java"))::iterator) {
        files++;
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).length() > WIDTH) {
            tooLong.add(GENERATED.relativize(file) + ":" + (i + 1) + " is " + lines.get(i).length() + " characters");
          }
        }
      }
    }
    assertTrue(files > 50, "only " + files + " generated files found");
    assertEquals(List.of(), tooLong);
  }
}
