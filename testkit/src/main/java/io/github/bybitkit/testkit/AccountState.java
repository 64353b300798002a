package io.github.bybitkit.testkit;

import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The small account a {@link FakeBybit} keeps, so that writes show up in reads: per symbol the leverage, cross or
 * isolated margin, TP/SL mode, risk id and position margin (seen in getPositions, changed by setLeverage,
 * setIsolatedMode, setFullPartialPositionMode, setRiskLimit and changeMargin), and per coin the wallet balance
 * (seen in getBalances; changeMargin moves margin between it and the position). It starts from the recorded
 * getPositions and getBalances answers. Tests read it to assert, and set it up before calling. Thread-safe.
 *
 * <p>v5 shares it: getPositionInfo and getWalletBalance show the same positions and coins; v5 setLeverage and
 * addOrReduceMargin change them as their v2 counterparts do. The v5 margin mode is account-wide
 * ({@link #marginMode()}, seen in getAccountInfo): setMarginMode switches every position to isolated or cross, while
 * v2's setIsolatedMode still switches one symbol. The v5 history operations (closed P&amp;L, trade history, transaction
 * log, withdrawals) serve records on a timeline ending when the fake started, see {@link #setHistory}.
 *
 * <p>All amounts are exact {@link BigDecimal}s; they go out in the JSON type the recorded answer used for the
 * field (a numeric string for a position's margin, a number for a balance).
 */
public final class AccountState {
  /** Positions per symbol and balances per coin, in the order the recorded answers list them. */
  private final Map<String, PositionEntry> positions = new LinkedHashMap<>();
  private final Map<String, BalanceEntry> balances = new LinkedHashMap<>();
  private Integer closedProfitAndLossCount;
  /** The account-wide v5 margin mode, a wire value of {@link MarginMode}. */
  private String marginMode = MarginMode.REGULAR_MARGIN.wireValue();
  /** The newest v5 history record's time, epoch ms; the fake sets it to its clock when it starts. */
  private long historyEndMillis;
  /** v5 history records per series (symbol, or the whole account) and the time between two of them. */
  private int historyRecords = DEFAULT_HISTORY_RECORDS;
  private long historySpacingMillis = DEFAULT_HISTORY_SPACING.toMillis();

  /** Two hours apart for 30 days: a 7-day window holds 85 records, two pages at v5's usual page size of 50. */
  static final Duration DEFAULT_HISTORY_SPACING = Duration.ofHours(2);
  static final int DEFAULT_HISTORY_RECORDS = 360;

  /** One symbol's position as the fake holds it. */
  public record Position(String symbol, BigDecimal leverage, boolean isolated, StopLossTakeProfitMode tpSlMode,
      long riskId, BigDecimal positionMargin, BigDecimal size) {}

  /** One coin's wallet as the fake holds it. */
  public record Balance(String coin, BigDecimal walletBalance, BigDecimal availableBalance,
      BigDecimal positionMargin, BigDecimal usedMargin) {}

  private static final class PositionEntry {
    final Map<String, Object> template;
    BigDecimal leverage;
    boolean isolated;
    String tpSlMode;
    long riskId;
    BigDecimal positionMargin;

    PositionEntry(Map<String, Object> template) {
      this.template = template;
      this.leverage = decimal(template, "leverage");
      this.isolated = Boolean.TRUE.equals(template.get("is_isolated"));
      this.tpSlMode = template.get("tp_sl_mode") instanceof String mode ? mode : "Full";
      this.riskId = decimal(template, "risk_id").longValueExact();
      this.positionMargin = decimal(template, "position_margin");
    }
  }

  private static final class BalanceEntry {
    final Map<String, Object> template;
    BigDecimal availableBalance;
    BigDecimal positionMargin;
    BigDecimal usedMargin;

    BalanceEntry(Map<String, Object> template) {
      this.template = template;
      this.availableBalance = decimal(template, "available_balance");
      this.positionMargin = decimal(template, "position_margin");
      this.usedMargin = decimal(template, "used_margin");
    }
  }

  AccountState() {}

  /** Adds a position from a recorded answer; the first one seen for a symbol wins. */
  synchronized void seedPosition(Map<String, Object> position) {
    Object symbol = position.get("symbol");
    if (symbol instanceof String s && !positions.containsKey(s)) {
      positions.put(s, new PositionEntry(Json.object(Json.copy(position))));
    }
  }

  /** Adds a coin's balance from a recorded answer; the first one seen for a coin wins. */
  synchronized void seedBalance(String coin, Map<String, Object> balance) {
    if (!balances.containsKey(coin)) {
      balances.put(coin, new BalanceEntry(Json.object(Json.copy(balance))));
    }
  }

  // ---------------------------------------------------------------- reading

  /** The symbols that have a position, in the order getPositions lists them. */
  public synchronized List<String> symbols() {
    return List.copyOf(positions.keySet());
  }

  /**
   * @throws IllegalArgumentException when the fake has no position for the symbol
   */
  public synchronized Position position(String symbol) {
    PositionEntry p = entry(symbol);
    return new Position(symbol, p.leverage, p.isolated, StopLossTakeProfitMode.fromWire(p.tpSlMode), p.riskId,
        p.positionMargin, decimal(p.template, "size"));
  }

  public synchronized List<Position> positions() {
    return positions.keySet().stream().map(this::position).toList();
  }

  /**
   * @throws IllegalArgumentException when the fake has no balance for the coin
   */
  public synchronized Balance balance(String coin) {
    BalanceEntry b = balanceEntry(coin);
    return new Balance(coin, decimal(b.template, "wallet_balance"), b.availableBalance, b.positionMargin,
        b.usedMargin);
  }

  /** The coins that have a balance, in the order getBalances lists them. */
  public synchronized List<String> coins() {
    return List.copyOf(balances.keySet());
  }

  // ---------------------------------------------------------------- setting up

  public synchronized AccountState setLeverage(String symbol, BigDecimal leverage) {
    entry(symbol).leverage = positive(leverage, "leverage");
    return this;
  }

  public synchronized AccountState setIsolated(String symbol, boolean isolated) {
    entry(symbol).isolated = isolated;
    return this;
  }

  public synchronized AccountState setTpSlMode(String symbol, StopLossTakeProfitMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (mode.wireValue() == null) {
      throw new IllegalArgumentException("mode must be a known value, not " + mode);
    }
    entry(symbol).tpSlMode = mode.wireValue();
    return this;
  }

  public synchronized AccountState setRiskId(String symbol, long riskId) {
    entry(symbol).riskId = riskId;
    return this;
  }

  public synchronized AccountState setPositionMargin(String symbol, BigDecimal positionMargin) {
    Objects.requireNonNull(positionMargin, "positionMargin");
    entry(symbol).positionMargin = positionMargin;
    return this;
  }

  public synchronized AccountState setAvailableBalance(String coin, BigDecimal availableBalance) {
    balanceEntry(coin).availableBalance = Objects.requireNonNull(availableBalance, "availableBalance");
    return this;
  }

  /**
   * How many closed P&amp;L records getProfitAndLossHistory has per symbol. By default it has two and a half pages at the
   * requested page size (20, 20 and 10 records at the default 20), so paging walks three pages.
   *
   * @param count the number of records, 0 for none
   */
  public synchronized AccountState setClosedProfitAndLossCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    this.closedProfitAndLossCount = count;
    return this;
  }

  synchronized int closedProfitAndLossCount(int pageSize) {
    return closedProfitAndLossCount != null ? closedProfitAndLossCount : 2 * pageSize + (pageSize + 1) / 2;
  }

  /** The account-wide v5 margin mode, as getAccountInfo reports it (REGULAR_MARGIN, cross, at first). */
  public synchronized MarginMode marginMode() {
    return MarginMode.fromWire(marginMode);
  }

  /**
   * Sets the account-wide margin mode as setMarginMode would: every position becomes isolated for
   * {@code ISOLATED_MARGIN}, cross otherwise.
   */
  public synchronized AccountState setMarginMode(MarginMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (mode.wireValue() == null) {
      throw new IllegalArgumentException("mode must be a known value, not " + mode);
    }
    marginModeSet(mode.wireValue());
    return this;
  }

  /**
   * The v5 history timeline: each series (every symbol of closed P&amp;L and trade history, the account's transaction
   * log and withdrawals) has {@code records} records, {@code spacing} apart, the newest at {@link #historyEnd()}.
   * By default 360 records 2 hours apart: 30 days, 85 records in a 7-day window (both ends included).
   */
  public synchronized AccountState setHistory(int records, Duration spacing) {
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative, was " + records);
    }
    Objects.requireNonNull(spacing, "spacing");
    if (spacing.toMillis() <= 0) {
      throw new IllegalArgumentException("spacing must be at least 1 ms, was " + spacing);
    }
    historyRecords = records;
    historySpacingMillis = spacing.toMillis();
    return this;
  }

  /** When the newest v5 history record happened (the fake's start unless set). */
  public synchronized Instant historyEnd() {
    return Instant.ofEpochMilli(historyEndMillis);
  }

  public synchronized AccountState setHistoryEnd(Instant end) {
    historyEndMillis = Objects.requireNonNull(end, "end").toEpochMilli();
    return this;
  }

  synchronized int historyRecords() {
    return historyRecords;
  }

  synchronized long historySpacingMillis() {
    return historySpacingMillis;
  }

  // ---------------------------------------------------------------- saving and restoring

  /**
   * What the account holds that calls and set-up can change, as JSON text: per symbol the leverage, margin mode,
   * TP/SL mode, risk id and position margin, per coin the available balance and margins, the closed P&amp;L count
   * if one was set, the account-wide v5 margin mode and the v5 history timeline (so cursors stay valid).
   * {@link #restore} reads it back into a fake started from the same recorded answers, so that a tool (the CLI's
   * sandbox) can keep an account across processes.
   */
  public synchronized String snapshot() {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    Map<String, Object> savedPositions = new LinkedHashMap<>();
    positions.forEach((symbol, p) -> {
      Map<String, Object> position = new LinkedHashMap<>();
      position.put("leverage", Json.Num.of(p.leverage));
      position.put("isolated", p.isolated);
      position.put("tpSlMode", p.tpSlMode);
      position.put("riskId", Json.Num.of(p.riskId));
      position.put("positionMargin", Json.Num.of(p.positionMargin));
      savedPositions.put(symbol, position);
    });
    Map<String, Object> savedBalances = new LinkedHashMap<>();
    balances.forEach((coin, b) -> {
      Map<String, Object> balance = new LinkedHashMap<>();
      balance.put("availableBalance", Json.Num.of(b.availableBalance));
      balance.put("positionMargin", Json.Num.of(b.positionMargin));
      balance.put("usedMargin", Json.Num.of(b.usedMargin));
      savedBalances.put(coin, balance);
    });
    snapshot.put("positions", savedPositions);
    snapshot.put("balances", savedBalances);
    if (closedProfitAndLossCount != null) {
      snapshot.put("closedProfitAndLossCount", Json.Num.of(closedProfitAndLossCount));
    }
    snapshot.put("marginMode", marginMode);
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("endMillis", Json.Num.of(historyEndMillis));
    history.put("records", Json.Num.of(historyRecords));
    history.put("spacingMillis", Json.Num.of(historySpacingMillis));
    snapshot.put("history", history);
    return Json.write(snapshot);
  }

  /**
   * Sets the account to a {@link #snapshot}. Symbols and coins this fake does not have are ignored (the recorded
   * answers decide which exist); fields a snapshot leaves out keep their values. Nothing changes when the text is not
   * a snapshot.
   *
   * @throws IllegalArgumentException when the text is not a snapshot (the message does not quote it)
   */
  public synchronized AccountState restore(String snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    Map<String, Object> root;
    Map<String, Object> savedPositions;
    Map<String, Object> savedBalances;
    try {
      root = Json.object(Json.parse(snapshot));
      savedPositions = root.containsKey("positions") ? Json.object(root.get("positions")) : Map.of();
      savedBalances = root.containsKey("balances") ? Json.object(root.get("balances")) : Map.of();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an account snapshot (" + e.getClass().getSimpleName() + ")", e);
    }
    // Everything is read and checked first, so a bad snapshot changes nothing.
    List<Runnable> changes = new ArrayList<>();
    try {
      savedPositions.forEach((symbol, saved) -> {
        PositionEntry p = positions.get(symbol);
        Map<String, Object> fields = Json.object(saved);
        if (p != null) {
          BigDecimal leverage = savedDecimal(fields, "leverage", p.leverage);
          boolean isolated = fields.get("isolated") instanceof Boolean b ? b : p.isolated;
          String tpSlMode = fields.get("tpSlMode") instanceof String mode ? mode : p.tpSlMode;
          if (StopLossTakeProfitMode.fromWire(tpSlMode).wireValue() == null) {
            throw new IllegalArgumentException("tpSlMode is not a known mode");
          }
          long riskId = savedDecimal(fields, "riskId", BigDecimal.valueOf(p.riskId)).longValueExact();
          BigDecimal positionMargin = savedDecimal(fields, "positionMargin", p.positionMargin);
          changes.add(() -> {
            p.leverage = leverage;
            p.isolated = isolated;
            p.tpSlMode = tpSlMode;
            p.riskId = riskId;
            p.positionMargin = positionMargin;
          });
        }
      });
      savedBalances.forEach((coin, saved) -> {
        BalanceEntry b = balances.get(coin);
        Map<String, Object> fields = Json.object(saved);
        if (b != null) {
          BigDecimal available = savedDecimal(fields, "availableBalance", b.availableBalance);
          BigDecimal positionMargin = savedDecimal(fields, "positionMargin", b.positionMargin);
          BigDecimal usedMargin = savedDecimal(fields, "usedMargin", b.usedMargin);
          changes.add(() -> {
            b.availableBalance = available;
            b.positionMargin = positionMargin;
            b.usedMargin = usedMargin;
          });
        }
      });
      if (root.get("closedProfitAndLossCount") instanceof Json.Num count) {
        int closed = count.decimal().intValueExact();
        changes.add(() -> closedProfitAndLossCount = closed);
      }
      if (root.get("marginMode") instanceof String mode) {
        if (MarginMode.fromWire(mode).wireValue() == null) {
          throw new IllegalArgumentException("marginMode is not a known mode");
        }
        changes.add(() -> marginMode = mode);
      }
      if (root.get("history") instanceof Map<?, ?> saved) {
        Map<String, Object> history = Json.object(saved);
        long end = savedDecimal(history, "endMillis", BigDecimal.valueOf(historyEndMillis)).longValueExact();
        int records = savedDecimal(history, "records", BigDecimal.valueOf(historyRecords)).intValueExact();
        long spacing = savedDecimal(history, "spacingMillis", BigDecimal.valueOf(historySpacingMillis))
            .longValueExact();
        if (records < 0 || spacing <= 0) {
          throw new IllegalArgumentException("history records or spacing out of range");
        }
        changes.add(() -> {
          historyEndMillis = end;
          historyRecords = records;
          historySpacingMillis = spacing;
        });
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an account snapshot (" + e.getClass().getSimpleName() + ")", e);
    }
    changes.forEach(Runnable::run);
    return this;
  }

  private static BigDecimal savedDecimal(Map<String, Object> fields, String name, BigDecimal current) {
    Object value = fields.get(name);
    if (value == null) {
      return current;
    }
    if (value instanceof Json.Num n) {
      return n.decimal();
    }
    throw new IllegalArgumentException(name + " is not a number");
  }

  // ---------------------------------------------------------------- what the write operations do

  synchronized void leverageChanged(String symbol, BigDecimal leverage) throws Refusal {
    knownSymbol(symbol).leverage = leverage;
  }

  /** v5: the same leverage again is refused (110043), unlike v2. */
  synchronized void v5LeverageChanged(String symbol, BigDecimal leverage) throws Refusal {
    PositionEntry p = knownSymbol(symbol);
    if (p.leverage.compareTo(leverage) == 0) {
      throw Refusal.business(BybitCodes.V5_LEVERAGE_NOT_MODIFIED, "Set leverage not modified");
    }
    p.leverage = leverage;
  }

  /** The account-wide margin mode; it switches every position (isolated only for ISOLATED_MARGIN). */
  synchronized void marginModeSet(String mode) {
    marginMode = mode;
    boolean isolated = MarginMode.ISOLATED_MARGIN.wireValue().equals(mode);
    positions.values().forEach(p -> p.isolated = isolated);
  }

  synchronized void marginModeChanged(String symbol, boolean isolated, BigDecimal leverage) throws Refusal {
    PositionEntry p = knownSymbol(symbol);
    if (p.isolated == isolated) {
      throw Refusal.business(BybitCodes.ISOLATED_NOT_MODIFIED, "Isolated not modified");
    }
    p.isolated = isolated;
    p.leverage = leverage;
  }

  synchronized void tpSlModeChanged(String symbol, String mode) throws Refusal {
    PositionEntry p = knownSymbol(symbol);
    if (p.tpSlMode.equals(mode)) {
      throw Refusal.business(BybitCodes.TP_SL_MODE_UNCHANGED, "same tp sl mode");
    }
    p.tpSlMode = mode;
  }

  synchronized void riskIdChanged(String symbol, long riskId) throws Refusal {
    PositionEntry p = knownSymbol(symbol);
    if (p.riskId == riskId) {
      throw Refusal.business(BybitCodes.RISK_LIMIT_UNCHANGED, "the draftPzVo limit is same to the old limit");
    }
    p.riskId = riskId;
  }

  /**
   * Moves {@code margin} from the wallet into the position (negative: back out of it).
   *
   * @return the position margin afterwards
   */
  synchronized BigDecimal marginChanged(String symbol, BigDecimal margin) throws Refusal {
    return marginMoved(symbol, margin, false);
  }

  /** The same move with v5's refusals (110xxx codes); v5 addOrReduceMargin. */
  synchronized BigDecimal v5MarginChanged(String symbol, BigDecimal margin) throws Refusal {
    return marginMoved(symbol, margin, true);
  }

  private BigDecimal marginMoved(String symbol, BigDecimal margin, boolean v5) throws Refusal {
    PositionEntry p = knownSymbol(symbol);
    if (!p.isolated) {
      throw v5 ? Refusal.business(BybitCodes.V5_POSITION_IN_CROSS_MARGIN, "position is in cross margin mode")
          : Refusal.business(BybitCodes.POSITION_IN_CROSS_MARGIN, "position is in cross margin");
    }
    if (decimal(p.template, "size").signum() == 0) {
      throw v5 ? Refusal.business(BybitCodes.V5_NO_POSITION, "cannot set margin without an open position")
          : Refusal.business(BybitCodes.NO_POSITION, "cannot set margin while position is zero");
    }
    BalanceEntry wallet = balances.get(coinOf(symbol));
    if (wallet == null || margin.signum() > 0 && wallet.availableBalance.compareTo(margin) < 0) {
      throw Refusal.business(v5 ? BybitCodes.V5_INSUFFICIENT_AVAILABLE_BALANCE
          : BybitCodes.INSUFFICIENT_AVAILABLE_BALANCE, "insufficient available balance");
    }
    BigDecimal after = p.positionMargin.add(margin);
    if (after.signum() < 0) {
      throw Refusal.business(v5 ? BybitCodes.V5_WOULD_TRIGGER_LIQUIDATION : BybitCodes.WOULD_TRIGGER_LIQUIDATION,
          "any adjustments made will trigger immediate liquidation");
    }
    p.positionMargin = after;
    wallet.availableBalance = wallet.availableBalance.subtract(margin);
    wallet.positionMargin = wallet.positionMargin.add(margin);
    wallet.usedMargin = wallet.usedMargin.add(margin);
    return after;
  }

  synchronized boolean hasPosition(String symbol) {
    return positions.containsKey(symbol);
  }

  // ---------------------------------------------------------------- rendering

  /** The position as Bybit's JSON: the recorded object with the state's values in the recorded JSON types. */
  synchronized Map<String, Object> positionJson(String symbol) {
    PositionEntry p = positions.get(symbol);
    Map<String, Object> json = Json.object(Json.copy(p.template));
    put(json, "leverage", p.leverage);
    if (p.isolated) {
      // Isolated margin: the effective leverage is the set one (cross derives it from size and balance).
      put(json, "effective_leverage", p.leverage);
    }
    json.put("is_isolated", p.isolated);
    json.put("tp_sl_mode", p.tpSlMode);
    put(json, "risk_id", BigDecimal.valueOf(p.riskId));
    put(json, "position_margin", p.positionMargin);
    return json;
  }

  /** Every coin's balance as getBalances answers it, or only {@code coin}'s. */
  synchronized Map<String, Object> balancesJson(String coin) {
    Map<String, Object> result = new LinkedHashMap<>();
    balances.forEach((c, b) -> {
      if (coin == null || coin.equals(c)) {
        Map<String, Object> json = Json.object(Json.copy(b.template));
        put(json, "available_balance", b.availableBalance);
        put(json, "position_margin", b.positionMargin);
        put(json, "used_margin", b.usedMargin);
        result.put(c, json);
      }
    });
    return result;
  }

  /**
   * The position as v5's position list shows it: the recorded v5 {@code template} with the state's values (as
   * strings, v5's numeric type) and the v2 position's prices carried over.
   */
  synchronized Map<String, Object> positionV5Json(String symbol, Map<String, Object> template) {
    PositionEntry p = positions.get(symbol);
    Map<String, Object> json = Json.object(Json.copy(template));
    json.put("positionIdx", Json.Num.of(0)); // inverse is one-way under UTA 2.0
    json.put("symbol", symbol);
    BigDecimal size = decimal(p.template, "size");
    json.put("side", size.signum() == 0 ? "" : p.template.get("side"));
    json.put("size", size.toPlainString());
    json.put("leverage", p.leverage.toPlainString());
    json.put("tradeMode", Json.Num.of(p.isolated ? 1 : 0));
    json.put("riskId", Json.Num.of(p.riskId));
    json.put("tpslMode", p.tpSlMode);
    json.put("positionBalance", p.positionMargin.toPlainString());
    carry(p.template, "entry_price", json, "avgPrice");
    carry(p.template, "position_value", json, "positionValue");
    carry(p.template, "liq_price", json, "liqPrice");
    carry(p.template, "bust_price", json, "bustPrice");
    carry(p.template, "unrealised_pnl", json, "unrealisedPnl");
    carry(p.template, "cum_realised_pnl", json, "cumRealisedPnl");
    return json;
  }

  /** A coin of v5's wallet balance: the recorded v5 {@code template} with the coin's state. */
  synchronized Map<String, Object> walletCoinV5Json(String coin, Map<String, Object> template) {
    BalanceEntry b = balances.get(coin);
    Map<String, Object> json = Json.object(Json.copy(template));
    json.put("coin", coin);
    json.put("walletBalance", decimal(b.template, "wallet_balance").toPlainString());
    json.put("equity", decimal(b.template, "equity").toPlainString());
    json.put("availableToWithdraw", b.availableBalance.toPlainString());
    json.put("totalPositionIM", b.positionMargin.toPlainString());
    carry(b.template, "unrealised_pnl", json, "unrealisedPnl");
    carry(b.template, "cum_realised_pnl", json, "cumRealisedPnl");
    return json;
  }

  private static void carry(Map<String, Object> v2, String v2Field, Map<String, Object> v5, String v5Field) {
    if (v2.containsKey(v2Field)) {
      v5.put(v5Field, decimal(v2, v2Field).toPlainString());
    }
  }

  /** The coin an inverse contract is margined in: BTC for BTCUSD. */
  static String coinOf(String symbol) {
    return symbol.endsWith("USD") ? symbol.substring(0, symbol.length() - 3) : symbol;
  }

  private PositionEntry knownSymbol(String symbol) throws Refusal {
    PositionEntry p = positions.get(symbol);
    if (p == null) {
      throw Refusal.badParameter("symbol " + symbol + " is not a known symbol");
    }
    return p;
  }

  private PositionEntry entry(String symbol) {
    PositionEntry p = positions.get(Objects.requireNonNull(symbol, "symbol"));
    if (p == null) {
      throw new IllegalArgumentException("no position for " + symbol + "; the fake has " + positions.keySet());
    }
    return p;
  }

  private BalanceEntry balanceEntry(String coin) {
    BalanceEntry b = balances.get(Objects.requireNonNull(coin, "coin"));
    if (b == null) {
      throw new IllegalArgumentException("no balance for " + coin + "; the fake has " + balances.keySet());
    }
    return b;
  }

  /** Sets a decimal field in the JSON type it has in the recorded answer: a numeric string stays a string. */
  private static void put(Map<String, Object> json, String field, BigDecimal value) {
    json.put(field, json.get(field) instanceof String ? value.toPlainString() : Json.Num.of(value));
  }

  private static BigDecimal decimal(Map<String, Object> json, String field) {
    Object value = json.get(field);
    if (value instanceof Json.Num n) {
      return n.decimal();
    }
    if (value instanceof String s && !s.isEmpty()) {
      return new BigDecimal(s);
    }
    return BigDecimal.ZERO;
  }

  private static BigDecimal positive(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
    }
    return value;
  }

  @Override
  public synchronized String toString() {
    List<String> parts = new ArrayList<>();
    positions.keySet().forEach(s -> parts.add(position(s).toString()));
    balances.keySet().forEach(c -> parts.add(balance(c).toString()));
    parts.add("marginMode=" + marginMode);
    return "AccountState" + parts;
  }
}
