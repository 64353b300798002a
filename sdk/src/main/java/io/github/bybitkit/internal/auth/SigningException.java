package io.github.bybitkit.internal.auth;

import java.io.IOException;

/**
 * A request that could not be signed. OkHttp only reports {@link IOException}s from interceptors to the caller
 * (on async calls other exceptions reach the dispatcher thread), so the real, unchecked error travels as the cause.
 * The message names the operation and never contains a secret or signature.
 */
public final class SigningException extends IOException {
  private static final long serialVersionUID = 1L;

  private final RuntimeException unchecked;

  public SigningException(RuntimeException unchecked) {
    super(unchecked.getMessage(), unchecked);
    this.unchecked = unchecked;
  }

  /** The unchecked error to rethrow once outside OkHttp, e.g. {@link IllegalStateException} for missing credentials. */
  public RuntimeException unchecked() {
    return unchecked;
  }
}
