package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.testkit.FakeBybit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated answers through the whole CLI: every operation's first recorded response, changed in ways a broken proxy
 * or a new Bybit release could (bytes flipped, cut short, numbers made giant, values swapped for other types,
 * nesting opened), is served once by the sandbox. Whatever comes back, the run ends with an exit code that means
 * "sent" (0, 1 or 3), never escapes with an exception and never prints a stack trace.
 */
class AnswerFuzzTest {
  private static final int MUTANTS_PER_OPERATION = 8;
  private static final Set<Integer> AFTER_SENDING = Set.of(ExitCode.OK, ExitCode.BYBIT_ERROR, ExitCode.FAILURE);

  @Test
  void everyMutatedAnswerEndsInAnExitCodeOfItsOwn() {
    Random random = new Random(20261202L);
    List<String> problems = new ArrayList<>();
    int runs = 0;
    int undecodable = 0;
    for (OperationInfo operation : BybitOperations.all()) {
      String recorded = firstRecorded(operation.operationId());
      if (recorded == null) {
        continue;
      }
      for (int i = 0; i < MUTANTS_PER_OPERATION; i++) {
        String mutant = mutate(recorded, random);
        FakeBybit sandbox = EveryOperationTest.prepared(operation);
        sandbox.failNextWithStatus(operation.operationId(), 1, 200, "application/json", mutant);
        CliRun run;
        try {
          run = CliRun.inSandbox(sandbox, EveryOperationTest.args(operation));
        } catch (RuntimeException | Error e) {
          problems.add(operation.operationId() + " escaped with " + e + " on " + preview(mutant));
          continue;
        }
        runs++;
        undecodable += run.exitCode() == ExitCode.FAILURE ? 1 : 0;
        if (!AFTER_SENDING.contains(run.exitCode()) || run.err().contains("\tat ")
            || run.out().contains("\tat ")) {
          problems.add(operation.operationId() + " exit " + run.exitCode() + " on " + preview(mutant) + ": "
              + run.err().lines().limit(3).toList());
        }
      }
    }
    assertEquals(List.of(), problems, "runs: " + runs);
    // The mutants reach the CLI: a good share of them cannot be decoded and end in exit 3.
    assertTrue(runs >= 250 && undecodable > runs / 5, runs + " runs, " + undecodable + " undecodable");
  }

  private static String firstRecorded(String operationId) {
    Path dir = Path.of(System.getProperty("bybitkit.specDir", "../spec")).resolve("recorded").resolve(operationId);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst()
          .map(f -> Recorded.body(operationId, f.getFileName().toString())).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One of the kinds of damage the SDK's decoding fuzz applies, chosen at random, at a random place. */
  static String mutate(String body, Random random) {
    int at = random.nextInt(Math.max(1, body.length()));
    switch (random.nextInt(7)) {
      case 0: // a byte flipped
        return body.substring(0, at) + (char) (body.charAt(at) ^ (1 << random.nextInt(7))) + body.substring(at + 1);
      case 1: // cut short
        return body.substring(0, at);
      case 2: { // a number made giant
        int digit = firstIndex(body, at, Character::isDigit);
        return digit < 0 ? body : body.substring(0, digit) + "9".repeat(400) + "e999" + body.substring(digit);
      }
      case 3: { // a string value swapped for a number, an object or null
        int quote = body.indexOf(": \"", at);
        if (quote < 0) {
          quote = body.indexOf(":\"", at);
        }
        int end = quote < 0 ? -1 : body.indexOf('"', body.indexOf('"', quote) + 1);
        String[] replacements = {"1e100", "{}", "null", "[]", "-0", "true"};
        return end < 0 ? body : body.substring(0, body.indexOf('"', quote)) + replacements[random.nextInt(6)]
            + body.substring(end + 1);
      }
      case 4: // nesting opened and never closed
        return body.substring(0, at) + "[".repeat(100) + body.substring(at);
      case 5: // a character removed
        return body.substring(0, at) + body.substring(Math.min(body.length(), at + 1));
      default: // a field duplicated with another type
        int brace = body.indexOf('{', at);
        return brace < 0 ? body : body.substring(0, brace + 1) + "\"retCode\":\"x\",\"ret_code\":[],"
            + body.substring(brace + 1);
    }
  }

  private interface CharTest {
    boolean test(char c);
  }

  private static int firstIndex(String text, int from, CharTest test) {
    for (int i = from; i < text.length(); i++) {
      if (test.test(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String preview(String mutant) {
    String flat = mutant.replaceAll("\\s+", " ");
    return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
  }
}
