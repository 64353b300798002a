package io.github.bybitkit.testkit;

import static io.github.bybitkit.testkit.AuthenticationTest.retCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake's log of received requests, and how it routes methods and paths. */
@ExtendWith(FakeBybitExtension.class)
class ReceivedRequestsTest {
  @Test
  void everyRequestIsRecordedInOrderWithItsParametersAndAnswer(FakeBybit fake) {
    BybitClient client = fake.clientBuilder().build();
    client.inversePerpetual().account().getBalances(GetBalancesRequest.builder().asset("BTC").build());
    client.inversePerpetual().account().changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.00009996"));
    client.v5().asset().getPortfolioMargin();

    List<ReceivedRequest> all = fake.requests();
    assertEquals(List.of(1L, 2L, 3L), all.stream().map(ReceivedRequest::sequence).toList());
    ReceivedRequest balances = all.get(0);
    assertEquals(Optional.of("getBalances"), balances.operationId());
    assertEquals("GET", balances.method());
    assertEquals("/v2/private/wallet/balance", balances.path());
    assertEquals(Map.of("coin", "BTC"), balances.parameters());
    assertEquals(FakeBybit.API_KEY, balances.query().get("api_key"));
    assertEquals(200, balances.httpStatus());

    ReceivedRequest margin = fake.requests("changeMargin").get(0);
    assertEquals("POST", margin.method());
    assertEquals(Map.of("symbol", "BTCUSD", "margin", "0.00009996"), margin.parameters());
    assertTrue(margin.body().startsWith("{\"symbol\":\"BTCUSD\""), margin.body());
    assertTrue(margin.header("Content-Type").startsWith("application/json"));
    assertTrue(margin.timestamp().isPresent());

    ReceivedRequest v5 = fake.requests("getPortfolioMargin").get(0);
    assertEquals(FakeBybit.API_KEY, v5.header("X-BAPI-API-KEY"));
    assertEquals(Long.parseLong(v5.header("X-BAPI-TIMESTAMP")), v5.timestamp().getAsLong());
    assertTrue(v5.parameters().isEmpty());

    fake.clearRequests();
    assertTrue(fake.requests().isEmpty());
  }

  @Test
  void toStringShowsNeitherTheKeyNorTheSignature(FakeBybit fake) {
    fake.clientBuilder().build().inversePerpetual().account().getBalances();
    ReceivedRequest request = fake.requests().get(0);
    String sign = request.query().get("sign");
    String text = request + " " + fake + " " + fake.account();
    assertFalse(text.contains(sign), text);
    assertFalse(text.contains(FakeBybit.API_KEY), text);
    assertFalse(text.contains(FakeBybit.API_SECRET), text);
    assertEquals("ReceivedRequest[#1 getBalances GET /v2/private/wallet/balance -> HTTP 200 retCode 0]",
        request.toString());
  }

  @Test
  void anUnknownPathIsA404(FakeBybit fake) {
    RawRequests.Answer answer = new RawRequests(fake).send(new Request.Builder()
        .url(fake.baseUrl() + "v2/private/order/create").get().build());
    assertEquals(404, answer.status());
    assertEquals(10017, retCode(answer));
    ReceivedRequest seen = fake.requests().get(0);
    assertEquals(Optional.empty(), seen.operationId());
    assertEquals(404, seen.httpStatus());
    assertTrue(seen.toString().contains("(no operation)"), seen.toString());
  }

  @Test
  void aKnownPathWithAnotherMethodIsRefused(FakeBybit fake) {
    RawRequests.Answer answer = new RawRequests(fake).send(new Request.Builder()
        .url(fake.baseUrl() + "v2/private/wallet/balance")
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build());
    assertEquals(404, answer.status());
    assertEquals(10017, retCode(answer));
    assertTrue(answer.body().contains("use GET"), answer.body());
    RawRequests.Answer v5 = new RawRequests(fake).send(new Request.Builder()
        .url(fake.baseUrl() + "v5/market/time").delete().build());
    assertTrue(v5.body().startsWith("{\"retCode\":10017"), v5.body());
  }

  @Test
  void requestsOfAnUnknownOperationCannotBeAskedFor(FakeBybit fake) {
    assertThrows(IllegalArgumentException.class, () -> fake.requests("getOrders"));
  }
}
