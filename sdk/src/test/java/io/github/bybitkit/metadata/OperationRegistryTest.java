package io.github.bybitkit.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.SearchDirection;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated registry carries the spec's parameter facts that the CLI and the test kit's fake work from. */
class OperationRegistryTest {
  private static ParameterInfo parameter(String operationId, String wireName) {
    return BybitOperations.byId(operationId).parameters().stream()
        .filter(p -> p.wireName().equals(wireName)).findFirst().orElseThrow();
  }

  @Test
  void everyOperationIsListedWithItsDocsAndSummary() {
    assertEquals(37, BybitOperations.all().size());
    for (OperationInfo op : BybitOperations.all()) {
      assertTrue(op.docsUrl().startsWith("https://bybit-exchange.github.io/docs/"), op.operationId());
      assertFalse(op.summary().isBlank(), op.operationId());
    }
  }

  @Test
  void bodyFieldsCarryTypeRangeAndNonZero() {
    ParameterInfo margin = parameter("changeMargin", "margin");
    assertEquals(new ParameterInfo("margin", "margin", ParameterInfo.Location.BODY, BigDecimal.class,
        ParameterInfo.WireForm.DECIMAL_TEXT, true, null, false, null, false, true, margin.description()), margin);
    ParameterInfo mode = parameter("setRiskLimit", "position_idx");
    assertEquals(PositionMode.class, mode.javaType());
    assertEquals(ParameterInfo.WireForm.ENUM_INTEGER, mode.wireForm());
    ParameterInfo setLeverage = parameter("setLeverage", "leverage");
    assertTrue(setLeverage.required());
    assertEquals("0", setLeverage.minimum());
    assertTrue(setLeverage.minimumExclusive());
    assertEquals(ParameterInfo.WireForm.DECIMAL_NUMBER, setLeverage.wireForm());
    ParameterInfo leverage = parameter("setIsolatedMode", "buy_leverage");
    assertEquals("0", leverage.minimum());
    assertTrue(leverage.minimumExclusive());
  }

  @Test
  void queryParametersCarryTheirBoundsAndEnums() {
    ParameterInfo limit = parameter("getWalletFundHistory", "limit");
    assertEquals(List.of("1", "50"), List.of(limit.minimum(), limit.maximum()));
    assertEquals(ParameterInfo.Location.QUERY, limit.location());
    assertEquals(Integer.class, limit.javaType());
    assertEquals(SearchDirection.class, parameter("getAssetExchangeHistory", "direction").javaType());
    assertEquals(ParameterInfo.WireForm.EPOCH_SECONDS,
        parameter("getProfitAndLossHistory", "start_time").wireForm());
    assertNull(parameter("getBalances", "coin").minimum());
    assertTrue(BybitOperations.byId("getServerTime").parameters().isEmpty());
  }
}
