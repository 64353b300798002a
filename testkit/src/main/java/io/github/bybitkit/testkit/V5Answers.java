package io.github.bybitkit.testkit;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The v5 answers that depend on the account or the request: positions, wallet, leverage, margin mode and margin
 * from {@link AccountState}; the history operations from its timeline, checked against Bybit's time-window caps
 * (10001 beyond them) and paged by cursor ({@code cursor} in, {@code nextPageCursor} out, "" on the last page).
 */
final class V5Answers {
  /** Operations whose time window Bybit caps, with the cap and the window used when one end (or both) is missing. */
  private static final Map<String, WindowRule> WINDOWS = Map.of(
      "getClosedPnl", new WindowRule(Duration.ofDays(7), false, Duration.ofDays(7)),
      "getTradeHistory", new WindowRule(Duration.ofDays(7), false, Duration.ofDays(7)),
      "getTransactionLog", new WindowRule(Duration.ofDays(7), false, Duration.ofHours(24)),
      "getContractTransactionLog", new WindowRule(Duration.ofDays(7), false, Duration.ofDays(7)),
      "getWithdrawalRecords", new WindowRule(Duration.ofDays(30), true, Duration.ofDays(30)));
  private static final Set<String> DERIVATIVES = Set.of("linear", "inverse");
  /** Our cursors, "offset:<n>", percent-encoded as Bybit's are. */
  private static final Pattern CURSOR = Pattern.compile("offset:([0-9]{1,9})");
  /** Generated series of different symbols do not share a timestamp. */
  private static final long SERIES_OFFSET_MILLIS = 60_000;
  /** Every fourth trade history record is a funding settlement (8 hours apart at the default spacing). */
  private static final int FUNDING_EVERY = 4;

  private final RecordedAnswers answers;
  private final AccountState account;

  V5Answers(RecordedAnswers answers, AccountState account) {
    this.answers = answers;
    this.account = account;
  }

  /**
   * One operation's time-window rule.
   *
   * @param cap how long a window may be ({@code exclusive}: strictly shorter)
   * @param defaultSpan the window's length when an end is missing: from the given end, or up to now without either
   */
  record WindowRule(Duration cap, boolean exclusive, Duration defaultSpan) {}

  /** A time window, inclusive at both ends, epoch ms. */
  record Window(long start, long end) {
    boolean contains(long millis) {
      return millis >= start && millis <= end;
    }
  }

  /** Whether this class answers the operation. */
  static boolean answers(String operationId) {
    return switch (operationId) {
      case "getPositionInfo", "v5SetLeverage", "addOrReduceMargin", "setMarginMode", "getAccountInfo",
          "getWalletBalance", "getClosedPnl", "getTradeHistory", "getTransactionLog", "getContractTransactionLog",
          "getWithdrawalRecords", "getCoinExchangeRecords", "v5GetApiKeyInfo" -> true;
      default -> false;
    };
  }

  Map<String, Object> answer(String operationId, Operations.Params params, IncomingRequest request, Instant now)
      throws Refusal {
    WindowRule rule = WINDOWS.get(operationId);
    Window window = rule == null ? null : window(rule, params, now.toEpochMilli());
    return switch (operationId) {
      case "getPositionInfo" -> positionInfo(params);
      case "v5SetLeverage" -> setLeverage(params);
      case "addOrReduceMargin" -> addOrReduceMargin(params);
      case "setMarginMode" -> {
        account.marginModeSet(params.text("setMarginMode"));
        yield recorded(operationId);
      }
      case "getAccountInfo" -> accountInfo();
      case "getWalletBalance" -> walletBalance(params);
      case "getClosedPnl" -> closedPnl(params, window);
      case "getTradeHistory" -> tradeHistory(params, window);
      case "getTransactionLog", "getContractTransactionLog" -> transactionLog(operationId, params, window);
      case "getWithdrawalRecords" -> withdrawals(params, window);
      case "getCoinExchangeRecords" -> pagedRecorded(operationId, "orderBody", params, 10);
      case "v5GetApiKeyInfo" -> {
        Map<String, Object> envelope = recorded(operationId);
        // The key the request was signed with, as Bybit answers.
        Json.object(envelope.get("result")).put("apiKey", request.headers.get("X-BAPI-API-KEY"));
        yield envelope;
      }
      default -> throw new IllegalArgumentException(operationId + " is not a v5 answer of this class");
    };
  }

