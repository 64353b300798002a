package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.V5WithdrawStatus;
import io.github.bybitkit.v5.GetWithdrawalRecordsRequest;
import io.github.bybitkit.v5.V5AssetClient;
import io.github.bybitkit.v5.model.BybitV5Withdrawal;
import io.github.bybitkit.v5.model.BybitV5WithdrawalPage;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getWithdrawalRecords}. */
class V5WithdrawalRecordsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5AssetClient asset() {
    return TestClients.client(server).v5().asset();
  }

  @Test
  void signsTheQueryAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getWithdrawalRecords", "docs-v5.json"));

    BybitV5WithdrawalPage page = asset().getWithdrawalRecords(GetWithdrawalRecordsRequest.builder()
        .coin("USDC").withdrawType(2).startTime(1742000000000L).endTime(1742738340000L).limit(50).build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/asset/withdraw/query-record", request.getUrl().encodedPath());
    assertEquals(Map.of("coin", "USDC", "withdrawType", "2", "startTime", "1742000000000", "endTime",
        "1742738340000", "limit", "50"), TestClients.verifier().verifyV5Get(request));
    assertEquals("eyJtaW5JRCI6MTMxNjAzNDU4LCJtYXhJRCI6MTMxNjI5MDc2fQ==", page.nextPageCursor());
    assertEquals(2, page.rows().size());
    BybitV5Withdrawal first = page.rows().get(0);
    assertEquals("USDC", first.coin());
    assertEquals("ETH", first.chain());
    assertEquals(new BigDecimal("41.43008"), first.amount());
    assertEquals("0x3d7bddb797f0e86420c982c0723653b8b728fd0ec9953b6b354445848d83a185", first.txID());
    assertEquals(V5WithdrawStatus.SUCCESS, first.status());
    assertEquals("success", first.statusRaw());
    assertEquals("0xE3De6d711e0951d34777b5Cd93c827F822ee8514", first.toAddress());
    assertEquals("", first.tag());
    assertEquals(new BigDecimal("5"), first.withdrawFee());
    assertEquals("1742738305000", first.createTime());
    assertEquals("1742738340000", first.updateTime());
    assertEquals("131629076", first.withdrawId());
    assertEquals(0, first.withdrawType());
    assertNull(first.fee(), "\"\" is no value");
    assertNull(first.tax());
    assertNull(first.taxRate());
    assertEquals("", first.taxType());
    BybitV5Withdrawal second = page.rows().get(1);
    assertEquals(new BigDecimal("951"), second.amount());
    assertEquals(new BigDecimal("1"), second.withdrawFee());
    assertEquals("131603458", second.withdrawId());
  }

  @Test
  void anEmptyLastPageHasNoRowsAndAnEmptyCursor() throws Exception {
    server.enqueue(recorded("getWithdrawalRecords", "empty-list.json"));

    BybitV5WithdrawalPage page = asset().getWithdrawalRecords();

    assertEquals(Map.of(), TestClients.verifier().verifyV5Get(take(server)));
    assertTrue(page.rows().isEmpty());
    assertEquals("", page.nextPageCursor());
  }

  @Test
  void aWithdrawTypeOutsideZeroToTwoIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> GetWithdrawalRecordsRequest.builder().withdrawType(3).build());
    assertEquals(0, server.getRequestCount());
  }
}
