package io.github.bybitkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One recorded response body, {@code spec/recorded/<operationId>/<file>.json}.
 *
 * @param operationId the name of the directory holding the file
 * @param fileName the file's name, e.g. {@code docs-2023.json}
 * @param path where the file is
 */
record Recorded(String operationId, String fileName, Path path) {

  /** The name of this file in test reports: {@code <operationId>/<file>}. */
  String displayName() {
    return operationId + "/" + fileName;
  }

  /** The body, as UTF-8 text. */
  String json() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  @Override
  public String toString() {
    return displayName();
  }

  /**
   * The spec directory: the system property {@code bybitkit.specDir} that Surefire sets, else {@code spec} or
   * {@code ../spec} relative to the working directory (for runs from an IDE).
   */
  static Path specDir() {
    String configured = System.getProperty("bybitkit.specDir");
    List<Path> candidates = configured != null
        ? List.of(Path.of(configured))
        : List.of(Path.of("spec"), Path.of("..", "spec"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve("openapi.yaml"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("No spec directory with openapi.yaml found at " + candidates
        + "; set the system property bybitkit.specDir");
  }

  static Path openApiFile() {
    return specDir().resolve("openapi.yaml");
  }

  static Path recordedDir() {
    return specDir().resolve("recorded");
  }

  /** The operation directories under {@code spec/recorded}, by name. */
  static List<Path> operationDirs() {
    return operationDirs(recordedDir());
  }

  /** The operation directories under {@code recordedDir}, by name. */
  static List<Path> operationDirs(Path recordedDir) {
    try (Stream<Path> entries = Files.list(recordedDir)) {
      return entries.filter(Files::isDirectory)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + recordedDir, e);
    }
  }

  /** Every {@code spec/recorded/<operationId>/*.json}, ordered by operation and file name. */
  static List<Recorded> all() {
    return all(recordedDir());
  }

  /** Every {@code <recordedDir>/<operationId>/*.json}, ordered by operation and file name. */
  static List<Recorded> all(Path recordedDir) {
    List<Recorded> all = new ArrayList<>();
    for (Path dir : operationDirs(recordedDir)) {
      String operationId = dir.getFileName().toString();
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().endsWith(".json"))
            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
            .forEach(p -> all.add(new Recorded(operationId, p.getFileName().toString(), p)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir, e);
      }
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("No recorded responses under " + recordedDir);
    }
    return all;
  }

  /** The recorded file {@code spec/recorded/<operationId>/<fileName>}. */
  static Recorded of(String operationId, String fileName) {
    Path path = recordedDir().resolve(operationId).resolve(fileName);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("No recorded response " + path);
    }
    return new Recorded(operationId, fileName, path);
  }
}
