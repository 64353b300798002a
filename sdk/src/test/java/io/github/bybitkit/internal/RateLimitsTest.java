package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.bybitkit.RateLimit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * Reading the rate-limit state of a response in one pass over its header names, with the clock read only when there
 * is a state: the same results as one {@link Headers#get} per header, stamped as before.
 */
class RateLimitsTest {
  private static final Instant NOW = Instant.parse("2024-03-05T06:07:08.123Z");

  @Test
  void namesAreMatchedWhateverTheirCaseAndTheLastValueOfANameWinsAsInHeadersGet() {
    Headers headers = new Headers.Builder()
        .add("x-bapi-limit", "10")
        .add("X-BAPI-LIMIT-STATUS", "5")
        .add("X-Bapi-Limit", "50")
        .add("x-Bapi-limit-reset-timestamp", "1700000000000")
        .add("Content-Type", "application/json")
        .build();

    assertEquals(new RateLimit(50, 5, Instant.ofEpochMilli(1700000000000L), NOW),
        RateLimits.fromHeaders(headers, Clock.fixed(NOW, ZoneOffset.UTC)));
    assertEquals(RateLimits.fromHeaders(headers, NOW), RateLimits.fromHeaders(headers, Clock.fixed(NOW,
        ZoneOffset.UTC)));
  }

  @Test
  void withoutRateLimitHeadersThereIsNoStateAndTheClockIsNotRead() {
    Headers headers = Headers.of("Content-Type", "application/json", "X-Bapi", "1", "X-Bapi-Limit-Other", "3",
        "Traceid", "abc");

    assertNull(RateLimits.fromHeaders(headers, new FailingClock()));
    assertNull(RateLimits.fromHeaders(headers, NOW));
  }

  @Test
  void headersWhoseValuesAreAllMalformedGiveNoStateAndOneGoodValueIsKept() {
    assertNull(RateLimits.fromHeaders(Headers.of("X-Bapi-Limit", "fifty", "X-Bapi-Limit-Status", ""),
        new FailingClock()));
    assertEquals(new RateLimit(null, 49, null, NOW), RateLimits.fromHeaders(
        Headers.of("X-Bapi-Limit", "fifty", "X-Bapi-Limit-Status", " 49 "), Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @Test
  void aV2EnvelopeWithoutRateLimitFieldsGivesNoStateAndTheClockIsNotRead() {
    V2Response<Object> none = new V2Response<>(0, "OK", "", "", null, "1577480720.003444", null, null, null, null);
    V2Response<Object> some = new V2Response<>(0, "OK", "", "", null, "1577480720.003444", 98, 1580885703683L, 100,
        null);

    assertNull(RateLimits.fromV2(none, new FailingClock()));
    assertEquals(new RateLimit(100, 98, Instant.ofEpochMilli(1580885703683L), NOW),
        RateLimits.fromV2(some, Clock.fixed(NOW, ZoneOffset.UTC)));
    assertEquals(RateLimits.fromV2(some, NOW), RateLimits.fromV2(some, Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  /** A clock that must not be read. */
  private static final class FailingClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      throw new AssertionError("the clock was read");
    }
  }
}
