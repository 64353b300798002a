package io.github.bybitkit.internal;

/** For generated code only: how a model's {@code toString()} shows a field the spec marks {@code x-bybit-secret}. */
public final class Secrets {
  /** Characters shown: enough to tell two keys apart, far from the 8 that would be a usable fragment. */
  static final int SHOWN = 4;

  private Secrets() {}

  /**
   * The first {@value #SHOWN} characters and {@code ...}; text of {@value #SHOWN} characters or fewer is masked whole.
   *
   * @return {@code null} for null, otherwise the masked text
   */
  public static String mask(String secret) {
    if (secret == null) {
      return null;
    }
    return secret.length() <= SHOWN ? "****" : secret.substring(0, SHOWN) + "...";
  }
}
