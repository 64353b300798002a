package io.github.bybitkit.testkit;

import io.github.bybitkit.metadata.OperationInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The success answers of checked requests: the recorded answer of the operation, with the account state, the
 * request's filters and paging, and the fake's clock applied. The envelope is always a recorded one (time and
 * rate-limit fields are set by the caller), so answers keep the shapes and JSON types Bybit sent.
 */
final class Operations {
  /** Bybit's page size when a paged request gives none. */
  private static final int DEFAULT_PAGE_SIZE = 20;
  /** Seconds between two generated closed P&amp;L records. */
  private static final long PNL_RECORD_SPACING_SECONDS = 3600;

  private final RecordedAnswers answers;
  private final AccountState account;
  private final String apiKey;
  private final V5Answers v5;

  Operations(RecordedAnswers answers, AccountState account, String apiKey) {
    this.answers = answers;
    this.account = account;
    this.apiKey = apiKey;
    this.v5 = new V5Answers(answers, account);
  }

  /** Seeds the account from the recorded getPositions and getBalances answers. */
  static AccountState seedAccount(RecordedAnswers answers) {
    AccountState account = new AccountState();
    // One-position answers (symbol given) first: they are what Bybit answers for that symbol, in full detail.
    List<Object> lists = new ArrayList<>();
    for (RecordedAnswers.Recorded recorded : answers.successes("getPositions")) {
      Object result = Json.object(recorded.tree()).get("result");
      if (result instanceof Map<?, ?> one) {
        account.seedPosition(Json.object(one));
      } else if (result instanceof List<?> many) {
        lists.addAll(many);
      }
    }
    for (Object entry : lists) {
      Map<String, Object> e = Json.object(entry);
      if (!Boolean.FALSE.equals(e.get("is_valid")) && e.get("data") instanceof Map<?, ?> data) {
        account.seedPosition(Json.object(data));
      }
    }
    for (RecordedAnswers.Recorded recorded : answers.successes("getBalances")) {
      Json.object(Json.object(recorded.tree()).get("result"))
          .forEach((coin, balance) -> account.seedBalance(coin, Json.object(balance)));
    }
    return account;
  }

  /** The success envelope of a request whose authentication and parameters were checked. */
  Map<String, Object> answer(OperationInfo op, IncomingRequest request, Instant now) throws Refusal {
    Params params = new Params(request);
    if (V5Answers.answers(op.operationId())) {
      return v5.answer(op.operationId(), params, request, now);
    }
    return switch (op.operationId()) {
      case "getPositions" -> positions(params);
      case "getBalances" -> withResult(op, account.balancesJson(params.text("coin")));
      case "changeMargin" -> withResult(op,
          Json.Num.of(account.marginChanged(params.text("symbol"), params.decimal("margin"))));
      case "setLeverage" -> setLeverage(op, params);
      case "setIsolatedMode" -> setIsolatedMode(op, params);
      case "setFullPartialPositionMode" -> setTpSlMode(op, params);
      case "setRiskLimit" -> setRiskLimit(op, params);
      case "getProfitAndLossHistory" -> closedProfitAndLoss(op, params);
      case "getWalletFundHistory" -> pageOfRecorded(op, params, false);
      case "getWithdrawalHistory" -> pageOfRecorded(op, params, true);
      case "getAssetExchangeHistory" -> assetExchanges(op, params);
      case "getApiKeyInfo" -> apiKeyInfo(op);
      case "getLastUserFundingFee" -> lastFundingFee(op, params);
      case "getRiskLimit" -> riskLimits(op, params);
      case "getPortfolioMargin" -> portfolioMargin(op, params);
      case "getV5ServerTime" -> v5ServerTime(op, now);
      default -> recorded(op);
    };
  }

  // ---------------------------------------------------------------- account

  private Map<String, Object> positions(Params params) throws Refusal {
    String symbol = params.text("symbol");
    if (symbol != null) {
      if (!account.hasPosition(symbol)) {
        throw Refusal.badParameter("symbol " + symbol + " is not a known symbol");
      }
      Map<String, Object> envelope = positionsEnvelope(true);
      envelope.put("result", account.positionJson(symbol));
      return envelope;
    }
    List<Object> entries = new ArrayList<>();
    for (String s : account.symbols()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("is_valid", true);
      entry.put("data", account.positionJson(s));
      entries.add(entry);
    }
    Map<String, Object> envelope = positionsEnvelope(false);
    envelope.put("result", entries);
    return envelope;
  }

  /** The envelope of the recorded answer of the same form (one position or a list), else of any. */
  private Map<String, Object> positionsEnvelope(boolean single) {
    List<RecordedAnswers.Recorded> successes = answers.successes("getPositions");
    for (RecordedAnswers.Recorded recorded : successes) {
      Map<String, Object> envelope = Json.object(recorded.tree());
      if (envelope.get("result") instanceof Map<?, ?> == single) {
        return envelope;
      }
    }
    return Json.object(answers.defaultAnswer("getPositions").tree());
  }

