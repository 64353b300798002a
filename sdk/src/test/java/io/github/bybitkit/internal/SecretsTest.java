package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void showsFourCharactersAtMostAndNothingOfShortText() {
    assertEquals("Kx7v...", Secrets.mask("Kx7vQ2mLp9Rt4WzB1n"));
    assertEquals("abcd...", Secrets.mask("abcde"));
    assertEquals("****", Secrets.mask("abcd"));
    assertEquals("****", Secrets.mask(""));
    assertNull(Secrets.mask(null));
  }
}
