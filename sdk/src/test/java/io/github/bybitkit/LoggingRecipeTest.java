package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogManager;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's JUL recipe (section "Logging"): the {@code properties} block printed there, applied as the JVM's
 * logging configuration, makes a client built with {@code logging(...)} print its request line on standard error,
 * redacted, with nothing else done. The JDK's default configuration prints nothing at DEBUG, which is why the recipe
 * exists.
 */
class LoggingRecipeTest {
  private static final Path README = RecordedResponses.specDir().resolveSibling("README.md");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final PrintStream originalErr = System.err;

  @AfterEach
  void restoreDefaultLogging() throws IOException {
    System.setErr(originalErr);
    LogManager.getLogManager().readConfiguration(); // the build's test configuration (java.util.logging.config.file)
  }

  /** The JDK's own default configuration, whatever the build sets for its test runs. */
  private static void readJdkDefault() throws IOException {
    try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "conf", "logging.properties"))) {
      LogManager.getLogManager().readConfiguration(in);
    }
  }

  /** The first {@code properties} code block of the README's "## Logging" section. */
  private static String readmeRecipe() throws IOException {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("\n## Logging\n"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    int start = section.indexOf("```properties\n") + "```properties\n".length();
    return section.substring(start, section.indexOf("```", start));
  }

  /** Standard error while {@code call} runs, with JUL configured from {@code properties} (null: the JDK default). */
  private String stderrOf(String properties, ThrowingRunnable call) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // Before the configuration: the ConsoleHandler it creates keeps the System.err of that moment.
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    if (properties == null) {
      readJdkDefault();
    } else {
      LogManager.getLogManager().readConfiguration(
          new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
    }
    call.run();
    System.setErr(originalErr);
    return err.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void getBalances(HttpLogLevel level) throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient client = TestClients.builder(server).logging(level).build();
    client.inversePerpetual().account().getBalances();
    client.close();
  }

  @Test
  void theReadmeRecipeIsAPropertiesFileThatTurnsOnTheHttpLogger() throws IOException {
    String recipe = readmeRecipe();
    assertTrue(recipe.contains("io.github.bybitkit.http.level = FINE"), recipe);
    assertTrue(recipe.contains("handlers = java.util.logging.ConsoleHandler"), recipe);
  }

  @Test
  void withTheRecipeTheRequestLinePrintsRedacted() throws Exception {
    String out = stderrOf(readmeRecipe(), () -> getBalances(HttpLogLevel.HEADERS));

    List<String> requestLines = out.lines().filter(line -> line.contains("--> GET ")).toList();
    assertEquals(1, requestLines.size(), out);
    String request = requestLines.get(0);
    assertTrue(request.contains(" FINE io.github.bybitkit.http: --> GET /v2/private/wallet/balance?"), request);
    assertTrue(request.contains("api_key=<redacted>"), request);
    assertTrue(request.contains("sign=<redacted>"), request);
    assertTrue(request.endsWith("[getBalances]"), request);
    assertTrue(out.contains("<-- 200 GET /v2/private/wallet/balance [getBalances]"), out);
    assertFalse(out.contains(KEY), out);
    assertFalse(out.contains(SECRET), out);
    String sent = server.takeRequest().getUrl().queryParameter("sign");
    assertFalse(out.contains(sent), out);
  }

  @Test
  void withoutTheRecipeTheJdkDefaultPrintsNothing() throws Exception {
    String out = stderrOf(null, () -> getBalances(HttpLogLevel.HEADERS));

    assertFalse(out.contains("io.github.bybitkit.http"), out);
    assertFalse(out.contains("-->"), out);
  }
}
