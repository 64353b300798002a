package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A user name and password in the base URL are credentials: never printed. */
class BaseUrlUserInfoTest {
  private static final String PASSWORD = "S3cretPassw0rdXyz";

  @Test
  void toStringHidesUserInfoButKeepsTheHost() {
    String text = BybitClient.builder().baseUrl("http://someuser:" + PASSWORD + "@proxy.example:8080/bybit/")
        .build().toString();

    assertFalse(text.contains(PASSWORD), text);
    assertFalse(text.contains("someuser"), text);
    assertTrue(text.contains("http://***@proxy.example:8080/bybit/"), text);
  }

  @Test
  void aRejectedBaseUrlIsEchoedWithoutUserInfo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().baseUrl("ftp://someuser:" + PASSWORD + "@proxy.example/"));

    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertTrue(e.getMessage().contains("ftp://***@proxy.example/"), e.getMessage());
  }

  @Test
  void aBaseUrlWithoutUserInfoIsShownUnchanged() {
    assertTrue(BybitClient.builder().baseUrl("https://api.bybit.com").build().toString()
        .contains("baseUrl=https://api.bybit.com/"));
  }
}