  private Map<String, Object> setLeverage(OperationInfo op, Params params) throws Refusal {
    BigDecimal leverage = params.decimal("leverage");
    account.leverageChanged(params.text("symbol"), leverage);
    return withResult(op, Json.Num.of(leverage));
  }

  private Map<String, Object> setIsolatedMode(OperationInfo op, Params params) throws Refusal {
    boolean isolated = Boolean.parseBoolean(params.text("is_isolated"));
    BigDecimal buy = params.decimal("buy_leverage");
    if (isolated && buy.compareTo(params.decimal("sell_leverage")) != 0) {
      throw Refusal.badParameter("buy_leverage and sell_leverage must be equal when switching to isolated margin");
    }
    account.marginModeChanged(params.text("symbol"), isolated, buy);
    return recorded(op);
  }

  private Map<String, Object> setTpSlMode(OperationInfo op, Params params) throws Refusal {
    String mode = params.text("tp_sl_mode");
    account.tpSlModeChanged(params.text("symbol"), mode);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tp_sl_mode", mode);
    return withResult(op, result);
  }

  private Map<String, Object> setRiskLimit(OperationInfo op, Params params) throws Refusal {
    String symbol = params.text("symbol");
    long riskId = params.decimal("risk_id").longValueExact();
    List<Map<String, Object>> tiers = riskLimitTiers(symbol);
    // Symbols without recorded tiers accept any id: the fake cannot know their tiers.
    if (!tiers.isEmpty() && tiers.stream().noneMatch(t -> t.get("id") instanceof Json.Num n
        && n.decimal().compareTo(BigDecimal.valueOf(riskId)) == 0)) {
      throw Refusal.business(BybitCodes.RISK_LIMIT_NOT_FOUND, "risk limit info does not exist");
    }
    account.riskIdChanged(symbol, riskId);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("risk_id", Json.Num.of(riskId));
    return withResult(op, result);
  }

  // ---------------------------------------------------------------- pages

  /**
   * Closed P&amp;L: records derived from the recorded one, with distinct ids, order ids and times (newest first), in
   * as many records as {@link AccountState#setClosedProfitAndLossCount} says, paged by {@code page} and
   * {@code limit}.
   */
  private Map<String, Object> closedProfitAndLoss(OperationInfo op, Params params) throws Refusal {
    String execType = params.text("exec_type");
    if ("Funding".equals(execType)) {
      throw Refusal.badParameter("exec_type Funding is not accepted for closed profit and loss");
    }
    int page = params.integer("page", 1);
    int limit = params.integer("limit", DEFAULT_PAGE_SIZE);
    Map<String, Object> envelope = recorded(op);
    Map<String, Object> result = Json.object(envelope.get("result"));
    List<Object> recordedData = result.get("data") instanceof List<?> list ? Json.array(list) : List.of();
    List<Map<String, Object>> records = new ArrayList<>();
    if (!recordedData.isEmpty() && (execType == null || execType.equals("Trade"))) {
      Map<String, Object> base = Json.object(recordedData.get(0));
      long baseId = ((Json.Num) base.get("id")).decimal().longValueExact();
      long baseCreated = ((Json.Num) base.get("created_at")).decimal().longValueExact();
      String orderIdPrefix = base.get("order_id") instanceof String id && id.length() > 12
          ? id.substring(0, id.length() - 12) : "";
      Long start = params.longOrNull("start_time");
      Long end = params.longOrNull("end_time");
      int count = account.closedProfitAndLossCount(limit);
      for (int i = 0; i < count; i++) {
        long created = baseCreated - i * PNL_RECORD_SPACING_SECONDS;
        if (start != null && created < start || end != null && created > end) {
          continue;
        }
        Map<String, Object> record = Json.object(Json.copy(base));
        record.put("id", Json.Num.of(baseId - i));
        record.put("symbol", params.text("symbol"));
        if (!orderIdPrefix.isEmpty()) {
          record.put("order_id", orderIdPrefix + String.format("%012x", i));
        }
        record.put("created_at", Json.Num.of(created));
        records.add(record);
      }
    }
    result.put("current_page", Json.Num.of(page));
    result.put("data", new ArrayList<Object>(slice(records, page, limit)));
    return envelope;
  }

  /** Wallet fund records and withdrawals: the recorded records, filtered by coin (and status), paged. */
  private Map<String, Object> pageOfRecorded(OperationInfo op, Params params, boolean withStatus) {
    Map<String, Object> envelope = recorded(op);
    Map<String, Object> result = Json.object(envelope.get("result"));
    if (!(result.get("data") instanceof List<?> data)) {
      return envelope;
    }
    String coin = params.text("coin") != null ? params.text("coin") : params.text("currency");
    String status = withStatus ? params.text("status") : null;
    List<Object> matching = Json.array(data).stream()
        .filter(r -> coin == null || coin.equals(Json.object(r).get("coin")))
        .filter(r -> status == null || status.equals(Json.object(r).get("status")))
        .toList();
    int page = params.integer("page", 1);
    int limit = params.integer("limit", DEFAULT_PAGE_SIZE);
    result.put("data", new ArrayList<>(slice(matching, page, limit)));
    if (result.containsKey("current_page")) {
      result.put("current_page", Json.Num.of(page));
    }
    if (result.containsKey("last_page")) {
      result.put("last_page", Json.Num.of(Math.max(1, (matching.size() + limit - 1) / limit)));
    }
    return envelope;
  }

