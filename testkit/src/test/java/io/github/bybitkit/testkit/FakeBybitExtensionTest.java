package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
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
  void injectsAStartedFake(FakeBybit fake) throws UnknownHostException {
    HANDED_OUT.add(fake);
    assertTrue(accepts(fake), "listening");
    HttpUrl url = HttpUrl.get(fake.baseUrl());
    assertTrue(InetAddress.getByName(url.host()).isLoopbackAddress() && !url.host().equals("localhost"),
        "a loopback address, not a name: " + url);
    assertEquals(fake.port(), url.port());
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

  /** Whether the fake answers a request (a bare connection probe would leave MockWebServer warning about it). */
  private static boolean accepts(FakeBybit fake) {
    try {
      new RawRequests(fake).send(new Request.Builder().url(fake.baseUrl() + "v5/market/time").build());
      return true;
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
