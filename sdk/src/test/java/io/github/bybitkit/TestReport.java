package io.github.bybitkit;

/**
 * Figures a sweep or fuzz test can report (how many inputs, how many on the wire). Printed only with
 * {@code -Dbybitkit.testReport=true}, so a green {@code verify} stays quiet.
 */
public final class TestReport {
  private static final boolean ENABLED = Boolean.getBoolean("bybitkit.testReport");

  private TestReport() {}

  public static void printf(String format, Object... arguments) {
    if (ENABLED) {
      System.out.printf(format, arguments);
    }
  }
}
