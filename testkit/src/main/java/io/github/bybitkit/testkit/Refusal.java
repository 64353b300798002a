package io.github.bybitkit.testkit;

/**
 * Bybit refusing a request with a return code, as the fake's checks and account operations report it.
 * Control flow, not a failure of the fake: no stack trace is filled in.
 */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  final int retCode;
  final String retMsg;
  /**
   * Whether the request got past authentication. Bybit's answers to unauthenticated requests carry no rate-limit
   * state; its answers to authenticated ones do.
   */
  final boolean authenticated;

  Refusal(int retCode, String retMsg, boolean authenticated) {
    super(retCode + " " + retMsg, null, false, false);
    this.retCode = retCode;
    this.retMsg = retMsg;
    this.authenticated = authenticated;
  }

  /** 10001, a bad parameter of an authenticated (or public) request. */
  static Refusal badParameter(String message) {
    return new Refusal(BybitCodes.PARAMETER_ERROR, "params error: " + message, true);
  }

  /** A business error (30xxx, 34xxx, ...) of an authenticated request. */
  static Refusal business(int retCode, String retMsg) {
    return new Refusal(retCode, retMsg, true);
  }
}
