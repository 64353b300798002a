package example.okhttp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OkHttp 4.12.0 declared before bybitkit: building a client fails at once, saying what is wrong and how to fix it. */
class OkHttp4FirstTest {
  /** A constant in Kotlin, so read by reflection (javac would inline the version it compiled against). */
  private static String loaded(String className, String field) throws Exception {
    return String.valueOf(Class.forName(className).getField(field).get(null));
  }

  @Test
  void theClassPathIsTheBrokenOneTheIssueDescribes() throws Exception {
    assertEquals("4.12.0", loaded("okhttp3.OkHttp", "VERSION"));
    assertEquals("1.8.21", loaded("kotlin.KotlinVersion", "CURRENT"));
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttp.class"));
    assertEquals(2, copies.size(), copies.toString());
    assertTrue(copies.get(0).toString().contains("okhttp-4.12.0.jar"), copies.toString());
  }

  @Test
  void buildFailsWithTheVersionsFoundAndTheFix() {
    BybitClient.Builder builder = BybitClient.builder().credentials("example-key", "example-secret");

    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

    String message = e.getMessage();
    assertTrue(message.contains("the class path has OkHttp 4.12.0 and Kotlin stdlib 1.8.21"), message);
    assertTrue(message.contains("okhttp-jvm " + System.getProperty("bybitkit.okhttpVersion")), message);
    assertTrue(message.contains("okhttp-4.12.0.jar"), message);
    assertTrue(message.contains("io.github.bybitkit:bybitkit-bom"), message);
    assertTrue(message.contains("exclude com.squareup.okhttp3:okhttp 4.x"), message);
    assertFalse(message.contains("example-secret"), message);
    // Found once per JVM, refused every time.
    assertEquals(message, assertThrows(IllegalStateException.class, builder::build).getMessage());
  }
}
