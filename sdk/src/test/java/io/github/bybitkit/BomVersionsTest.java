package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bom/pom.xml (no parent, so its versions are written out) manages what sdk is built and tested with: the parent's
 * OkHttp, Moshi and Retrofit versions, and the Okio and Kotlin stdlib that okhttp-jvm brings to this class path.
 */
class BomVersionsTest {
  private static final Path BOM = RecordedResponses.specDir().resolveSibling("bom").resolve("pom.xml");

  private static String pom;
  private static final Map<String, String> properties = new LinkedHashMap<>();
  /** groupId:artifactId to version, properties resolved. */
  private static final Map<String, String> managed = new LinkedHashMap<>();

  // Regular expressions, not an XML parser: sdk's tests run patched into the module, which does not read java.xml.
  @BeforeAll
  static void readBom() throws Exception {
    pom = Files.readString(BOM).replaceAll("(?s)<!--.*?-->", "");
    Matcher own = Pattern.compile("<artifactId>bybitkit-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(own.find(), "bybitkit-bom's own version");
    properties.put("project.version", own.group(1));
    Matcher props = Pattern.compile("(?s)<properties>(.*?)</properties>").matcher(pom);
    assertTrue(props.find(), "<properties>");
    Matcher property = Pattern.compile("<([A-Za-z0-9.-]+)>([^<]*)</\\1>").matcher(props.group(1));
    while (property.find()) {
      properties.put(property.group(1), property.group(2).trim());
    }
    Matcher dependency = Pattern.compile("(?s)<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)"
        + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    while (dependency.find()) {
      managed.put(dependency.group(1) + ":" + dependency.group(2), resolve(dependency.group(3)));
    }
  }

  private static String resolve(String value) {
    Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(value.trim());
    return property.matches() ? properties.get(property.group(1)) : value.trim();
  }

  /** A Kotlin constant, read by reflection (sdk does not compile against Kotlin). */
  private static String kotlinStdlibVersion() throws Exception {
    return String.valueOf(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null));
  }

  @Test
  void theBomIsBybitKitsOwnVersionAndHasNoParent() {
    assertEquals(System.getProperty("bybitkit.projectVersion"), properties.get("project.version"));
    assertFalse(pom.contains("<parent>"), "an imported BOM brings its parent's dependencyManagement too");
    assertEquals(properties.get("project.version"), managed.get("io.github.bybitkit:bybitkit"));
    assertEquals(properties.get("project.version"), managed.get("io.github.bybitkit:bybitkit-testkit"));
  }

  @Test
  void theBomManagesTheVersionsSdkIsBuiltWith() throws Exception {
    assertNotNull(System.getProperty("bybitkit.okhttpVersion"), "set by sdk/pom.xml");
    assertEquals(System.getProperty("bybitkit.okhttpVersion"), managed.get("com.squareup.okhttp3:okhttp-bom"));
    assertEquals(System.getProperty("bybitkit.moshiVersion"), managed.get("com.squareup.moshi:moshi"));
    assertEquals(System.getProperty("bybitkit.retrofitVersion"), managed.get("com.squareup.retrofit2:retrofit"));
    assertEquals(kotlinStdlibVersion(), managed.get("org.jetbrains.kotlin:kotlin-stdlib"));

    // okio-jvm's jar, as Maven names it, tells the Okio version on this class path.
    String okioJar = okio.Buffer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    Matcher version = Pattern.compile("okio-jvm-([0-9][^/]*)\\.jar$").matcher(okioJar);
    assertTrue(version.find(), okioJar);
    assertEquals(version.group(1), managed.get("com.squareup.okio:okio-jvm"));
    assertEquals(version.group(1), managed.get("com.squareup.okio:okio"));
  }
}
