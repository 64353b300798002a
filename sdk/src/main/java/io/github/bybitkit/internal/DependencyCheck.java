package io.github.bybitkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Checks, once per JVM, that the OkHttp and Kotlin stdlib on the class path are ones BybitKit runs with. An app that
 * also has {@code com.squareup.okhttp3:okhttp} 4.x gets that jar next to okhttp-jvm 5 (different artifact ids, so
 * Maven keeps both), and whichever comes first supplies the {@code okhttp3} classes; with 4.x first, calls fail deep
 * inside OkHttp with {@code NoSuchMethodError}. This turns that into one clear message at
 * {@code BybitClient.Builder.build()}.
 */
public final class DependencyCheck {
  /** The OkHttp major version BybitKit is compiled against; 4.x lacks methods okhttp-jvm 5's own classes call. */
  static final int OKHTTP_MAJOR = 5;
  /**
   * The oldest Kotlin stdlib that has every Kotlin class okhttp-jvm 5, okio 3.18 and moshi 1.15 use (for example
   * {@code kotlin.enums.EnumEntries}, added in 1.8.20).
   */
  static final int[] KOTLIN_MINIMUM = {1, 8, 20};

  private static final String OKHTTP_CLASS = "okhttp3/OkHttp.class";

  private DependencyCheck() {}

  /**
   * Throws if the class path's OkHttp or Kotlin stdlib is too old. Looked up on the first call only.
   *
   * @throws IllegalStateException naming the versions found and how to fix the build
   */
  public static void requireCompatibleRuntime() {
    String problem = Found.PROBLEM;
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** The class path as found once per JVM (class initialization runs once, thread-safely). */
  private static final class Found {
    static final String PROBLEM = problem(okHttpVersion(), kotlinVersion(), okHttpLocations(), builtWithOkHttp());
  }

  /**
   * What is wrong with these versions, or null if nothing is.
   *
   * @param okHttpVersion {@code okhttp3.OkHttp.VERSION} of the OkHttp classes loaded, null if there is none
   * @param kotlinVersion {@code kotlin.KotlinVersion.CURRENT} of the stdlib loaded, null if there is none
   * @param okHttpLocations where copies of the {@code okhttp3} classes are (jar paths), for the message
   * @param builtWithOkHttp the okhttp-jvm version BybitKit is built with, for the message
   */
  static String problem(String okHttpVersion, String kotlinVersion, List<String> okHttpLocations,
      String builtWithOkHttp) {
    int[] okHttp = parse(okHttpVersion);
    int[] kotlin = parse(kotlinVersion);
    boolean okHttpTooOld = okHttp == null || okHttp[0] < OKHTTP_MAJOR;
    boolean kotlinTooOld = kotlin == null || compare(kotlin, KOTLIN_MINIMUM) < 0;
    if (!okHttpTooOld && !kotlinTooOld) {
      return null;
    }
    StringBuilder message = new StringBuilder("BybitKit needs OkHttp ").append(OKHTTP_MAJOR)
        .append(".x (com.squareup.okhttp3:okhttp-jvm ").append(builtWithOkHttp).append(") and Kotlin stdlib ")
        .append(KOTLIN_MINIMUM[0]).append('.').append(KOTLIN_MINIMUM[1]).append('.').append(KOTLIN_MINIMUM[2])
        .append(" or newer, but the class path has OkHttp ").append(okHttpVersion == null ? "(none)" : okHttpVersion)
        .append(" and Kotlin stdlib ").append(kotlinVersion == null ? "(none)" : kotlinVersion).append('.');
    if (okHttpLocations.size() > 1) {
      message.append(" The okhttp3 classes are there ").append(okHttpLocations.size()).append(" times, in ")
          .append(String.join(", ", okHttpLocations)).append("; the first one wins.");
    }
    if (okHttpTooOld) {
      message.append(" An OkHttp 4 artifact (com.squareup.okhttp3:okhttp 4.x, its artifact id differs from"
          + " okhttp-jvm, so Maven keeps both) comes before okhttp-jvm ").append(OKHTTP_MAJOR).append('.');
    }
    message.append(" Fix: import the BOM io.github.bybitkit:bybitkit-bom (type pom, scope import) in"
        + " <dependencyManagement>, which aligns okhttp, okio, kotlin-stdlib and moshi; or exclude"
        + " com.squareup.okhttp3:okhttp 4.x from the dependency that brings it and use okhttp-jvm ")
        .append(builtWithOkHttp)
        .append(". 'mvn dependency:tree -Dincludes=com.squareup.okhttp3,org.jetbrains.kotlin' shows where they"
            + " come from.");
    return message.toString();
  }

  /** The numeric parts of "4.12.0", "5.0.0-alpha.16" or "2.1.21" (up to three), null if it has none. */
  static int[] parse(String version) {
    if (version == null) {
      return null;
    }
    int[] parts = new int[3];
    int part = 0;
    int digits = 0;
    for (int i = 0; i < version.length() && part < 3; i++) {
      char c = version.charAt(i);
      if (c >= '0' && c <= '9' && digits < 9) {
        parts[part] = parts[part] * 10 + (c - '0');
        digits++;
      } else if (c == '.' && digits > 0) {
        part++;
        digits = 0;
      } else {
        break;
      }
    }
    return part == 0 && digits == 0 ? null : parts;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  // Read by reflection: OkHttp.VERSION is a compile-time constant (javac would inline 5.x), and BybitKit does not
  // compile against Kotlin.
  private static String okHttpVersion() {
    try {
      Class<?> okHttp = Class.forName("okhttp3.OkHttp", true, DependencyCheck.class.getClassLoader());
      return String.valueOf(okHttp.getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static String kotlinVersion() {
    try {
      Class<?> kotlinVersion = Class.forName("kotlin.KotlinVersion", true, DependencyCheck.class.getClassLoader());
      return String.valueOf(kotlinVersion.getField("CURRENT").get(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static List<String> okHttpLocations() {
    List<String> locations = new ArrayList<>();
    try {
      ClassLoader loader = DependencyCheck.class.getClassLoader();
      for (URL url : Collections.list(loader.getResources(OKHTTP_CLASS))) {
        String location = url.toString();
        int bang = location.indexOf("!/");
        locations.add(location.startsWith("jar:file:") && bang > 0 ? location.substring(9, bang) : location);
      }
    } catch (IOException | RuntimeException e) {
      // The message then leaves the locations out.
    }
    return locations;
  }

  private static String builtWithOkHttp() {
    Properties properties = new Properties();
    try (InputStream in = DependencyCheck.class.getResourceAsStream("/io/github/bybitkit/bybitkit.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Then the message says 5.x only.
    }
    return properties.getProperty("okhttp", OKHTTP_MAJOR + ".x");
  }
}
