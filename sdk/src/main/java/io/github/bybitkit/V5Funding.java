package io.github.bybitkit;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.GetTickersRequest;
import io.github.bybitkit.v5.GetTradeHistoryRequest;
import io.github.bybitkit.v5.V5;
import io.github.bybitkit.v5.model.BybitV5Execution;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import io.github.bybitkit.v5.model.BybitV5Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Funding fees on v5: the two legacy v2 operations that have no v5 endpoint of their own ({@code getLastUserFundingFee}
 * and {@code getPredictedUserFundingFee}), derived from generated v5 calls. Nothing here is computed by Bybit unless
 * said so; each method says which calls it makes and what the v2 answer had that this one lacks.
 *
 * <pre>{@code
 * V5Funding funding = new V5Funding(bybit);
 * Optional<V5Funding.LastFundingFee> last = funding.lastFundingFee("BTCUSD");
 * Optional<V5Funding.PredictedFundingFee> next = funding.predictedFundingFee("BTCUSD");
 * }</pre>
 *
 * <p>Only perpetual categories fund: {@link Category#INVERSE} (what the v2 operations covered, and the default) and
 * {@link Category#LINEAR}; any other category, a null or a blank symbol throws {@link IllegalArgumentException} before
 * anything is sent. Errors of the underlying calls propagate unchanged ({@link BybitException} and subclasses).
 * Thread-safe, like the client it uses.
 */
public final class V5Funding {
  private final V5 v5;

  /** Funding helpers calling through {@code client} (its credentials, options and rate-limit state). */
  public V5Funding(BybitClient client) {
    this.v5 = Objects.requireNonNull(client, "client").v5();
  }

  /**
   * The newest funding settlement of {@code symbol} in the inverse category; see
   * {@link #lastFundingFee(Category, String)}.
   */
  public Optional<LastFundingFee> lastFundingFee(String symbol) {
    return lastFundingFee(Category.INVERSE, symbol);
  }

  /**
   * The newest funding settlement of the caller's position in {@code symbol}, replacing v2
   * {@code GET /v2/private/funding/prev-funding}.
   *
   * <p>Derived from one call, {@code GET /v5/execution/list} with {@code category}, {@code symbol},
   * {@code execType=Funding} and {@code limit=1} (no time window, so Bybit searches its default: the last 7 days).
   * Bybit sorts the list newest first; of the rows returned, the one with the latest {@code execTime} among those whose
   * {@code execType} is {@code Funding} is taken, so a server that ignored the filter cannot pass a trade off as a
   * funding fee.
   *
   * <p>Lost against v2: v2 always answered the previous settlement, however old. Here a settlement older than 7 days
   * is not found (empty result; to look further back, query {@code getTradeHistory} with earlier 7-day windows, up to
   * 2 years), and on a Unified Trading Account only settlements after its upgrade are listed. The rate is the row's
   * {@code feeRate}, which is not documented to equal v2's {@code funding_rate}: see {@link LastFundingFee#feeRate()}.
   *
   * @param category {@link Category#INVERSE} or {@link Category#LINEAR}
   * @param symbol the contract, e.g. {@code BTCUSD}
   * @return the settlement, or empty when Bybit lists no funding row for the symbol in the last 7 days (no position
   *     was open at a settlement then)
   * @throws IllegalArgumentException for a category that does not fund or a blank symbol, before sending
   */
  public Optional<LastFundingFee> lastFundingFee(Category category, String symbol) {
    checkArguments(category, symbol);
    List<BybitV5Execution> rows = v5.execution().getTradeHistory(GetTradeHistoryRequest.builder()
        .category(category).symbol(symbol).execType(ExecType.FUNDING).limit(1).build()).list();
    LastFundingFee newest = null;
    for (int i = 0; rows != null && i < rows.size(); i++) {
      BybitV5Execution row = rows.get(i);
      if (row.execType() != ExecType.FUNDING) {
        continue;
      }
      Instant settledAt = epochMillis("getTradeHistory", row.execTime(), "$.result.list[" + i + "].execTime");
      if (settledAt == null) {
        throw new BybitDecodingException("getTradeHistory", "a funding row without execTime",
            "$.result.list[" + i + "].execTime", null);
      }
      if (newest == null || settledAt.isAfter(newest.settledAt())) {
        newest = new LastFundingFee(row.symbol(), row.side(), row.execQty(), row.feeRate(), row.execFee(), settledAt,
            row.execPrice(), row.execValue(), row.execId());
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * The funding rate Bybit will settle next for {@code symbol} in the inverse category and the caller's predicted fee;
   * see {@link #predictedFundingFee(Category, String)}.
   */
  public Optional<PredictedFundingFee> predictedFundingFee(String symbol) {
    return predictedFundingFee(Category.INVERSE, symbol);
  }

  /**
   * The funding rate Bybit will settle next for {@code symbol} and the fee the caller's current position would pay at
   * that rate, replacing v2 {@code GET /v2/private/funding/predicted-funding}.
   *
   * <p>Derived from two calls: the public {@code GET /v5/market/tickers} ({@code category}, {@code symbol}) gives
   * {@code fundingRate}, {@code nextFundingTime} and {@code fundingIntervalHour}; then {@code GET /v5/position/list}
   * ({@code category}, {@code symbol}) gives the position. The fee is computed here, not by Bybit:
   * {@code fee = Σ positionValue × fundingRate}, over the symbol's position rows (one for inverse, which is one-way;
   * up to two in linear hedge mode), negated for a {@code Sell} (short) row. Positive means the position pays, negative
   * that it receives: with a positive rate longs pay shorts, as v2 documented. A row with no side ({@code ""}) or a
   * zero size contributes nothing, so without a position the fee is {@link BigDecimal#ZERO}, as v2 answered 0. The
   * product is exact, never rounded: its scale is the sum of the two operands' scales (e.g. {@code 0.01092319 ×
   * 0.0001 = 0.000001092319}). The fee is in the position's settlement coin (BTC for {@code BTCUSD}, USDT for
   * {@code BTCUSDT}).
   *
   * <p>UNCONFIRMED: Bybit documents no formula for the user's fee on v5; the one above is inferred from the v2
   * convention and from the funding rows of {@code getTradeHistory}, whose fee equals position value × rate. Those rows
   * value the position at the settlement's mark price ({@code execValue = execQty × execPrice} in Bybit's example),
   * while {@code positionValue} of the position list is valued now (for inverse, {@code size} over the entry price in
   * the docs' example), so the actual fee differs by the change in price until then. The rate itself may still move
   * before {@code nextFundingTime}.
   *
   * <p>Lost against v2: one server-computed, user-specific figure from one private call; here two calls (one
   * public), a client-side formula, and no guarantee that the position does not change between them.
   *
   * @param category {@link Category#INVERSE} or {@link Category#LINEAR}
   * @param symbol the perpetual contract, e.g. {@code BTCUSD}
   * @return the prediction, or empty when Bybit lists no ticker for the symbol or its ticker carries no funding rate
   *     (dated futures do not fund); the position is not queried then
   * @throws IllegalArgumentException for a category that does not fund or a blank symbol, before sending
   */
  public Optional<PredictedFundingFee> predictedFundingFee(Category category, String symbol) {
    checkArguments(category, symbol);
    List<BybitV5Ticker> tickers = v5.market().getTickers(GetTickersRequest.builder()
        .category(category).symbol(symbol).build()).list();
    int index = tickers == null ? -1 : indexOfSymbol(tickers, symbol);
    if (index < 0 || tickers.get(index).fundingRate() == null) {
      return Optional.empty();
    }
    BybitV5Ticker ticker = tickers.get(index);
    String at = "$.result.list[" + index + "]";
    Instant nextFundingTime = epochMillis("v5GetTickers", ticker.nextFundingTime(), at + ".nextFundingTime");
    Duration interval = hours("v5GetTickers", ticker.fundingIntervalHour(), at + ".fundingIntervalHour");

    List<BybitV5PositionInfo> rows = v5.position().getPositionInfo(GetPositionInfoRequest.builder()
        .category(category).symbol(symbol).build()).list();
    List<BybitV5PositionInfo> positions = new ArrayList<>();
    BigDecimal fee = BigDecimal.ZERO;
    for (int i = 0; rows != null && i < rows.size(); i++) {
      BybitV5PositionInfo row = rows.get(i);
      if (!symbol.equals(row.symbol()) || !isOpen(row)) {
        continue;
      }
      if (row.positionValue() == null) {
        throw new BybitDecodingException("getPositionInfo", "an open position without positionValue",
            "$.result.list[" + i + "].positionValue", null);
      }
      positions.add(row);
      BigDecimal rowFee = row.positionValue().multiply(ticker.fundingRate());
      fee = fee.add("Sell".equals(row.side()) ? rowFee.negate() : rowFee);
    }
    return Optional.of(new PredictedFundingFee(symbol, ticker.fundingRate(), nextFundingTime, interval, fee,
        positions));
  }

  /**
   * The newest funding settlement, from a {@code getTradeHistory} row with {@code execType=Funding}.
   *
   * @param symbol the contract
   * @param side the position's side at settlement, {@code Buy} (long) or {@code Sell} (short), as Bybit sent it
   * @param size the position size at settlement ({@code execQty}; contracts, i.e. USD, for inverse)
   * @param feeRate the row's {@code feeRate} as Bybit sent it. UNCONFIRMED whether it is the market funding rate: in
   *     Bybit's example a short pays with a positive {@code feeRate}, which matches the transaction log's documented
   *     convention (the market rate negated for {@code Sell}). v2's {@code funding_rate} was the market rate; for that,
   *     use Bybit's public {@code GET /v5/market/funding/history} at {@link #settledAt()}
   * @param fee the funding fee ({@code execFee}): positive paid, negative received, as v2's {@code exec_fee}; in the
   *     settlement coin
   * @param settledAt the settlement time ({@code execTime}, ms; v2 gave seconds)
   * @param markPrice the mark price at settlement ({@code execPrice}); v2 had none
   * @param positionValue the position value the fee was charged on ({@code execValue}); v2 had none
   * @param execId Bybit's id of the row
   */
  public record LastFundingFee(String symbol, String side, BigDecimal size, BigDecimal feeRate, BigDecimal fee,
      Instant settledAt, BigDecimal markPrice, BigDecimal positionValue, String execId) {}

  /**
   * The next funding rate of a symbol and the caller's fee at that rate, computed as
   * {@link V5Funding#predictedFundingFee(Category, String)} describes.
   *
   * @param symbol the contract
   * @param fundingRate the ticker's {@code fundingRate}, exactly as Bybit sent it (v2: {@code predicted_funding_rate})
   * @param nextFundingTime when Bybit settles at that rate ({@code nextFundingTime}), or null when Bybit sent none;
   *     v2 had none
   * @param fundingInterval the symbol's funding interval ({@code fundingIntervalHour}; no longer always 8 hours), or
   *     null when Bybit sent none; v2 had none
   * @param fee the predicted fee in the settlement coin, positive paid, negative received, {@link BigDecimal#ZERO}
   *     without a position (v2: {@code predicted_funding_fee}); exact, scale = scale of the position value + scale of
   *     the rate
   * @param positions the position rows the fee was computed from (open ones only; empty without a position)
   */
  public record PredictedFundingFee(String symbol, BigDecimal fundingRate, Instant nextFundingTime,
      Duration fundingInterval, BigDecimal fee, List<BybitV5PositionInfo> positions) {
    public PredictedFundingFee {
      positions = List.copyOf(positions);
    }
  }

  private static void checkArguments(Category category, String symbol) {
    if (category != Category.INVERSE && category != Category.LINEAR) {
      throw new IllegalArgumentException("funding: category must be INVERSE or LINEAR (only perpetuals fund), not "
          + category);
    }
    if (symbol == null || symbol.isBlank()) {
      throw new IllegalArgumentException("funding: symbol is required");
    }
  }

  private static int indexOfSymbol(List<BybitV5Ticker> tickers, String symbol) {
    for (int i = 0; i < tickers.size(); i++) {
      if (symbol.equals(tickers.get(i).symbol())) {
        return i;
      }
    }
    return -1;
  }

  /** A position row with a side and a non-zero size; Bybit lists an empty position with side "" and size 0. */
  private static boolean isOpen(BybitV5PositionInfo row) {
    return ("Buy".equals(row.side()) || "Sell".equals(row.side())) && row.size() != null && row.size().signum() != 0;
  }

  /** Epoch milliseconds sent as a string; null for absent, "" or "0" (Bybit's "none"). */
  private static Instant epochMillis(String operationId, String text, String jsonPath) {
    if (text == null || text.isEmpty() || text.equals("0")) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new BybitDecodingException(operationId, "not epoch milliseconds", jsonPath, e);
    }
  }

  /** Whole hours sent as a string; null for absent or "". */
  private static Duration hours(String operationId, String text, String jsonPath) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofHours(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new BybitDecodingException(operationId, "not a whole number of hours", jsonPath, e);
    }
  }
}
