package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.testkit.FakeBybit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session owns its client: closing the session closes the client, so a run leaves no OkHttp threads behind. */
class SessionTest {
  @Test
  void closingTheSessionClosesItsClient() {
    FakeBybit sandbox = FakeBybit.start();
    BybitClient client;
    try (Session session = Session.open(Target.sandbox(), Map.of(), () -> sandbox)) {
      client = session.client();
      assertFalse(client.inversePerpetual().account().getBalances().isEmpty());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> client.inversePerpetual().account().getBalances());
    assertEquals("BybitClient is closed", e.getMessage());
  }
}
