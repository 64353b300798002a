package io.github.bybitkit;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;

/**
 * The recorded response bodies of {@code spec/recorded/<operationId>/<name>.json}, served as MockWebServer
 * responses. Surefire passes the spec directory as the system property {@code bybitkit.specDir}; run from an IDE
 * without it, the module-relative {@code ../spec} is used.
 */
final class RecordedResponses {
  private RecordedResponses() {}

  static Path specDir() {
    String configured = System.getProperty("bybitkit.specDir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "spec");
    if (!Files.isDirectory(dir.resolve("recorded"))) {
      throw new IllegalStateException("No recorded responses under " + dir.toAbsolutePath()
          + "; set -Dbybitkit.specDir=<repo>/spec");
    }
    return dir;
  }

  /** A recorded answer of an operation, named {@code operationId/file.json}. */
  record Body(OperationInfo op, byte[] bytes, String name) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Every recorded answer of every operation, in operation order, files sorted by name. */
  static List<Body> all() throws IOException {
    List<Body> bodies = new ArrayList<>();
    Path recorded = specDir().resolve("recorded");
    for (OperationInfo op : BybitOperations.all()) {
      Path dir = recorded.resolve(op.operationId());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          bodies.add(new Body(op, Files.readAllBytes(file), recorded.relativize(file).toString()));
        }
      }
    }
    return bodies;
  }

  /** The exact text of a recorded body. */
  static String body(String operationId, String name) {
    Path file = specDir().resolve("recorded").resolve(operationId).resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read recorded response " + file, e);
    }
  }

  /** A 200 response carrying the recorded body unchanged. */
  static MockResponse recorded(String operationId, String name) {
    return json(body(operationId, name));
  }

  /** A 200 JSON response with the given body. */
  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }
}
