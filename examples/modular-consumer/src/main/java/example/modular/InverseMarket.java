package example.modular;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.v5.model.BybitV5AccountInfo;
import io.github.bybitkit.v5.model.BybitV5Ticker;
import java.math.BigDecimal;

/** The mark price of an inverse perpetual (public call) and the account's margin mode (signed call), on v5. */
public final class InverseMarket {
  private final BybitClient bybit;

  public InverseMarket(String baseUrl, String apiKey, String apiSecret) {
    this.bybit = BybitClient.builder()
        .baseUrl(baseUrl)
        .credentials(apiKey, apiSecret)
        .build();
  }

  public BigDecimal markPrice(String symbol) {
    return bybit.v5().market().getTickers(Category.INVERSE).list().stream()
        .filter(ticker -> ticker.symbol().equals(symbol))
        .map(BybitV5Ticker::markPrice)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no ticker for " + symbol));
  }

  public MarginMode marginMode() {
    BybitV5AccountInfo info = bybit.v5().account().getAccountInfo();
    return info.marginMode();
  }
}
