package io.github.bybitkit.speccheck;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A temporary copy of the repository's spec layout for one test: {@code released/<version>.yaml} is the real spec as
 * it is now, {@code openapi.yaml} is a copy the test edits (as a YAML tree), {@code CHANGES.md} is what the test
 * writes (none by default). Comparing the spec with itself isolates each test from what the real spec holds.
 */
final class SpecWorkspace {
  private final Path dir;
  private final Map<String, Object> spec;
  private final String releasedVersion;

  private SpecWorkspace(Path dir, Map<String, Object> spec, String releasedVersion) {
    this.dir = dir;
    this.spec = spec;
    this.releasedVersion = releasedVersion;
  }

  static Path realSpecDir() {
    return Path.of(System.getProperty("bybitkit.specDir"));
  }

  /** A workspace in {@code dir} whose released spec and current spec are both the real spec/openapi.yaml. */
  private static final String COPY_VERSION = "0.1.0";

  static SpecWorkspace copyOfRealSpec(Path dir) throws IOException {
    // The copy is released as 0.1.0 whatever the real spec's version, so version-bump cases stay fixed.
    Path real = realSpecDir().resolve("openapi.yaml");
    String text = Files.readString(real);
    String realVersion = (String) map(read(real), "info").get("version");
    String released = text.replaceFirst("(?m)^  version: " + java.util.regex.Pattern.quote(realVersion) + "$",
        "  version: " + COPY_VERSION);
    Files.createDirectories(dir.resolve("released"));
    Path copy = dir.resolve("released").resolve(COPY_VERSION + ".yaml");
    Files.writeString(copy, released);
    Map<String, Object> tree = read(copy);
    return new SpecWorkspace(dir, tree, (String) map(tree, "info").get("version"));
  }

  String releasedVersion() {
    return releasedVersion;
  }

  /** The map at {@code keys} in the spec being edited, e.g. {@code at("components", "schemas", "BybitBalance")}. */
  Map<String, Object> at(String... keys) {
    Map<String, Object> node = spec;
    for (String key : keys) {
      node = map(node, key);
    }
    return node;
  }

  /** The list at {@code keys}, e.g. the {@code enum} of a schema. */
  @SuppressWarnings("unchecked")
  List<Object> listAt(String... keys) {
    Map<String, Object> parent = at(java.util.Arrays.copyOf(keys, keys.length - 1));
    Object list = parent.get(keys[keys.length - 1]);
    if (!(list instanceof List<?>)) {
      throw new AssertionError("no list at " + String.join("/", keys) + " in the spec");
    }
    return (List<Object>) list;
  }

  /** Removes {@code key} from the map at {@code keys}; fails when it is not there (so a test cannot go stale). */
  void remove(String key, String... keys) {
    if (at(keys).remove(key) == null) {
      throw new AssertionError("nothing to remove at " + String.join("/", keys) + "/" + key + " in the spec");
    }
  }

  void setVersion(String version) {
    at("info").put("version", version);
  }

  void writeChangeLog(String text) throws IOException {
    Files.writeString(changeLog(), text);
  }

  Path changeLog() {
    return dir.resolve("CHANGES.md");
  }

  Path releasedDir() {
    return dir.resolve("released");
  }

  Path specFile() {
    return dir.resolve("openapi.yaml");
  }

  /** Writes the edited spec and runs the check on the workspace. */
  CompatibilityReport check() throws IOException {
    write(spec, specFile());
    return CompatibilityCheck.run(specFile(), releasedDir(), changeLog());
  }

  // ---------------------------------------------------------------- YAML

  static Map<String, Object> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
  }

  static void write(Map<String, Object> tree, Path file) throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(200);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new Yaml(options).dump(tree, writer);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> node, String key) {
    Object child = node.get(key);
    if (!(child instanceof Map<?, ?>)) {
      throw new AssertionError("no map at '" + key + "' in the spec");
    }
    return (Map<String, Object>) child;
  }
}
