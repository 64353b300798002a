package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox keeps its account in a file between runs; the demo's printed commands reproduce the demo. */
class SandboxStateTest {
  @TempDir
  Path directory;

  private Map<String, String> environment() {
    return Map.of(SandboxState.STATE_VARIABLE, directory.resolve("state/sandbox.json").toString());
  }

  private CliRun bybit(String... args) {
    return CliRun.run(environment(), args);
  }

  @Test
  void aChangeIsSeenByTheNextRun() {
    assertTrue(bybit("getPositions", "--symbol", "BTCUSD").out().matches("(?s).*is_isolated\\s+false\\n.*"));

    CliRun set = bybit("setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "true", "--buy-leverage", "7",
        "--sell-leverage", "7");
    assertEquals(ExitCode.OK, set.exitCode(), set::toString);
    assertTrue(Files.exists(directory.resolve("state/sandbox.json")));

    CliRun positions = bybit("getPositions", "--symbol", "BTCUSD");
    assertTrue(positions.out().matches("(?s).*is_isolated\\s+true\\n.*"), positions::toString);
    assertTrue(positions.out().matches("(?s).*\\n\\s*leverage\\s+7\\n.*"), positions::toString);
    // Bybit's answer to the same switch again, as on a real account:
    CliRun again = bybit("setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "true", "--buy-leverage", "7",
        "--sell-leverage", "7");
    assertEquals(ExitCode.BYBIT_ERROR, again.exitCode(), again::toString);
    assertTrue(again.errAfterSandboxMarker().startsWith("Bybit error 30084: "), again::toString);

    CliRun reset = bybit("sandbox", "reset");
    assertEquals(ExitCode.OK, reset.exitCode(), reset::toString);
    assertEquals("Removed " + directory.resolve("state/sandbox.json") + ": the next command against the sandbox starts"
        + " from a fresh account.\n", reset.out());
    assertFalse(Files.exists(directory.resolve("state/sandbox.json")));
    assertTrue(bybit("getPositions", "--symbol", "BTCUSD").out().matches("(?s).*is_isolated\\s+false\\n.*"));
  }

  @Test
  void theDemosCommandsRunOneByOneGiveTheDemosResults() {
    // Today's session (v5) and the legacy one (v2).
    for (String[] demoCommand : List.of(new String[] {"demo"}, new String[] {"demo", "--v2"})) {
      // Whatever the sandbox held before, the demo puts it back to where the demo starts.
      bybit("setIsolatedMode", "--symbol", "BTCUSD", "--is-isolated", "true", "--buy-leverage", "3",
          "--sell-leverage", "3");
      CliRun demo = bybit(demoCommand);
      assertEquals(ExitCode.OK, demo.exitCode(), demo::toString);

      List<String[]> steps = steps(demo.out());
      int expectedSteps = demoCommand.length == 1 ? Demo.V5_STEPS : Demo.STEPS;
      assertEquals(expectedSteps, steps.size());
      int compared = 0;
      for (String[] step : steps) {
        String command = step[0];
        if (command.contains("...") || command.contains("<")) {
          continue; // the closed P&L step stands for several pages
        }
        CliRun run = bybit(command.substring("bybit ".length()).split(" "));
        assertEquals(ExitCode.OK, run.exitCode(), command + ": " + run);
        if (command.matches("bybit (set|change|v5Set).*")) {
          assertEquals(step[1], run.out(), command); // a scalar or small result: the same text
        } else {
          // The demo shows some of the fields: each of its rows' values is in the command's output.
          for (String line : step[1].lines().skip(2).toList()) {
            for (String value : line.trim().split("\\s+")) {
              assertTrue(run.out().contains(value), command + ": " + value + " not in\n" + run.out());
            }
          }
        }
        compared++;
      }
      assertEquals(expectedSteps - 1, compared);
      assertTrue(demo.out().contains("(" + directory.resolve("state/sandbox.json") + ") is back at the start of this"
          + " demo"), demo::toString);
    }
  }

  @Test
  void withoutTheVariableTheStateIsUnderTheUsersHome() throws IOException {
    Path home = Path.of(System.getProperty("user.home"));
    assertTrue(home.endsWith("test-home"), "surefire points user.home into target/: " + home);
    Path file = home.resolve(".bybitkit/sandbox.json");
    Files.deleteIfExists(file);

    CliRun run = CliRun.run(Map.of(SandboxState.STATE_VARIABLE, ""), "setLeverage", "--symbol", "BTCUSD",
        "--leverage", "4");

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(Files.readString(file).contains("\"leverage\":4"), Files.readString(file));
    assertEquals(ExitCode.OK, CliRun.run(Map.of(SandboxState.STATE_VARIABLE, ""), "sandbox", "reset").exitCode());
    assertFalse(Files.exists(file));
  }

  @Test
  void anUnreadableStateIsAUsageErrorThatSaysHowToStartOver() throws IOException {
    Path file = directory.resolve("state/sandbox.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"positions\": [");

    CliRun run = bybit("getPositions");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: The sandbox state in " + file + " cannot be read (IllegalArgumentException); run 'bybit"
        + " sandbox reset' to start over.\n", run.err());
    assertEquals(ExitCode.OK, bybit("sandbox", "reset").exitCode());
    assertEquals(ExitCode.OK, bybit("getPositions").exitCode());
  }

  @Test
  void sandboxWithoutAnActionShowsItsUsage() {
    CliRun run = bybit("sandbox");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("reset"), run::toString);
  }

  /** Each demo step's command (without "$ ") and what it printed. */
  private static List<String[]> steps(String demo) {
    List<String[]> steps = new ArrayList<>();
    for (String block : demo.split("\n== ")) {
      List<String> lines = block.lines().toList();
      if (lines.size() < 2 || !lines.get(1).startsWith("   $ ")) {
        continue;
      }
      String output = String.join("\n", lines.subList(2, lines.size())).strip() + "\n";
      if (output.contains("\nThe sandbox's saved account")) {
        output = output.substring(0, output.indexOf("\nThe sandbox's saved account")).strip() + "\n";
      }
      steps.add(new String[] {lines.get(1).substring("   $ ".length()), output});
    }
    return steps;
  }
}
