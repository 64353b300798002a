package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitTimestampException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client whose clock is off gets 10002 from the fake, reads the fake's clock and succeeds on its one retry; the
 * fake's request log shows exactly that.
 */
@ExtendWith(FakeBybitExtension.class)
class TimeSyncTest {
  private static final Duration SKEW = Duration.ofSeconds(30);

  @Test
  void aClientThirtySecondsBehindIsRefusedWith10002ThenResyncsFromTheFakeAndSucceeds(FakeBybit fake) {
    BybitClient client = fake.clientBuilder().clock(Clock.offset(Clock.systemUTC(), SKEW.negated())).build();

    client.inversePerpetual().account().setLeverage("BTCUSD", 7, 7);

    List<ReceivedRequest> seen = fake.requests();
    assertEquals(List.of("setLeverage", "getServerTime", "setLeverage"),
        seen.stream().map(r -> r.operationId().orElseThrow()).toList());
    assertEquals(List.of(10002, 0, 0), seen.stream().map(r -> r.retCode().orElseThrow()).toList());
    // The first attempt carried the skewed time, the retry the fake's (within the receive window).
    long lag = seen.get(0).receivedAt().toEpochMilli() - seen.get(0).timestamp().getAsLong();
    assertTrue(lag >= SKEW.toMillis() - 1000 && lag < SKEW.toMillis() + 5000, "lag " + lag);
    long retryLag = seen.get(2).receivedAt().toEpochMilli() - seen.get(2).timestamp().getAsLong();
    assertTrue(Math.abs(retryLag) < 1000, "retry lag " + retryLag);
    assertEquals(7, fake.account().position("BTCUSD").leverage().intValueExact(), "executed once, on the retry");
    assertTrue(client.clockOffset().compareTo(SKEW.minusSeconds(2)) > 0, client.clockOffset().toString());
  }

  @Test
  void aV5ClientResyncsFromTheV5ServerTime(FakeBybit fake) {
    BybitClient client = fake.clientBuilder().clock(Clock.offset(Clock.systemUTC(), SKEW)).build();

    client.v5().asset().getPortfolioMargin();

    assertEquals(List.of("getPortfolioMargin", "getV5ServerTime", "getPortfolioMargin"),
        fake.requests().stream().map(r -> r.operationId().orElseThrow()).toList());
    assertEquals(List.of(10002, 0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow()).toList());
  }

  @Test
  void withoutTimeSyncTheClientFailsWith10002() {
    Instant fakeNow = Instant.parse("2021-06-01T00:00:00Z");
    try (FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(fakeNow, ZoneOffset.UTC)).build()) {
      BybitClient client = fake.clientBuilder().timeSync(false).build();
      BybitTimestampException e = assertThrows(BybitTimestampException.class,
          () -> client.inversePerpetual().account().getBalances());
      assertEquals(10002, e.retCode());
      assertEquals(1, fake.requests().size());
    }
  }

  @Test
  void theFakesOwnClockIsTheServerTimeItReports() {
    Instant fakeNow = Instant.parse("2021-06-01T00:00:00.123456Z");
    try (FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(fakeNow, ZoneOffset.UTC)).build()) {
      BybitClient client = fake.clientBuilder().build();
      assertEquals(fakeNow, client.inversePerpetual().market().getServerTime(), "time_now to the microsecond");
      assertEquals(Instant.parse("2021-06-01T00:00:00.123Z"), client.v5().market().getV5ServerTime());
      // A client on the system clock is years ahead of this fake: refused, resynced, then accepted.
      assertFalse(client.inversePerpetual().account().getBalances().isEmpty());
      assertEquals(List.of(0, 0, 10002, 0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow())
          .toList());
    }
  }
}
