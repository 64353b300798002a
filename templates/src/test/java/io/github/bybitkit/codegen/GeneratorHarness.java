package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.ir.ApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Runs the generator the way the Maven plugin does, on test specs. */
final class GeneratorHarness {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final Path SPEC = GOLDEN.resolve("spec.yaml");
  static final Path CONFIG = GOLDEN.resolve("config.yaml");

  private GeneratorHarness() {}

  /** Generates into {@code out} and returns every generated Java file: relative path -> content. */
  static Map<String, String> generate(Path spec, Path config, Path out) {
    run(BybitJavaCodegen.class, spec, config, out);
    Path root = out.resolve("src/main/java");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The IR the generator builds for a spec, without writing anything. */
  static ApiSpec ir(Path spec, Path config, Path out) {
    run(CapturingCodegen.class, spec, config, out);
    return CapturingCodegen.captured;
  }

  private static void run(Class<? extends BybitJavaCodegen> generator, Path spec, Path config, Path out) {
    CodegenConfigurator configurator = new CodegenConfigurator()
        .setGeneratorName(generator.getName())
        .setInputSpec(spec.toAbsolutePath().toString())
        .setOutputDir(out.toAbsolutePath().toString())
        .addAdditionalProperty(BybitJavaCodegen.CONFIG_OPTION, config.toAbsolutePath().toString());
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
  }

  /** Generator whose emit step keeps the IR instead of writing files. */
  public static class CapturingCodegen extends BybitJavaCodegen {
    static ApiSpec captured;

    @Override
    protected void emit(ApiSpec spec, Path sourceRoot) {
      captured = spec;
    }
  }

  /** Loads a YAML file, lets {@code edit} change the tree, and writes it to {@code target}. */
  @SuppressWarnings("unchecked")
  static Path editYaml(Path source, Path target, Consumer<Map<String, Object>> edit) {
    try {
      Map<String, Object> tree = new Yaml().load(Files.readString(source));
      edit.accept(tree);
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
        new Yaml(options).dump(tree, writer);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The map under a path of keys in a YAML tree. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> tree, String... keys) {
    Map<String, Object> node = tree;
    for (String key : keys) {
      node = (Map<String, Object>) node.get(key);
      if (node == null) {
        throw new IllegalArgumentException("no key " + key);
      }
    }
    return node;
  }
}
