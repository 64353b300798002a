package io.github.bybitkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the emitters: the golden spec must generate exactly the checked-in files. After a deliberate change to the
 * generator, regenerate them with {@code ./mvnw -pl templates test -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Path EXPECTED = GeneratorHarness.GOLDEN.resolve("expected");
  private static final Path EXPECTED_CHANGED = GeneratorHarness.GOLDEN.resolve("expected-changed");

  @Test
  void goldenSpecGeneratesTheCheckedInFiles(@TempDir Path out) throws IOException {
    Map<String, String> generated = GeneratorHarness.generate(GeneratorHarness.SPEC, GeneratorHarness.CONFIG, out);
    if (UPDATE) {
      write(EXPECTED, generated);
    }
    assertSameFiles(read(EXPECTED), generated);
  }

  /**
   * One field of the spec changes type (the items of {@code DemoEntryList.data}, DemoEntry -> DemoRecord): the
   * record, its adapter and the client that returns it change, and nothing else does.
   */
  @Test
  void changingOneFieldChangesRecordAdapterAndClient(@TempDir Path tmp) throws IOException {
    Map<String, String> before = GeneratorHarness.generate(GeneratorHarness.SPEC, GeneratorHarness.CONFIG,
        tmp.resolve("before"));
    Path changedSpec = GeneratorHarness.editYaml(GeneratorHarness.SPEC, tmp.resolve("spec-changed.yaml"), tree ->
        GeneratorHarness.at(tree, "components", "schemas", "DemoEntryList", "properties", "data", "items")
            .put("$ref", "#/components/schemas/DemoRecord"));
    Map<String, String> after = GeneratorHarness.generate(changedSpec, GeneratorHarness.CONFIG, tmp.resolve("after"));

    Map<String, String> changed = new TreeMap<>();
    after.forEach((path, content) -> {
      if (!content.equals(before.get(path))) {
        changed.put(path, content);
      }
    });
    assertEquals(before.keySet(), after.keySet(), "the change must not add or remove files");
    assertEquals(Set.of(
            "com/example/demo/account/model/DemoEntryList.java",
            "com/example/demo/internal/json/DemoEntryListJsonAdapter.java",
            "com/example/demo/account/DemoAccountClient.java"),
        changed.keySet());
    if (UPDATE) {
      write(EXPECTED_CHANGED, changed);
    }
    assertSameFiles(read(EXPECTED_CHANGED), changed);
  }

  static void assertSameFiles(Map<String, String> expected, Map<String, String> actual) {
    Set<String> all = new TreeSet<>(expected.keySet());
    all.addAll(actual.keySet());
    StringBuilder problems = new StringBuilder();
    for (String path : all) {
      String want = expected.get(path);
      String got = actual.get(path);
      if (want == null) {
        problems.append("\n+ new file ").append(path);
      } else if (got == null) {
        problems.append("\n- missing file ").append(path);
      } else if (!want.equals(got)) {
        problems.append("\n~ ").append(path).append(firstDifference(want, got));
      }
    }
    if (problems.length() > 0) {
      fail("Generated sources differ from the golden files (if intended, rerun with -Dgolden.update=true and"
          + " review the diff):" + problems);
    }
  }

  private static String firstDifference(String want, String got) {
    List<String> a = want.lines().toList();
    List<String> b = got.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "<end of file>";
      String y = i < b.size() ? b.get(i) : "<end of file>";
      if (!x.equals(y)) {
        return " at line " + (i + 1) + "\n    expected: " + x + "\n    actual:   " + y;
      }
    }
    return " (line endings differ)";
  }

  static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        files.put(name.substring(0, name.length() - ".golden".length()), Files.readString(p));
      }
    }
    return files;
  }

  /** Golden files end in .golden so no build or IDE mistakes them for sources. */
  static void write(Path dir, Map<String, String> files) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey() + ".golden");
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
