package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.recording.ResponseRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's list of identifying field names ({@link ResponseRedactor#identifyingFieldNames()}, which the runtime
 * needs without the spec) and the spec's {@code x-bybit-redact: true} marks say the same about every response
 * property of the spec: a property is marked exactly when the recorder replaces it.
 */
class RedactionMatchesTheSpecTest {
  private static final String MARK = "x-bybit-redact: true";

  /** Properties marked in the spec but kept by the recorder, and redacted by the recorder but unmarked. */
  private record Mismatches(List<String> markedButKept, List<String> redactedButUnmarked, int marked) {}

  private static Mismatches compare(Path specFile) {
    SpecSchemas spec = new SpecSchemas(specFile);
    TreeSet<String> markedButKept = new TreeSet<>();
    TreeSet<String> redactedButUnmarked = new TreeSet<>();
    int marked = 0;
    for (SpecSchemas.Property p : spec.properties(spec.responseSchemas())) {
      Map<String, Object> extensions = p.schema().getExtensions();
      boolean isMarked = extensions != null && Boolean.TRUE.equals(extensions.get("x-bybit-redact"));
      boolean isRedacted = ResponseRedactor.isIdentifying(p.name());
      marked += isMarked ? 1 : 0;
      if (isMarked && !isRedacted) {
        markedButKept.add(p.owner() + "." + p.name());
      } else if (!isMarked && isRedacted) {
        redactedButUnmarked.add(p.owner() + "." + p.name());
      }
    }
    return new Mismatches(List.copyOf(markedButKept), List.copyOf(redactedButUnmarked), marked);
  }

  @Test
  void aResponsePropertyIsMarkedInTheSpecExactlyWhenTheRecorderRedactsIt() {
    Mismatches found = compare(Recorded.openApiFile());

    assertTrue(found.marked() > 0, "no property is marked " + MARK);
    assertEquals(List.of(), found.markedButKept(),
        "marked " + MARK + " in the spec, but the recorder keeps them: add their names to ResponseRedactor");
    assertEquals(List.of(), found.redactedButUnmarked(), "redacted by the recorder, but not marked " + MARK);
  }

  @Test
  void aMarkMissingFromTheSpecIsFound(@TempDir Path dir) throws IOException {
    String spec = Files.readString(Recorded.openApiFile(), StandardCharsets.UTF_8);
    String tokenMarked = "          description: The API key; `toString()` shows only its first four characters.\n"
        + "          " + MARK + "\n";
    assertTrue(spec.contains(tokenMarked));
    Path copy = Files.writeString(dir.resolve("openapi.yaml"), spec.replace(tokenMarked,
        "          description: The API key; `toString()` shows only its first four characters.\n"),
        StandardCharsets.UTF_8);

    assertEquals(List.of("BybitApiKeyInfo.api_key"), compare(copy).redactedButUnmarked());
  }

  @Test
  void aMarkTheRecorderDoesNotFollowIsFound(@TempDir Path dir) throws IOException {
    String spec = Files.readString(Recorded.openApiFile(), StandardCharsets.UTF_8);
    String vipLevel = "          description: VIP level, e.g. VIP-1 (added 2022-02-28).\n";
    assertTrue(spec.contains(vipLevel));
    Path copy = Files.writeString(dir.resolve("openapi.yaml"),
        spec.replace(vipLevel, vipLevel + "          " + MARK + "\n"), StandardCharsets.UTF_8);

    assertEquals(List.of("BybitApiKeyInfo.vip_level"), compare(copy).markedButKept());
  }
}
