package io.github.bybitkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The naming spec (fields and parameters named like the generator's own locals, Java keywords, descriptions that
 * would end a comment or hold a unicode escape) generates the checked-in files, and that output compiles and decodes.
 *
 * <p>It is compiled with javac against the SDK's hand-written runtime sources ({@code ../sdk/src/main/java} on the
 * source path, so javac compiles just the runtime classes the generated code reaches) and the SDK's libraries on the
 * test classpath. The generated registry lands in the runtime's internal package, where the transport expects it. A
 * stub of the runtime could drift from it; the real sources cannot.
 */
class NamingSpecTest {
  static final Path DIR = Path.of("src/test/resources/naming");
  private static final Path SDK_SOURCES = Path.of("../sdk/src/main/java");

  private static Map<String, String> generated;
  private static Path classes;

  @BeforeAll
  static void generateAndCompile(@TempDir Path tmp) throws IOException {
    generated = GeneratorHarness.generate(DIR.resolve("spec.yaml"), DIR.resolve("config.yaml"), tmp.resolve("out"));
    classes = Files.createDirectories(tmp.resolve("classes"));
    compile(tmp.resolve("out/src/main/java"), classes);
  }

  @Test
  void namingSpecGeneratesTheCheckedInFiles() throws IOException {
    Path expected = DIR.resolve("expected");
    if (GoldenFilesTest.UPDATE) {
      GoldenFilesTest.write(expected, generated);
    }
    GoldenFilesTest.assertSameFiles(GoldenFilesTest.read(expected), generated);
  }

  @Test
  void keywordsGetASafeJavaNameAndKeepTheirWireName() {
    String clash = generated.get("com/example/clash/model/Clash.java");
    assertTrue(clash.contains("String class_,") && clash.contains("String default_,")
        && clash.contains("String hashCode_,"), clash);
    String adapter = generated.get("io/github/bybitkit/internal/json/ClashJsonAdapter.java");
    assertTrue(adapter.contains("\"class\", \"default\", \"hashCode\""), adapter);
  }

  @Test
  void javadocCannotBeBrokenByADescription() {
    for (Map.Entry<String, String> file : generated.entrySet()) {
      for (String comment : comments(file.getValue())) {
        assertTrue(!comment.contains("\\u") && !comment.contains("C:\\"), file.getKey() + ": " + comment);
        assertTrue(comment.lines().skip(1).map(String::strip)
            .noneMatch(l -> l.startsWith("* @") && !l.matches("\\* @(param|return|throws|see|deprecated)\\b.*")),
            file.getKey() + ": a description starts a block tag in " + comment);
      }
    }
    String client = generated.get("com/example/clash/ClashClient.java");
    assertTrue(client.contains("C:&#92;users&#92;x") && client.contains("<code>code with &#92;u0041 and *&#47;</code>")
        && client.contains("a &lt;i&gt;tag&lt;/i&gt; &amp; an {@literal @}author"), client);
  }

  /** A strict adapter decodes every clashing field and writes the body back exactly. */
  @Test
  void aBodyWithEveryClashingFieldRoundTripsExactly() throws Exception {
    String body = "{\"strict\":false,\"reader\":\"r\",\"writer\":\"w\",\"value\":1.50,\"result\":\"x\","
        + "\"class\":\"c\",\"default\":\"d\",\"hashCode\":\"h\",\"NAMES\":\"n\",\"r1\":[\"a\",\"b\"],"
        + "\"w1\":[[\"p\"],[]],\"v1\":{\"k\":\"v\"},\"moshi\":\"m\",\"clash_part_adapter\":\"cpa\","
        + "\"part\":{\"value\":-0.001,\"writer\":7},\"direction\":\"Prev\"}";
    try (URLClassLoader loader = loader()) {
      JsonAdapter<Object> adapter = strictAdapter(loader, "com.example.clash.model.Clash");
      Object clash = adapter.fromJson(body);
      assertEquals(body, adapter.toJson(clash));
      Class<?> type = clash.getClass();
      assertEquals("c", type.getMethod("class_").invoke(clash));
      assertEquals(false, type.getMethod("strict").invoke(clash));
      assertEquals("PREV", type.getMethod("direction").invoke(clash).toString().toUpperCase(Locale.ROOT));
    }
  }

  /** A field named {@code strict} that says false does not switch the strict adapter to lenient. */
  @Test
  void aFieldNamedStrictDoesNotTurnOffStrictDecoding() throws Exception {
    try (URLClassLoader loader = loader()) {
      JsonAdapter<Object> adapter = strictAdapter(loader, "com.example.clash.model.Clash");
      JsonDataException e = assertThrows(JsonDataException.class,
          () -> adapter.fromJson("{\"strict\":false,\"unknown\":1}"));
      assertTrue(e.getMessage().contains("unknown"), e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonAdapter<Object> strictAdapter(ClassLoader loader, String model) throws Exception {
    Class<?> factoryClass = loader.loadClass("io.github.bybitkit.internal.json.BybitJsonAdapterFactory");
    Method strict = factoryClass.getMethod("strict");
    Moshi moshi = new Moshi.Builder().add((JsonAdapter.Factory) strict.invoke(null)).build();
    return (JsonAdapter<Object>) moshi.adapter(loader.loadClass(model));
  }

  private static URLClassLoader loader() throws IOException {
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, NamingSpecTest.class.getClassLoader());
  }

  /**
   * The SDK's hand-written sources without its module-info: compiled beside the generated code on the class path,
   * they are plain packages (the module declaration would ask for the libraries as modules).
   */
  private static Path runtimeSources(Path out) throws IOException {
    Path copy = out.resolveSibling(out.getFileName() + "-runtime-sources");
    try (var walk = Files.walk(SDK_SOURCES)) {
      for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = SDK_SOURCES.relativize(source);
        if (!relative.toString().equals("module-info.java")) {
          Files.createDirectories(copy.resolve(relative).getParent());
          Files.copy(source, copy.resolve(relative), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return copy;
  }

  private static void compile(Path sources, Path out) throws IOException {
    Path runtime = runtimeSources(out);
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "-proc:none", "-implicit:class", "-Xlint:none",
          "-sourcepath", runtime.toString(), "-classpath", System.getProperty("java.class.path"),
          "--release", "17");
      boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
      StringBuilder errors = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.append('\n').append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
              .append(d.getLineNumber()).append(' ').append(d.getMessage(Locale.ROOT));
        }
      }
      assertTrue(ok, "generated sources do not compile:" + errors);
    }
  }

  /** The text of every {@code /** ... *}{@code /} comment in a source. */
  private static List<String> comments(String source) {
    List<String> comments = new ArrayList<>();
    int start = source.indexOf("/**");
    while (start >= 0) {
      int end = source.indexOf("*/", start);
      comments.add(source.substring(start, end));
      start = source.indexOf("/**", end);
    }
    return comments;
  }
}
