package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.v5.GetTickersRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * What a call does not do when it has no need to (issue 12, a thin call), and that doing less changed nothing else:
 * logging that is off is not consulted, a public call without rate-limit headers reads no clock, and a logger that
 * turns DEBUG on after the client was built is still written to.
 */
class ThinCallTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void withLoggingOffTheLoggerIsNeverAsked() {
    CountingLogger logger = new CountingLogger(true);
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server).logging(HttpLogLevel.NONE).logger(logger).build();

    bybit.inversePerpetual().account().getBalances();

    assertEquals(0, logger.asked.get(), "isLoggable calls");
    assertEquals(0, logger.logged.get(), "log calls");
  }

  @Test
  void aLoggerThatTurnsDebugOnAfterTheClientWasBuiltIsWrittenTo() {
    CountingLogger logger = new CountingLogger(false);
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    BybitClient bybit = TestClients.builder(server).logging(HttpLogLevel.BASIC).logger(logger).build();

    bybit.inversePerpetual().account().getBalances();
    assertEquals(0, logger.logged.get(), "DEBUG off: nothing logged");
    assertTrue(logger.asked.get() > 0, "the logger is asked on each call");

    logger.debug = true;
    bybit.inversePerpetual().account().getBalances();
    assertEquals(2, logger.logged.get(), "request and response lines once DEBUG is on");
  }

  @Test
  void aPublicCallWithoutRateLimitHeadersReadsNoClock() {
    CountingClock clock = new CountingClock();
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString()).clock(clock).build();

    bybit.v5().market().getTickers(GetTickersRequest.builder().category(Category.INVERSE).build());

    assertEquals(0, clock.reads.get(), "no timestamp to sign, no rate-limit state to stamp, no limiter");
    assertTrue(bybit.rateLimits().isEmpty());
  }

  @Test
  void aRateLimitStateIsStillStampedWithTheTimeItWasObserved() {
    CountingClock clock = new CountingClock();
    server.enqueue(recorded("v5GetTickers", "docs-v5.json").newBuilder()
        .setHeader("x-bapi-limit-status", "7").build());
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString()).clock(clock).build();

    bybit.v5().market().getTickers(GetTickersRequest.builder().category(Category.INVERSE).build());

    assertEquals(new RateLimit(null, 7, null, NOW), bybit.rateLimit("v5GetTickers").orElseThrow());
    assertEquals(1, clock.reads.get());
  }

  @Test
  void withTheLimiterOnEachCallStillReadsTheServerClockToCountAgainstTheWindow() {
    CountingClock clock = new CountingClock();
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    BybitClient bybit = BybitClient.builder().baseUrl(server.url("/").toString()).clock(clock)
        .rateLimiter(0, java.time.Duration.ofSeconds(1)).build();

    bybit.v5().market().getTickers(GetTickersRequest.builder().category(Category.INVERSE).build());

    assertEquals(1, clock.reads.get(), "the limiter's reading of the clock");
  }

  /** The tests' fixed instant, counting every read. */
  private static final class CountingClock extends Clock {
    final AtomicInteger reads = new AtomicInteger();

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
      reads.incrementAndGet();
      return NOW;
    }

    @Override
    public long millis() {
      reads.incrementAndGet();
      return NOW.toEpochMilli();
    }
  }

  /** A logger that counts how often it is asked and written to; DEBUG can be switched on later. */
  private static final class CountingLogger implements System.Logger {
    final AtomicInteger asked = new AtomicInteger();
    final AtomicInteger logged = new AtomicInteger();
    volatile boolean debug;

    CountingLogger(boolean debug) {
      this.debug = debug;
    }

    @Override
    public String getName() {
      return "counting";
    }

    @Override
    public boolean isLoggable(Level level) {
      asked.incrementAndGet();
      return debug || level.getSeverity() >= Level.INFO.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      logged.incrementAndGet();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      logged.incrementAndGet();
    }
  }
}
