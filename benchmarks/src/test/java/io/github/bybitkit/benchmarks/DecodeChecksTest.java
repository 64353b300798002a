package io.github.bybitkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarks' setup checks hold, so every variant measured does the same work (nothing here is timed). */
class DecodeChecksTest {
  @Test
  void everyPeerDecodesTheRecordedPortfolioMarginLikeBybitKit() {
    assertDoesNotThrow(() -> DecodeChecks.portfolioMarginPeersAgree(Payloads.recorded(Payloads.PORTFOLIO_MARGIN)));
  }

  @Test
  void everyPeerDecodesTheLargePortfolioMarginLikeBybitKit() {
    byte[] body = Payloads.largePortfolioMargin();
    assertTrue(body.length >= Payloads.LARGE_PORTFOLIO_MARGIN_BYTES, "synthesized page is " + body.length + " bytes");
    assertDoesNotThrow(() -> DecodeChecks.portfolioMarginPeersAgree(body));
  }

  @Test
  void bybitKitReadsEveryEntryOfTheV2Payloads() {
    byte[] largeClosedPnl = Payloads.largeClosedPnl();
    assertTrue(largeClosedPnl.length >= Payloads.LARGE_CLOSED_PNL_BYTES, "synthesized page is "
        + largeClosedPnl.length + " bytes");
    assertDoesNotThrow(() -> {
      DecodeChecks.bybitKitReadsEveryEntry("getPositions", Payloads.recorded(Payloads.POSITIONS));
      DecodeChecks.bybitKitReadsEveryEntry("getProfitAndLossHistory", Payloads.recorded(Payloads.CLOSED_PNL));
      DecodeChecks.bybitKitReadsEveryEntry("getProfitAndLossHistory", largeClosedPnl);
      DecodeChecks.bybitKitReadsEveryEntry("getWalletFundHistory", Payloads.recorded(Payloads.WALLET_FUND_RECORDS));
    });
  }
}