  /** Asset exchanges: the recorded records from the {@code from} id in the {@code direction}, at most limit. */
  private Map<String, Object> assetExchanges(OperationInfo op, Params params) {
    Map<String, Object> envelope = recorded(op);
    if (!(envelope.get("result") instanceof List<?> records)) {
      return envelope;
    }
    boolean ascending = "Prev".equals(params.text("direction"));
    Long from = params.longOrNull("from");
    Comparator<Object> byId = Comparator.comparing(r -> ((Json.Num) Json.object(r).get("id")).decimal());
    List<Object> page = Json.array(records).stream()
        .filter(r -> from == null || Integer.signum(((Json.Num) Json.object(r).get("id")).decimal()
            .compareTo(BigDecimal.valueOf(from))) == (ascending ? 1 : -1))
        .sorted(ascending ? byId : byId.reversed())
        .limit(params.integer("limit", DEFAULT_PAGE_SIZE))
        .toList();
    envelope.put("result", new ArrayList<>(page));
    return envelope;
  }

  private static <T> List<T> slice(List<T> all, int page, int limit) {
    long from = (long) (page - 1) * limit;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + limit));
  }

  // ---------------------------------------------------------------- the rest

  private Map<String, Object> apiKeyInfo(OperationInfo op) {
    Map<String, Object> envelope = recorded(op);
    if (envelope.get("result") instanceof List<?> keys) {
      // The key the request was signed with, as Bybit answers.
      keys.forEach(k -> Json.object(k).put("api_key", apiKey));
    }
    return envelope;
  }

  private Map<String, Object> lastFundingFee(OperationInfo op, Params params) {
    Map<String, Object> envelope = recorded(op);
    if (envelope.get("result") instanceof Map<?, ?> fee) {
      Json.object(fee).put("symbol", params.text("symbol"));
    }
    return envelope;
  }

  private Map<String, Object> riskLimits(OperationInfo op, Params params) {
    Map<String, Object> envelope = recorded(op);
    String symbol = params.text("symbol");
    if (symbol != null) {
      envelope.put("result", new ArrayList<Object>(riskLimitTiers(symbol)));
    }
    return envelope;
  }

  /** A symbol's risk-limit tiers from the preferred recorded answer that lists the symbol. */
  private List<Map<String, Object>> riskLimitTiers(String symbol) {
    for (RecordedAnswers.Recorded recorded : answers.successes("getRiskLimit")) {
      if (Json.object(recorded.tree()).get("result") instanceof List<?> tiers) {
        List<Map<String, Object>> matching = tiers.stream().map(Json::object)
            .filter(t -> symbol.equals(t.get("symbol"))).toList();
        if (!matching.isEmpty()) {
          return matching;
        }
      }
    }
    return List.of();
  }

  private Map<String, Object> portfolioMargin(OperationInfo op, Params params) {
    Map<String, Object> envelope = recorded(op);
    String baseCoin = params.text("baseCoin");
    if (baseCoin != null && envelope.get("result") instanceof Map<?, ?> result
        && Json.object(result).get("assetPnlRange") instanceof List<?> ranges) {
      Json.object(result).put("assetPnlRange", new ArrayList<>(ranges.stream()
          .filter(r -> baseCoin.equals(Json.object(r).get("baseCoin"))).toList()));
    }
    return envelope;
  }

  private Map<String, Object> v5ServerTime(OperationInfo op, Instant now) {
    Map<String, Object> envelope = recorded(op);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("timeSecond", Long.toString(now.getEpochSecond()));
    result.put("timeNano", BigDecimal.valueOf(now.getEpochSecond()).movePointRight(9)
        .add(BigDecimal.valueOf(now.getNano())).toPlainString());
    envelope.put("result", result);
    return envelope;
  }

  private Map<String, Object> recorded(OperationInfo op) {
    return Json.object(answers.defaultAnswer(op.operationId()).tree());
  }

  private Map<String, Object> withResult(OperationInfo op, Object result) {
    Map<String, Object> envelope = recorded(op);
    envelope.put("result", result);
    return envelope;
  }

  /** A checked request's parameters by wire name: the query of a GET, the body fields of a POST. */
  static final class Params {
    private final Map<String, String> values;

    Params(IncomingRequest request) {
      this.values = request.v2Parameters();
    }

    String text(String name) {
      String value = values.get(name);
      return value == null || value.isEmpty() ? null : value;
    }

    BigDecimal decimal(String name) {
      return new BigDecimal(Objects.requireNonNull(text(name), name));
    }

    int integer(String name, int absent) {
      String value = text(name);
      return value == null ? absent : Integer.parseInt(value);
    }

    Long longOrNull(String name) {
      String value = text(name);
      return value == null ? null : Long.valueOf(value);
    }
  }
}
