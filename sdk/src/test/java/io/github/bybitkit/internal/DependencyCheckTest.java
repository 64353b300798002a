package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OkHttp and Kotlin stdlib versions {@link DependencyCheck} accepts and refuses, and what it says. */
class DependencyCheckTest {
  private static final List<String> ONE_COPY = List.of("/m2/okhttp-jvm-5.5.1.jar");

  @Test
  void acceptsOkHttp5WithACurrentKotlin() {
    assertNull(DependencyCheck.problem("5.5.1", "2.1.21", ONE_COPY, "5.5.1"));
    assertNull(DependencyCheck.problem("5.0.0-alpha.16", "1.8.20", ONE_COPY, "5.5.1"));
    assertNull(DependencyCheck.problem("6.0.0", "2.4.21", ONE_COPY, "5.5.1"));
  }

  @Test
  void refusesOkHttp4FirstOnTheClassPathNamingVersionsCopiesAndTheFix() {
    List<String> twoCopies = List.of("/m2/okhttp-4.12.0.jar", "/m2/okhttp-jvm-5.5.1.jar");
    String message = DependencyCheck.problem("4.12.0", "1.8.21", twoCopies, "5.5.1");

    assertNotNull(message);
    assertTrue(message.contains("OkHttp 4.12.0"), message);
    assertTrue(message.contains("Kotlin stdlib 1.8.21"), message);
    assertTrue(message.contains("okhttp-jvm 5.5.1"), message);
    assertTrue(message.contains("2 times, in /m2/okhttp-4.12.0.jar, /m2/okhttp-jvm-5.5.1.jar"), message);
    assertTrue(message.contains("io.github.bybitkit:bybitkit-bom"), message);
    assertTrue(message.contains("exclude com.squareup.okhttp3:okhttp 4.x"), message);
  }

  @Test
  void refusesAnOldKotlinStdlibEvenWithOkHttp5() {
    String message = DependencyCheck.problem("5.5.1", "1.6.21", ONE_COPY, "5.5.1");

    assertNotNull(message);
    assertTrue(message.contains("Kotlin stdlib 1.6.21"), message);
    assertTrue(message.contains("1.8.20 or newer"), message);
    assertTrue(!message.contains("OkHttp 4 artifact"), message);
    assertNotNull(DependencyCheck.problem("5.5.1", "1.8.10", ONE_COPY, "5.5.1"));
  }

  @Test
  void refusesWhatItCannotFind() {
    assertTrue(DependencyCheck.problem(null, "2.1.21", List.of(), "5.5.1").contains("OkHttp (none)"));
    assertTrue(DependencyCheck.problem("5.5.1", null, ONE_COPY, "5.5.1").contains("Kotlin stdlib (none)"));
    assertNotNull(DependencyCheck.problem("unknown", "2.1.21", ONE_COPY, "5.5.1"));
  }

  @Test
  void parsesReleaseAndPreReleaseVersions() {
    assertArrayEquals(new int[] {4, 12, 0}, DependencyCheck.parse("4.12.0"));
    assertArrayEquals(new int[] {5, 0, 0}, DependencyCheck.parse("5.0.0-alpha.16"));
    assertArrayEquals(new int[] {2, 1, 21}, DependencyCheck.parse("2.1.21"));
    assertArrayEquals(new int[] {5, 0, 0}, DependencyCheck.parse("5"));
    assertNull(DependencyCheck.parse("unknown"));
    assertNull(DependencyCheck.parse(""));
  }

  @Test
  void thisClassPathPassesAndBuildSucceeds() {
    // sdk's own tests have okhttp-jvm 5 and the Kotlin stdlib it brings, nothing older.
    DependencyCheck.requireCompatibleRuntime();
    assertNotNull(BybitClient.builder().build());
  }
}
