package io.github.bybitkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recorded response of spec/recorded (Surefire passes the directory as bybitkit.specDir). */
final class Recorded {
  private Recorded() {}

  static String body(String operationId, String file) {
    String configured = System.getProperty("bybitkit.specDir");
    Path dir = (configured != null ? Path.of(configured) : Path.of("..", "spec")).resolve("recorded");
    try {
      return Files.readString(dir.resolve(operationId).resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
