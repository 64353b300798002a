package example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.bybitkit.BybitClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What the published bybitkit artifact carries, as an app that resolved it by its coordinates sees it: a named
 * module exporting only the API, sources and javadoc jars next to the jar, and nothing of BybitKit's build on the app's classpath.
 */
class PublishedArtifactTest {
  /** The bybitkit jar this app was compiled and runs against, in the Maven repository it was resolved from. */
  private static Path bybitkitJar() throws URISyntaxException {
    Path jar = Path.of(BybitClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isRegularFile(jar) && jar.getFileName().toString().matches("bybitkit-.+\\.jar"),
        () -> "bybitkit must come from its jar in a Maven repository, not " + jar);
    return jar;
  }

  private static Path attached(String classifier) throws URISyntaxException {
    Path jar = bybitkitJar();
    String name = jar.getFileName().toString();
    Path attached = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-" + classifier + ".jar");
    assertTrue(Files.isRegularFile(attached), () -> "no " + classifier + " jar published next to " + jar);
    return attached;
  }

  private static String entry(JarFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertNotNull(entry, () -> name + " missing from " + jar.getName());
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theJarIsANamedModuleThatExportsOnlyTheApiAndTheToolMetadata() throws Exception {
    Set<ModuleReference> modules = ModuleFinder.of(bybitkitJar()).findAll();
    ModuleDescriptor module = modules.iterator().next().descriptor();
    assertEquals("io.github.bybitkit", module.name());
    assertFalse(module.isAutomatic(), "bybitkit carries a module-info, not just an Automatic-Module-Name");
    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("io.github.bybitkit", "io.github.bybitkit.enums",
        "io.github.bybitkit.inverseperpetual", "io.github.bybitkit.inverseperpetual.model",
        "io.github.bybitkit.metadata", "io.github.bybitkit.recording", "io.github.bybitkit.v5",
        "io.github.bybitkit.v5.model")), exported);
    assertTrue(module.packages().contains("io.github.bybitkit.internal"), "the support code is in the module");
    assertTrue(module.opens().isEmpty(), "nothing is opened for reflection");
  }

  @Test
  void theSourcesJarHoldsHandWrittenAndGeneratedSources() throws Exception {
    try (JarFile sources = new JarFile(attached("sources").toFile())) {
      assertTrue(entry(sources, "io/github/bybitkit/BybitClient.java").contains("class BybitClient"));
      assertTrue(entry(sources, "io/github/bybitkit/inverseperpetual/InversePerpetualAccountClient.java")
          .contains("@Generated"));
    }
  }

  @Test
  void theJavadocJarDocumentsGeneratedClassesWithTheSpecText() throws Exception {
    try (JarFile javadoc = new JarFile(attached("javadoc").toFile())) {
      entry(javadoc, "index.html");
      String module = "io.github.bybitkit/io/github/bybitkit/";
      assertTrue(entry(javadoc, module + "inverseperpetual/model/BybitBalance.html")
          .contains("Balance available for new orders and margin."));
      assertTrue(entry(javadoc, module + "inverseperpetual/InversePerpetualAccountClient.html")
          .contains("getBalances"));
      entry(javadoc, module + "metadata/OperationInfo.html");
      // Only the exported packages are documented: the support code is not API.
      assertNull(javadoc.getEntry(module + "internal/package-summary.html"));
      assertNull(javadoc.getEntry(module + "v5/transport/package-summary.html"));
    }
  }

  /** BybitKit's generator, its build and test libraries, and logging backends must not ride along with it. */
  @Test
  void theAppsClasspathHoldsNothingOfBybitKitsBuild() {
    List<String> unwanted = List.of(
        // the generator and what it is built on
        "io.github.bybitkit.codegen.BybitJavaCodegen",
        "org.openapitools.codegen.DefaultCodegen",
        "com.palantir.javapoet.JavaFile",
        "com.squareup.javapoet.JavaFile",
        "io.swagger.v3.oas.models.OpenAPI",
        "io.swagger.parser.OpenAPIParser",
        // BybitKit's test and build-check libraries
        "com.atlassian.oai.validator.OpenApiInteractionValidator",
        "org.openapitools.openapidiff.core.OpenApiCompare",
        "io.github.bybitkit.speccheck.CompatibilityCheck",
        // logging backends: the app chooses one, BybitKit logs through System.Logger
        "ch.qos.logback.classic.Logger",
        "org.apache.logging.log4j.core.Logger",
        "org.apache.log4j.Logger",
        "org.slf4j.simple.SimpleServiceProvider",
        "org.slf4j.nop.NOPServiceProvider",
        "org.slf4j.jul.JULServiceProvider",
        "org.slf4j.impl.StaticLoggerBinder",
        "org.tinylog.core.TinylogLoggingProvider");
    List<String> present = new ArrayList<>();
    for (String name : unwanted) {
      try {
        Class.forName(name, false, PublishedArtifactTest.class.getClassLoader());
        present.add(name);
      } catch (ClassNotFoundException expected) {
        // absent, as it should be
      }
    }
    if (!present.isEmpty()) {
      fail("on the app's classpath through bybitkit: " + present.stream().collect(Collectors.joining(", ")));
    }
  }
}