  // ---------------------------------------------------------------- time windows and cursors

  /**
   * Bybit's window rules: both ends given, at most the cap apart (10001 otherwise); one end given, the default span
   * from it; none, the default span up to now.
   */
  static Window window(WindowRule rule, Operations.Params params, long nowMillis) throws Refusal {
    Long start = params.longOrNull("startTime");
    Long end = params.longOrNull("endTime");
    // An exclusive cap (withdrawals: shorter than 30 days) makes the default window 1 ms shorter too.
    long span = rule.defaultSpan().toMillis() - (rule.exclusive() ? 1 : 0);
    if (start != null && end != null) {
      if (start > end) {
        throw Refusal.badParameter("startTime must not be after endTime");
      }
      long cap = rule.cap().toMillis();
      if (rule.exclusive() ? end - start >= cap : end - start > cap) {
        throw Refusal.badParameter("the time between startTime and endTime must be "
            + (rule.exclusive() ? "less than " : "at most ") + rule.cap().toDays() + " days");
      }
      return new Window(start, end);
    }
    if (start != null) {
      return new Window(start, start + span);
    }
    if (end != null) {
      return new Window(end - span, end);
    }
    return new Window(nowMillis - span, nowMillis);
  }

  /** Puts one page of {@code all} into {@code result} under {@code listField}, with the next page's cursor. */
  private static void page(List<?> all, Operations.Params params, int defaultLimit, Map<String, Object> result,
      String listField) throws Refusal {
    int offset = offset(params.text("cursor"));
    int limit = params.integer("limit", defaultLimit);
    int from = Math.min(offset, all.size());
    int to = (int) Math.min(all.size(), (long) from + limit);
    result.put(listField, new ArrayList<Object>(all.subList(from, to)));
    result.put("nextPageCursor", to < all.size() ? cursor(to) : "");
  }

  static String cursor(int offset) {
    return URLEncoder.encode("offset:" + offset, StandardCharsets.UTF_8);
  }

  /** The offset a cursor stands for; accepted as sent back raw ({@code offset%3A50}) or percent-encoded again. */
  static int offset(String cursor) throws Refusal {
    if (cursor == null) {
      return 0;
    }
    String text = cursor;
    for (int i = 0; i < 3 && text.contains("%"); i++) {
      try {
        text = URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        break;
      }
    }
    Matcher matcher = CURSOR.matcher(text);
    if (!matcher.matches()) {
      throw Refusal.badParameter("cursor " + cursor + " is invalid");
    }
    return Integer.parseInt(matcher.group(1));
  }

  /**
   * The records of one series in a window, newest first: record {@code i} happened at
   * {@code historyEnd - offset - i * spacing} and is a copy of {@code templates[i % size]} with {@code customise}
   * applied.
   */
  private List<Map<String, Object>> series(List<Map<String, Object>> templates, long offsetMillis, Window window,
      SeriesRecord customise) {
    List<Map<String, Object>> records = new ArrayList<>();
    if (templates.isEmpty()) {
      return records;
    }
    long end = account.historyEnd().toEpochMilli() - offsetMillis;
    long spacing = account.historySpacingMillis();
    int count = account.historyRecords();
    for (int i = 0; i < count; i++) {
      long time = end - i * spacing;
      if (time < window.start()) {
        break;
      }
      if (time <= window.end()) {
        Map<String, Object> record = Json.object(Json.copy(templates.get(i % templates.size())));
        customise.apply(record, i, time);
        records.add(record);
      }
    }
    return records;
  }

