package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.internal.Redactor;
import io.github.bybitkit.internal.json.BybitMoshi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Mutates every recorded response (byte flips, insertions, deletions, truncations, repeated slices, giant numbers,
 * deep nesting, type swaps, invalid UTF-8) and decodes each mutant through the client's real decoding path, lenient
 * and strict. The only failures allowed are {@link BybitException}s, and no decode may be slow.
 *
 * <p>Bounded for {@code verify}: {@value #DEFAULT_MUTANTS_PER_BODY} mutants per recorded body. A longer run:
 * {@code ./mvnw -B verify -pl sdk -am -Dtest=DecodingFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbybitkit.fuzz.mutantsPerBody=100000 -Dbybitkit.fuzz.seed=42}.
 */
class DecodingFuzzTest {
  private static final int DEFAULT_MUTANTS_PER_BODY = 2000;
  // Generous for a loaded CI machine: a bounded decode of these bodies takes well under a millisecond.
  private static final long MAX_DECODE_NANOS = 500_000_000L;
  private static final byte[][] FRAGMENTS = ascii("{", "}", "[", "]", "\"", ":", ",", "0", "-", "e", ".", "\\",
      "null", "true", "1e999999999", "184467440737095516160", "\"\"", "[]", "{}", "\\u0000", "\\ud800",
      "9".repeat(300), "[".repeat(100), "\"15{7444332.192859\"", "223372036854775808", "-0", "1E-1001");

  private final Redactor redactor = new Redactor(Credentials.of(TestClients.KEY, TestClients.SECRET));

  private record Body(OperationInfo op, byte[] bytes, String name) {}

  @Test
  void everyMutantOfEveryRecordedResponseFailsOnlyAsABybitExceptionAndFast() throws IOException {
    int perBody = Integer.getInteger("bybitkit.fuzz.mutantsPerBody", DEFAULT_MUTANTS_PER_BODY);
    SplittableRandom random = new SplittableRandom(Long.getLong("bybitkit.fuzz.seed", 20261202L));
    List<Body> bodies = recordedBodies();
    assertFalse(bodies.isEmpty());
    Moshi lenient = BybitMoshi.create(false);
    Moshi strict = BybitMoshi.create(true);

    long mutants = 0;
    long decoded = 0;
    long slowest = 0;
    String slowestWhere = "";
    List<String> escaped = new ArrayList<>();
    for (Body body : bodies) {
      JsonAdapter<Object> lenientAdapter = BybitConverterFactory.envelopeAdapter(body.op(), lenient, false);
      JsonAdapter<Object> strictAdapter = BybitConverterFactory.envelopeAdapter(body.op(), strict, true);
      for (int i = 0; i < perBody; i++) {
        byte[] mutant = mutate(body.bytes(), random);
        mutants++;
        for (JsonAdapter<Object> adapter : List.of(lenientAdapter, strictAdapter)) {
          long start = System.nanoTime();
          try {
            decodeOnce(body, adapter, mutant);
            decoded++;
          } catch (BybitException expected) {
            // The error model: fine.
          } catch (Throwable t) {
            if (escaped.size() < 5) {
              escaped.add(body.name() + ": " + t + " for "
                  + new String(mutant, 0, Math.min(mutant.length, 300), StandardCharsets.UTF_8));
            } else {
              escaped.add(t.getClass().getName());
            }
          }
          long took = System.nanoTime() - start;
          if (took > MAX_DECODE_NANOS / 10) {
            // A pause of the loaded machine (GC, scheduling) is not the body's: the best of three retimes counts.
            took = Math.min(took, Math.min(retime(body, adapter, mutant), retime(body, adapter, mutant)));
          }
          if (took > slowest) {
            slowest = took;
            slowestWhere = body.name() + " (" + mutant.length + " bytes)";
          }
        }
      }
    }
    TestReport.printf("DecodingFuzzTest: %d recorded bodies, %d mutants, %d decoded without error, %d throwables"
        + " that are not BybitException, slowest decode %.2f ms (%s)%n", bodies.size(), mutants, decoded,
        escaped.size(), slowest / 1e6, slowestWhere);
    assertEquals(List.of(), escaped.subList(0, Math.min(escaped.size(), 10)), "non-BybitException throwables");
    assertTrue(slowest < MAX_DECODE_NANOS, "slowest decode " + slowest / 1e6 + " ms: " + slowestWhere);
  }

  private void decodeOnce(Body body, JsonAdapter<Object> adapter, byte[] mutant) {
    BybitConverterFactory.decode(body.op(), adapter, new Buffer().write(mutant), redactor);
  }

  private long retime(Body body, JsonAdapter<Object> adapter, byte[] mutant) {
    long start = System.nanoTime();
    try {
      decodeOnce(body, adapter, mutant);
    } catch (RuntimeException ignored) {
      // Timed only; the first decode was already judged.
    }
    return System.nanoTime() - start;
  }

  private static List<Body> recordedBodies() throws IOException {
    List<Body> bodies = new ArrayList<>();
    Path recorded = RecordedResponses.specDir().resolve("recorded");
    try (Stream<Path> files = Files.walk(recorded)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String operationId = recorded.relativize(file).getName(0).toString();
        boolean known = BybitOperations.all().stream().anyMatch(op -> op.operationId().equals(operationId));
        if (known) {
          bodies.add(new Body(BybitOperations.byId(operationId), Files.readAllBytes(file),
              recorded.relativize(file).toString()));
        }
      }
    }
    return bodies;
  }

  /** One to three random edits. */
  static byte[] mutate(byte[] original, SplittableRandom random) {
    byte[] bytes = original;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && bytes.length > 0; e++) {
      int at = random.nextInt(bytes.length);
      bytes = switch (random.nextInt(8)) {
        case 0 -> flipBit(bytes, at, random);
        case 1 -> splice(bytes, at, at + 1 + random.nextInt(Math.min(8, bytes.length - at)), new byte[0]);
        case 2 -> splice(bytes, at, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 3 -> splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(4)),
            FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 4 -> java.util.Arrays.copyOf(bytes, at); // truncation
        case 5 -> {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
          yield splice(bytes, end, end, java.util.Arrays.copyOfRange(bytes, at, end)); // a repeated slice
        }
        case 6 -> swapValue(bytes, random);
        default -> splice(bytes, at, at, new byte[] {(byte) (0x80 + random.nextInt(0x80))}); // invalid UTF-8
      };
    }
    return bytes;
  }

  private static byte[] flipBit(byte[] bytes, int at, SplittableRandom random) {
    byte[] copy = bytes.clone();
    copy[at] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  /** Replaces the value after a random ':' with another type of value. */
  private static byte[] swapValue(byte[] bytes, SplittableRandom random) {
    int colon = -1;
    for (int tries = 0; tries < 20 && colon < 0; tries++) {
      int at = random.nextInt(bytes.length);
      if (bytes[at] == ':') {
        colon = at;
      }
    }
    if (colon < 0) {
      return bytes;
    }
    int end = colon + 1;
    while (end < bytes.length && bytes[end] != ',' && bytes[end] != '}' && bytes[end] != ']') {
      end++;
    }
    String[] values = {"[]", "{}", "true", "null", "\"\"", "0", "-1", "1e10000", "\"x\"", "[[[[[]]]]]",
        "{\"a\":{\"b\":[1,2,{}]}}", "184467440737095516160", "1" + "0".repeat(65)};
    return splice(bytes, colon + 1, end, values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
    out.write(bytes, 0, from);
    out.write(insert, 0, insert.length);
    out.write(bytes, to, bytes.length - to);
    return out.toByteArray();
  }

  private static byte[][] ascii(String... texts) {
    byte[][] out = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      out[i] = texts[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
