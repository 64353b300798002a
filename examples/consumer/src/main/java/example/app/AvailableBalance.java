package example.app;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import java.math.BigDecimal;
import java.util.Map;

/** A tiny application on BybitKit: the balance of a coin that is available for new orders. */
public final class AvailableBalance {
  private final InversePerpetualAccountClient account;

  public AvailableBalance(BybitClient bybit) {
    this.account = bybit.inversePerpetual().account();
  }

  /** The available balance of {@code coin}, exactly as Bybit sent it; zero when the wallet has no such coin. */
  public BigDecimal of(String coin) {
    Map<String, BybitBalance> balances = account.getBalances();
    BybitBalance balance = balances.get(coin);
    return balance == null ? BigDecimal.ZERO : balance.availableBalance();
  }

  /** Prints the available BTC (or the coin given) of the testnet account in BYBIT_API_KEY / BYBIT_API_SECRET. */
  public static void main(String[] args) {
    BybitClient bybit = BybitClient.builder()
        .baseUrl(BybitClient.TESTNET)
        .credentials(System.getenv("BYBIT_API_KEY"), System.getenv("BYBIT_API_SECRET"))
        .build();
    String coin = args.length > 0 ? args[0] : "BTC";
    System.out.println(coin + " available: " + new AvailableBalance(bybit).of(coin).toPlainString());
  }
}
