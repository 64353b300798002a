package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension gives each test a started fake, the same one to its @BeforeEach, and closes it afterwards. */
@ExtendWith(FakeBybitExtension.class)
class FakeBybitExtensionTest {
  /** Every fake handed out in this class; all must be closed once the class is done. */
  private static final List<FakeBybit> HANDED_OUT = new ArrayList<>();

  private FakeBybit fromBeforeEach;

  @BeforeEach
  void setUp(FakeBybit fake) {
    fromBeforeEach = fake;
  }

  @Test
  void injectsAStartedFake(FakeBybit fake) {
    HANDED_OUT.add(fake);
    assertTrue(accepts(fake), "listening");
    assertFalse(fake.clientBuilder().build().inversePerpetual().account().getBalances().isEmpty());
  }

  @Test
  void theTestAndItsBeforeEachShareOneFake(FakeBybit fake) {
    HANDED_OUT.add(fake);
    assertSame(fromBeforeEach, fake);
  }

  @Test
  void eachTestGetsAFreshFake(FakeBybit fake) {
    HANDED_OUT.add(fake);
    assertTrue(fake.requests().isEmpty());
    HANDED_OUT.stream().filter(f -> f != fake).forEach(other -> assertNotSame(other, fake));
  }

  @AfterAll
  static void everyFakeWasClosedAfterItsTest() {
    assertEquals(3, HANDED_OUT.size());
    assertEquals(3, HANDED_OUT.stream().distinct().count());
    for (FakeBybit fake : HANDED_OUT) {
      assertFalse(accepts(fake), fake + " is still listening");
    }
  }

  private static boolean accepts(FakeBybit fake) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", fake.port()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
