package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered extension builds each test's fake with its factory. */
class FakeBybitExtensionRegisteredTest {
  private static final Instant THEN = Instant.parse("2022-02-22T22:22:22Z");

  @RegisterExtension
  static final FakeBybitExtension FAKES =
      new FakeBybitExtension(() -> FakeBybit.builder().clock(Clock.fixed(THEN, ZoneOffset.UTC)).build());

  @Test
  void usesTheFactory(FakeBybit fake) {
    assertEquals(THEN, fake.clock().instant());
    assertEquals(THEN, fake.clientBuilder().build().inversePerpetual().market().getServerTime());
  }
}
