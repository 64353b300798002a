package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWalletFundHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.SetLeverageRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arguments that cannot be formatted cheaply, signed unambiguously or sent as plain text are refused with an
 * {@link IllegalArgumentException} naming the parameter, and nothing reaches the server.
 */
class RequestBoundsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private InversePerpetualAccountClient account() {
    return TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build()
        .inversePerpetual().account();
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.getRequestCount(), "an invalid argument reached the wire");
  }

  private static void assertRefused(String parameter, Executable call) {
    IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(IllegalArgumentException.class, call));
    assertTrue(e.getMessage().contains(parameter), e.getMessage());
  }

  private static BigDecimal[] hugeDecimals() {
    return new BigDecimal[] {new BigDecimal("1e999999999"), new BigDecimal("-1e999999999"),
        new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE), new BigDecimal(BigInteger.ONE, -Integer.MAX_VALUE),
        new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), new BigDecimal("1e65"), new BigDecimal("1e-65")};
  }

  @Test
  void decimalsTooLargeToFormatAreRefusedBeforeFormatting() {
    for (BigDecimal huge : hugeDecimals()) {
      assertRefused("margin", () -> account().changeMargin("BTCUSD", PositionMode.ONE_WAY, huge));
      assertRefused("margin", () -> account().changeMargin("BTCUSD", huge));
      assertRefused("buyLeverage", () -> account().setIsolatedMode("BTCUSD", true, huge, BigDecimal.ONE));
      assertRefused("leverage", () -> SetLeverageRequest.builder().symbol("BTCUSD")
          .leverage(huge.abs()).build());
    }
  }

  @Test
  void decimalsWithinTheBoundsAreAccepted() {
    SetLeverageRequest request = SetLeverageRequest.builder().symbol("BTCUSD")
        .leverage(new BigDecimal("1e63").add(new BigDecimal("1e-64"))).build();
    assertEquals(new BigDecimal("1e63").add(new BigDecimal("1e-64")), request.leverage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC\u0000USD", "BTCUSD\r\n", "BTC\tUSD", "BTC\u202eUSD", "BTC\u2066USD", "BTC\u200bUSD",
      "BTC\ufeffUSD", "BTC\u00a0USD", "BTC\u202fUSD", "BTC\ud800USD", "BTC\udc00USD", "BTCUSD\ud83d",
      "BTC\u2028USD", "BTC\u007fUSD"})
  void textWithControlInvisibleOrUnpairedCharactersIsRefused(String symbol) {
    assertRefused("symbol", () -> account().getPositions(GetPositionsRequest.builder().symbol(symbol).build()));
    assertRefused("symbol", () -> account().changeMargin(symbol, PositionMode.ONE_WAY, BigDecimal.ONE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTCUSD&tag=x", "BTCUSD&", "a=b", "BTC=USD"})
  void v2ValuesThatWouldMakeTheSignedStringAmbiguousAreRefused(String symbol) {
    assertRefused("symbol", () -> account().getPositions(GetPositionsRequest.builder().symbol(symbol).build()));
    assertRefused("symbol", () -> account().changeMargin(symbol, PositionMode.ONE_WAY, BigDecimal.ONE));
    assertRefused("symbol", () -> {
      try {
        account().getPositionsAsync(GetPositionsRequest.builder().symbol(symbol).build()).get();
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      }
    });
  }

  @Test
  void timesOutsideThePlausibleRangeAreRefused() {
    for (Instant time : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("3000-01-01T00:00:00Z"),
        Instant.parse("1999-12-31T23:59:59Z"), Instant.EPOCH}) {
      assertRefused("startTime", () -> account().getProfitAndLossHistory(
          GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").startTime(time).build()));
    }
    for (LocalDate date : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.of(3000, 1, 1)}) {
      assertRefused("endTime", () -> account().getWalletFundHistory(
          GetWalletFundHistoryRequest.builder().endTime(date).build()));
    }
  }

  @Test
  void withOptionsNullFailsAtOnceNamingTheParameter() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> account().withOptions(null));
    assertTrue(e.getMessage().contains("options"), e.getMessage());
  }
}