  @FunctionalInterface
  private interface SeriesRecord {
    void apply(Map<String, Object> record, int index, long time);
  }

  private static List<Map<String, Object>> newestFirst(List<Map<String, Object>> records, String timeField) {
    List<Map<String, Object>> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing((Map<String, Object> r) -> Long.parseLong((String) r.get(timeField)))
        .reversed());
    return sorted;
  }

  // ---------------------------------------------------------------- account and positions

  private Map<String, Object> positionInfo(Operations.Params params) throws Refusal {
    Map<String, Object> envelope = recorded("getPositionInfo");
    Map<String, Object> result = Json.object(envelope.get("result"));
    String category = params.text("category");
    List<Object> positions = new ArrayList<>();
    if (category.equals("inverse")) {
      Map<String, Object> template = Json.object(Json.array(result.get("list")).get(0));
      String symbol = params.text("symbol");
      String settleCoin = params.text("settleCoin");
      for (String s : account.symbols()) {
        if ((symbol == null || symbol.equals(s)) && (settleCoin == null || settleCoin.equals(AccountState.coinOf(s)))) {
          positions.add(account.positionV5Json(s, template));
        }
      }
    }
    result.put("category", category);
    page(positions, params, 20, result, "list");
    return envelope;
  }

  private Map<String, Object> setLeverage(Operations.Params params) throws Refusal {
    String category = derivative(params);
    BigDecimal buy = params.decimal("buyLeverage");
    BigDecimal sell = params.decimal("sellLeverage");
    if (category.equals("inverse") && buy.compareTo(sell) != 0) {
      throw Refusal.badParameter("buyLeverage and sellLeverage must be equal: inverse positions are one-way");
    }
    if (buy.compareTo(BigDecimal.ONE) < 0) {
      throw Refusal.badParameter("buyLeverage must be at least 1, was " + buy.toPlainString());
    }
    account.v5LeverageChanged(params.text("symbol"), buy);
    return recorded("v5SetLeverage");
  }

  private Map<String, Object> addOrReduceMargin(Operations.Params params) throws Refusal {
    derivative(params);
    BigDecimal margin = params.decimal("margin");
    if (margin.stripTrailingZeros().scale() > 4) {
      throw Refusal.badParameter("margin has at most 4 decimals, was " + margin.toPlainString());
    }
    String positionIdx = params.text("positionIdx");
    if (positionIdx != null && !positionIdx.equals("0")) {
      throw Refusal.badParameter("positionIdx must be 0: inverse positions are one-way");
    }
    String symbol = params.text("symbol");
    account.v5MarginChanged(symbol, margin);
    Map<String, Object> envelope = recorded("addOrReduceMargin");
    Map<String, Object> template = Json.object(envelope.get("result"));
    Map<String, Object> position = account.positionV5Json(symbol, template);
    // The snapshot has the recorded answer's fields only (no tradeMode, positionBalance, ...), positionIM showing
    // the margin.
    Map<String, Object> result = new LinkedHashMap<>();
    template.keySet().forEach(field -> result.put(field, position.get(field)));
    result.put("category", params.text("category"));
    result.put("positionIM", position.get("positionBalance"));
    envelope.put("result", result);
    return envelope;
  }

  private static String derivative(Operations.Params params) throws Refusal {
    String category = params.text("category");
    if (!DERIVATIVES.contains(category)) {
      throw Refusal.badParameter("category must be linear or inverse, was " + category);
    }
    return category;
  }

  private Map<String, Object> accountInfo() {
    Map<String, Object> envelope = recorded("getAccountInfo");
    Json.object(envelope.get("result")).put("marginMode", account.marginMode().wireValue());
    return envelope;
  }

  private Map<String, Object> walletBalance(Operations.Params params) throws Refusal {
    String accountType = params.text("accountType");
    if (!accountType.equals("UNIFIED")) {
      throw Refusal.badParameter("accountType only supports UNIFIED, was " + accountType);
    }
    Map<String, Object> envelope = recorded("getWalletBalance");
    Map<String, Object> wallet = Json.object(Json.array(Json.object(envelope.get("result")).get("list")).get(0));
    Map<String, Object> template = Json.object(Json.array(wallet.get("coin")).get(0));
    String coinFilter = params.text("coin");
    List<String> wanted = coinFilter == null ? null : List.of(coinFilter.split(","));
    List<Object> coins = new ArrayList<>();
    for (String coin : account.coins()) {
      if (wanted == null || wanted.contains(coin)) {
        coins.add(account.walletCoinV5Json(coin, template));
      }
    }
    wallet.put("coin", coins);
    return envelope;
  }

  // ---------------------------------------------------------------- history

  /** The symbols a category's generated history is about: the account's for inverse, the recorded ones else. */
  private List<String> symbols(String category, List<Map<String, Object>> templates, String symbol) {
    List<String> symbols = new ArrayList<>();
    if (category.equals("inverse")) {
      symbols.addAll(account.symbols());
    } else if (category.equals("linear")) {
      templates.forEach(t -> {
        if (t.get("symbol") instanceof String s && !symbols.contains(s)) {
          symbols.add(s);
        }
      });
    }
    return symbols.stream().filter(s -> symbol == null || symbol.equals(s)).toList();
  }

  private Map<String, Object> closedPnl(Operations.Params params, Window window) throws Refusal {
    String category = derivative(params);
    Map<String, Object> envelope = recorded("getClosedPnl");
    Map<String, Object> result = Json.object(envelope.get("result"));
    List<Map<String, Object>> templates = Json.array(result.get("list")).stream().map(Json::object).toList();
    List<Map<String, Object>> records = new ArrayList<>();
    List<String> symbols = symbols(category, templates, params.text("symbol"));
    for (int n = 0; n < symbols.size(); n++) {
      String symbol = symbols.get(n);
      records.addAll(series(templates, n * SERIES_OFFSET_MILLIS, window, (record, i, time) -> {
        record.put("symbol", symbol);
        record.put("orderId", String.format("fake-pnl-%s-%06d", symbol, i));
        record.put("createdTime", Long.toString(time));
        record.put("updatedTime", Long.toString(time));
      }));
    }
    result.put("category", category);
    page(newestFirst(records, "createdTime"), params, 50, result, "list");
    return envelope;
  }

  private Map<String, Object> tradeHistory(Operations.Params params, Window window) throws Refusal {
    String category = params.text("category");
    Map<String, Object> envelope = recorded("getTradeHistory");
    Map<String, Object> result = Json.object(envelope.get("result"));
    List<Map<String, Object>> trades = Json.array(result.get("list")).stream().map(Json::object).toList();
    Map<String, Object> funding = null;
    for (RecordedAnswers.Recorded recorded : answers.successes("getTradeHistory")) {
      for (Object row : Json.array(Json.object(Json.object(recorded.tree()).get("result")).get("list"))) {
        if ("Funding".equals(Json.object(row).get("execType")) && funding == null) {
          funding = Json.object(row);
        }
      }
    }
    Map<String, Object> fundingTemplate = funding != null ? funding : trades.isEmpty() ? null : trades.get(0);
    List<Map<String, Object>> records = new ArrayList<>();
    List<String> symbols = symbols(category, trades, params.text("symbol"));
    for (int n = 0; n < symbols.size(); n++) {
      String symbol = symbols.get(n);
      records.addAll(series(trades, n * SERIES_OFFSET_MILLIS, window, (record, i, time) -> {
        if (i % FUNDING_EVERY == 0) {
          record.clear();
          record.putAll(Json.object(Json.copy(fundingTemplate)));
          record.put("execType", "Funding");
        } else if ("Funding".equals(record.get("execType"))) {
          record.put("execType", "Trade");
        }
        record.put("symbol", symbol);
        record.put("orderId", String.format("fake-order-%s-%06d", symbol, i));
        record.put("execId", String.format("fake-exec-%s-%06d", symbol, i));
        record.put("execTime", Long.toString(time));
      }));
    }
    String execType = params.text("execType");
    String orderId = params.text("orderId");
    Predicate<Map<String, Object>> wanted = r -> (execType == null || execType.equals(r.get("execType")))
        && (orderId == null || orderId.equals(r.get("orderId")));
    result.put("category", category);
    page(newestFirst(records.stream().filter(wanted).toList(), "execTime"), params, 50, result, "list");
    return envelope;
  }

  /** Transaction log rows on the account's timeline; for category inverse about the account's symbols. */
  private Map<String, Object> transactionLog(String operationId, Operations.Params params, Window window)
      throws Refusal {
    Map<String, Object> envelope = recorded(operationId);
    Map<String, Object> result = Json.object(envelope.get("result"));
    List<Map<String, Object>> templates = Json.array(result.get("list")).stream().map(Json::object).toList();
    String category = params.text("category");
    List<String> inverseSymbols = account.symbols();
    List<Map<String, Object>> records = series(templates, 0, window, (record, i, time) -> {
      record.put("id", String.format("fake-log-%06d", i));
      record.put("transactionTime", Long.toString(time));
      if ("inverse".equals(category) && !inverseSymbols.isEmpty()) {
        String symbol = inverseSymbols.get(i % inverseSymbols.size());
        record.put("category", "inverse");
        record.put("symbol", symbol);
        record.put("currency", AccountState.coinOf(symbol));
      }
    });
    String currency = params.text("currency");
    String type = params.text("type");
    Predicate<Map<String, Object>> wanted = r -> (category == null || category.equals(r.get("category")))
        && (currency == null || currency.equals(r.get("currency")))
        && (type == null || type.equals(r.get("type")));
    page(records.stream().filter(wanted).toList(), params, 20, result, "list");
    return envelope;
  }

  private Map<String, Object> withdrawals(Operations.Params params, Window window) throws Refusal {
    Map<String, Object> envelope = recorded("getWithdrawalRecords");
    Map<String, Object> result = Json.object(envelope.get("result"));
    List<Map<String, Object>> templates = Json.array(result.get("rows")).stream().map(Json::object).toList();
    List<Map<String, Object>> records = series(templates, 0, window, (record, i, time) -> {
      record.put("withdrawId", Long.toString(900_000_000L - i));
      record.put("createTime", Long.toString(time));
      record.put("updateTime", Long.toString(time));
    });
    String coin = params.text("coin");
    String withdrawId = params.text("withdrawID");
    String txId = params.text("txID");
    int withdrawType = params.integer("withdrawType", 0); // 0 on-chain (the default), 1 off-chain, 2 all
    Predicate<Map<String, Object>> wanted = r -> (coin == null || coin.equals(r.get("coin")))
        && (withdrawId == null || withdrawId.equals(r.get("withdrawId")))
        && (txId == null || txId.equals(r.get("txID")))
        && (withdrawType == 2 || r.get("withdrawType") instanceof Json.Num n && n.decimal().intValue() == withdrawType);
    page(records.stream().filter(wanted).toList(), params, 50, result, "rows");
    return envelope;
  }

  /** The recorded list, paged by our cursors (the recorded cursor would lead nowhere). */
  private Map<String, Object> pagedRecorded(String operationId, String listField, Operations.Params params,
      int defaultLimit) throws Refusal {
    Map<String, Object> envelope = recorded(operationId);
    Map<String, Object> result = Json.object(envelope.get("result"));
    if (result.get(listField) instanceof List<?> list) {
      page(Json.array(list), params, defaultLimit, result, listField);
    }
    return envelope;
  }

  private Map<String, Object> recorded(String operationId) {
    return Json.object(answers.defaultAnswer(operationId).tree());
  }
}
