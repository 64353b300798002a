package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.AccountType;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.enums.PositionIdx;
import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.enums.TradeMode;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the spec, called through the real client against the fake, gets a success answer that the
 * client decodes strictly (no field the spec lacks) and that matches the spec.
 */
@ExtendWith(FakeBybitExtension.class)
class EveryOperationTest {
  /** An answer as it crossed the wire. */
  record Exchange(String method, String path, int status, String body) {}

  @Test
  void everyOperationIsServedWithASuccessAnswerThatMatchesTheSpec(FakeBybit fake) {
    List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient capturing = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      Response response = chain.proceed(chain.request());
      exchanges.add(new Exchange(chain.request().method(), chain.request().url().encodedPath(), response.code(),
          response.peekBody(Long.MAX_VALUE).string()));
      return response;
    }).build();
    BybitClient client = fake.clientBuilder().okHttpClient(capturing).strictDecoding(true).build();

    Map<String, Supplier<Object>> calls = callOfEveryOperation(client);
    assertEquals(BybitOperations.all().stream().map(OperationInfo::operationId).collect(Collectors.toSet()),
        calls.keySet(), "this test calls every operation of the spec");
    calls.forEach((operationId, call) -> assertNotNull(call.get(), operationId));

    Set<String> served = fake.requests().stream().map(r -> r.operationId().orElseThrow())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(calls.keySet()), served);
    fake.requests().forEach(r -> assertEquals(0, r.retCode().orElseThrow(), r::toString));

    SpecValidation spec = new SpecValidation();
    assertEquals(calls.size(), exchanges.size());
    for (Exchange exchange : exchanges) {
      assertEquals(200, exchange.status(), exchange.path());
      String problems = spec.problems(exchange.method(), exchange.path(), exchange.body());
      assertTrue(problems.isEmpty(), exchange.method() + " " + exchange.path() + ":\n" + problems + exchange.body());
    }
  }

  @Test
  void theSpecCheckOfThisTestBites() throws IOException {
    SpecValidation spec = new SpecValidation();
    assertFalse(spec.problems("GET", "/v2/private/wallet/balance",
        "{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":\"not a number\"}},"
            + "\"time_now\":\"1577480720.003444\"}").isEmpty());
    assertFalse(spec.problems("GET", "/v2/public/time",
        "{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{},\"time_now\":\"yesterday\"}").isEmpty());
  }

  /**
   * One call per operation id, with arguments the fake's default account accepts, in an order its state accepts:
   * isolated margin (setMarginMode) before addOrReduceMargin, a leverage v5 has not seen before (110043 otherwise).
   */
  @SuppressWarnings("deprecation") // abandoned operations are still in the spec, so they are called too
  private static Map<String, Supplier<Object>> callOfEveryOperation(BybitClient client) {
    InversePerpetualAccountClient account = client.inversePerpetual().account();
    Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
    calls.put("changeMargin", () -> account.changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.001")));
    calls.put("getApiKeyInfo", account::getApiKeyInfo);
    calls.put("getAssetExchangeHistory", account::getAssetExchangeHistory);
    calls.put("getBalances", account::getBalances);
    calls.put("getLastUserFundingFee", () -> account.getLastUserFundingFee("BTCUSD"));
    calls.put("getPositions", account::getPositions);
    calls.put("getPredictedUserFundingFee", () -> account.getPredictedUserFundingFee("BTCUSD"));
    calls.put("getProfitAndLossHistory", () -> account.getProfitAndLossHistory("BTCUSD"));
    calls.put("getRiskLimit", account::getRiskLimit);
    calls.put("getWalletFundHistory", account::getWalletFundHistory);
    calls.put("getWithdrawalHistory", account::getWithdrawalHistory);
    calls.put("setFullPartialPositionMode",
        () -> account.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.FULL));
    calls.put("setIsolatedMode", () -> {
      account.setIsolatedMode("XRPUSD", true, new BigDecimal("5"), new BigDecimal("5"));
      return "done";
    });
    calls.put("setLeverage", () -> account.setLeverage("BTCUSD", 10, 10));
    calls.put("setRiskLimit", () -> account.setRiskLimit("BTCUSD", 10));
    calls.put("getServerTime", () -> client.inversePerpetual().market().getServerTime());
    calls.put("getPortfolioMargin", () -> client.v5().asset().getPortfolioMargin());
    calls.put("getV5ServerTime", () -> client.v5().market().getV5ServerTime());
    calls.put("getAccountInfo", () -> client.v5().account().getAccountInfo());
    calls.put("setMarginMode", () -> client.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN));
    calls.put("getCoinExchangeRecords", () -> client.v5().asset().getCoinExchangeRecords());
    calls.put("getWithdrawalRecords", () -> client.v5().asset().getWithdrawalRecords());
    calls.put("getClosedPnl", () -> client.v5().position().getClosedPnl(Category.INVERSE));
    calls.put("addOrReduceMargin",
        () -> client.v5().position().addOrReduceMargin(Category.INVERSE, "BTCUSD", new BigDecimal("0.01")));
    calls.put("setTpSlMode", () -> client.v5().position().setTpSlMode(Category.INVERSE, "BTCUSD", TpSlMode.FULL));
    calls.put("v5GetTickers", () -> client.v5().market().getTickers(Category.INVERSE));
    calls.put("v5GetRiskLimit", () -> client.v5().market().getRiskLimit(Category.INVERSE));
    calls.put("v5GetApiKeyInfo", () -> client.v5().user().getApiKeyInfo());
    calls.put("v5SetLeverage", () -> {
      client.v5().position().setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("20"), new BigDecimal("20"));
      return "done";
    });
    calls.put("getPositionInfo", () -> client.v5().position().getPositionInfo(Category.INVERSE));
    calls.put("setTradingStop", () -> {
      client.v5().position().setTradingStop(Category.INVERSE, "BTCUSD", TpSlMode.FULL, PositionIdx.ONE_WAY);
      return "done";
    });
    calls.put("switchCrossIsolatedMargin", () -> {
      client.v5().position().switchCrossIsolatedMargin(Category.INVERSE, "BTCUSD", TradeMode.ISOLATED_MARGIN,
          new BigDecimal("10"), new BigDecimal("10"));
      return "done";
    });
    calls.put("v5SetRiskLimit", () -> client.v5().position().setRiskLimit(Category.INVERSE, "BTCUSD", 1L));
    calls.put("getTradeHistory", () -> client.v5().execution().getTradeHistory(Category.INVERSE));
    calls.put("getWalletBalance", () -> client.v5().account().getWalletBalance(AccountType.UNIFIED));
    calls.put("getTransactionLog", () -> client.v5().account().getTransactionLog());
    calls.put("getContractTransactionLog", () -> client.v5().account().getContractTransactionLog());
    return calls;
  }
}
