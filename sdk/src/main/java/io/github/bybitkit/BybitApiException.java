package io.github.bybitkit;

/**
 * Bybit answered with a non-zero return code ({@code ret_code} in v2, {@code retCode} in v5). The request reached
 * Bybit and was refused; {@link #retCode()} says why (see Bybit's error-code tables).
 */
public class BybitApiException extends BybitException {
  private static final long serialVersionUID = 1L;

  private final int retCode;
  private final String retMsg;

  public BybitApiException(String operationId, int retCode, String retMsg) {
    super(operationId, "Bybit returned " + retCode + (retMsg == null || retMsg.isEmpty() ? "" : ": " + retMsg));
    this.retCode = retCode;
    this.retMsg = retMsg;
  }

  /** Bybit's return code, never 0. */
  public int retCode() {
    return retCode;
  }

  /** Bybit's message; may be empty. */
  public String retMsg() {
    return retMsg;
  }
}
