package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bybit} (POSIX sh) and {@code bybit.cmd} (Windows) build and run the same thing. No Windows here to run
 * the latter: this checks that the two agree on what they build, from which inputs, and how it is run.
 */
class LaunchersTest {
  private static final Path ROOT = Path.of(System.getProperty("bybitkit.specDir", "../spec")).getParent();

  @Test
  void bothBuildTheSameJarFromTheSameInputsQuietlyAndRunIt() throws IOException {
    String sh = Files.readString(ROOT.resolve("bybit"));
    String cmd = Files.readString(ROOT.resolve("bybit.cmd"));

    for (String script : List.of(sh, cmd)) {
      assertTrue(script.contains("-B -pl cli -am package -Dmaven.test.skip=true"), "the same Maven build");
      assertTrue(script.contains("bybit-build.log"), "Maven's output goes to a log");
      assertTrue(script.contains("-jar \"%BYBIT_JAR%\" %*") || script.contains("-jar \"$jar\" \"$@\""),
          "runs the jar with every argument");
    }
    assertTrue(sh.contains("pom.xml spec generator-config templates sdk testkit cli"));
    assertTrue(cmd.contains("'pom.xml','spec','generator-config','templates','sdk','testkit','cli'"));
    assertTrue(cmd.contains("\r\n") && !cmd.replace("\r\n", "").contains("\n"), "cmd.exe wants CRLF lines");
    assertTrue(Files.isExecutable(ROOT.resolve("bybit")) || !Files.getFileStore(ROOT).supportsFileAttributeView(
        "posix"), "./bybit is executable");
  }
}
