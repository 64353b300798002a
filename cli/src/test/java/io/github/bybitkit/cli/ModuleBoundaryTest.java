package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tools BybitKit ships beside the SDK use it as any application must: through the packages the
 * {@code io.github.bybitkit} module exports. The CLI and the test kit run on the class path, where the module's
 * boundary is not enforced, so this test enforces it on their sources.
 */
class ModuleBoundaryTest {
  private static final Path ROOT = Path.of(System.getProperty("bybitkit.specDir", "../spec")).getParent();

  /**
   * The benchmarks (not published) measure steps of the client that have no public entry point on purpose: signing
   * on its own and inside the interceptor (the latter builds its requests with the Retrofit interfaces). Nothing else
   * is allowed in.
   */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "benchmarks/src/main/java/io/github/bybitkit/benchmarks/SigningBenchmark.java",
      Set.of("io.github.bybitkit.internal.auth"),
      "benchmarks/src/main/java/io/github/bybitkit/benchmarks/InterceptorSigningBenchmark.java",
      Set.of("io.github.bybitkit.internal.auth", "io.github.bybitkit.inverseperpetual.transport",
          "io.github.bybitkit.v5.transport"));

  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.bybitkit((?:\\.[a-z][a-z0-9]*)*)");

  private static ModuleDescriptor sdkModule() throws Exception {
    Path location = Path.of(BybitClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(location).findAll().iterator().next().descriptor();
  }

  @Test
  void theSdkIsANamedModuleThatKeepsItsSupportCodeToItself() throws Exception {
    ModuleDescriptor sdk = sdkModule();
    assertEquals("io.github.bybitkit", sdk.name());
    assertFalse(sdk.isAutomatic());
    Set<String> exported = sdk.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertTrue(exported.contains("io.github.bybitkit.metadata"), exported.toString());
    for (String pkg : sdk.packages()) {
      boolean support = pkg.contains(".internal") || pkg.endsWith(".transport");
      assertEquals(!support, exported.contains(pkg), pkg);
    }
  }

  @Test
  void cliTestkitAndBenchmarksReachOnlyExportedPackages() throws Exception {
    ModuleDescriptor sdk = sdkModule();
    Set<String> exported = sdk.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    List<String> violations = new ArrayList<>();
    for (String module : List.of("cli", "testkit", "benchmarks")) {
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          violations.addAll(violations(ROOT.relativize(file).toString().replace('\\', '/'), Files.readString(file),
              sdk.packages(), exported));
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theScanSeesAnImportOfSupportCode() throws IOException, Exception {
    ModuleDescriptor sdk = sdkModule();
    Set<String> exported = sdk.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    String source = "package io.github.bybitkit.cli;\nimport io.github.bybitkit.internal.json.JsonValues;\n"
        + "class X { Object o = io.github.bybitkit.internal.Checks.class; }\n";
    assertEquals(List.of("cli/X.java: io.github.bybitkit.internal.json", "cli/X.java: io.github.bybitkit.internal"),
        violations("cli/X.java", source, sdk.packages(), exported));
  }

  /** References to packages of the sdk module that it does not export (class names are cut off the reference). */
  private static List<String> violations(String file, String source, Set<String> sdkPackages, Set<String> exported) {
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(source);
    while (m.find()) {
      String pkg = longestSdkPackage("io.github.bybitkit" + m.group(1), sdkPackages);
      if (pkg != null && !exported.contains(pkg) && !ALLOWED.getOrDefault(file, Set.of()).contains(pkg)
          && !found.contains(file + ": " + pkg)) {
        found.add(file + ": " + pkg);
      }
    }
    return found;
  }

  private static String longestSdkPackage(String reference, Set<String> sdkPackages) {
    String candidate = reference;
    while (candidate.contains(".")) {
      if (sdkPackages.contains(candidate)) {
        return candidate;
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('.'));
    }
    return null;
  }
}
