package io.github.bybitkit;

/**
 * Bybit refused the credentials: invalid key (10003), bad signature (10004), no permission for this key (10005),
 * request IP not bound to the key (10010), expired key (33004). Retrying the same request cannot help.
 */
public class BybitAuthenticationException extends BybitApiException {
  private static final long serialVersionUID = 1L;

  public BybitAuthenticationException(String operationId, int retCode, String retMsg, int httpStatus,
      RateLimit rateLimit) {
    super(operationId, retCode, retMsg, httpStatus, rateLimit);
  }
}
