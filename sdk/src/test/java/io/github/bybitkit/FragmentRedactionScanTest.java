package io.github.bybitkit;

import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.LoggingRedactionTest.CapturingLogger;
import io.github.bybitkit.LoggingRedactionTest.Path;
import io.github.bybitkit.LoggingRedactionTest.ScriptedDispatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Issue 14's redaction scan: every path of {@link LoggingRedactionTest} (successes, Bybit errors, HTTP errors, bad
 * bodies, dropped connections, timeouts, async) is run at {@link HttpLogLevel#BODY}, and every text it produces is
 * scanned: each log line, the exception's message, toString and stack trace (causes and suppressed included), the
 * Java serialization of the exception, and the toString of a returned result and of the client. No 8-character run of
 * the API key, the secret or any signature the server received may appear, in any letter case.
 */
class FragmentRedactionScanTest {
  private static final int FRAGMENT = 8;
  private static final RetryPolicy FAST_RETRIES =
      RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

  @StartStop
  final MockWebServer server = new MockWebServer();

  private static int texts;
  private static int paths;

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> paths() {
    return LoggingRedactionTest.paths();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void noEightCharacterFragmentOfACredentialInAnyText(Path path) throws IOException {
    CapturingLogger logger = new CapturingLogger();
    ScriptedDispatcher dispatcher = new ScriptedDispatcher(path.answers());
    server.setDispatcher(dispatcher);
    BybitClient bybit = TestClients.builder(server).logging(HttpLogLevel.BODY).logger(logger)
        .retryPolicy(FAST_RETRIES).build();

    List<String> produced = new ArrayList<>();
    try {
      Object result = path.call().run(bybit);
      produced.add(String.valueOf(result));
    } catch (Throwable thrown) {
      produced.add(LoggingRedactionTest.describe(thrown));
      Throwable failure = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
      produced.add(serialized(thrown));
      produced.add(serialized(failure));
    }
    produced.add(bybit.toString());
    produced.add(logger.text());

    Set<String> secrets = new LinkedHashSet<>(List.of(KEY, SECRET));
    for (RecordedRequest request : dispatcher.received()) {
      String signature = SignatureVerifier.signatureOf(request);
      if (signature != null) {
        secrets.add(signature);
      }
    }
    for (String text : produced) {
      assertNoFragment(text, secrets);
      texts++;
    }
    paths++;
  }

  @AfterAll
  static void report() {
    TestReport.printf("redaction scan: %d paths, %d texts, 0 fragments of %d+ characters%n", paths, texts, FRAGMENT);
  }

  @Test
  void theScanCatchesAFragmentInAnyCaseAndInSerializedForm() throws IOException {
    assertThrows(AssertionFailedError.class,
        () -> assertNoFragment("..." + KEY.substring(3, 3 + FRAGMENT).toUpperCase(Locale.ROOT) + "...", Set.of(KEY)));
    assertThrows(AssertionFailedError.class,
        () -> assertNoFragment(serialized(new IllegalStateException("x" + SECRET.substring(20, 28))), Set.of(SECRET)));
    assertNoFragment("Kx7vQ2m...", Set.of(KEY));
  }

  /** The bytes Java serialization writes, as text (strings are stored as modified UTF-8, so ASCII runs stay whole). */
  private static String serialized(Throwable t) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  static void assertNoFragment(String text, Set<String> secrets) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      String s = secret.toLowerCase(Locale.ROOT);
      assertTrue(s.length() >= FRAGMENT, "a credential shorter than a fragment cannot be scanned: " + s.length());
      for (int i = 0; i + FRAGMENT <= s.length(); i++) {
        String fragment = s.substring(i, i + FRAGMENT);
        int at = lower.indexOf(fragment);
        assertEquals(-1, at, () -> "fragment '" + fragment + "' of a credential at " + lower.indexOf(fragment) + " in:\n"
            + text);
      }
    }
    assertFalse(secrets.isEmpty());
  }
}
