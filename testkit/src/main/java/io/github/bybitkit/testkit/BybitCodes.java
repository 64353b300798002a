package io.github.bybitkit.testkit;

/** The return codes the fake answers with, named. Meanings as in Bybit's error tables. */
final class BybitCodes {
  static final int OK = 0;
  static final int PARAMETER_ERROR = 10001;
  static final int TIMESTAMP = 10002;
  static final int INVALID_API_KEY = 10003;
  static final int SIGN_ERROR = 10004;
  static final int PATH_OR_METHOD = 10017;

  static final int INSUFFICIENT_AVAILABLE_BALANCE = 30049;
  static final int WOULD_TRIGGER_LIQUIDATION = 30050;
  static final int POSITION_IN_CROSS_MARGIN = 30056;
  static final int ISOLATED_NOT_MODIFIED = 30084;
  static final int RISK_LIMIT_NOT_FOUND = 30090;
  static final int NO_POSITION = 30092;
  static final int RISK_LIMIT_UNCHANGED = 34026;
  static final int TP_SL_MODE_UNCHANGED = 37002;

  // v5: the 110xxx position codes replace v2's 30xxx ones.
  static final int V5_WOULD_TRIGGER_LIQUIDATION = 110011;
  static final int V5_INSUFFICIENT_AVAILABLE_BALANCE = 110012;
  static final int V5_POSITION_IN_CROSS_MARGIN = 110015;
  static final int V5_NO_POSITION = 110033;
  static final int V5_LEVERAGE_NOT_MODIFIED = 110043;

  private BybitCodes() {}
}
