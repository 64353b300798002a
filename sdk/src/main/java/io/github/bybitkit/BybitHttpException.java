package io.github.bybitkit;

/**
 * A non-2xx HTTP response whose body is not a Bybit envelope, e.g. an HTML error page of a CDN or proxy. The
 * preview is the start of the body with anything that looks like a key or a signature removed.
 */
public class BybitHttpException extends BybitException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String contentType;
  private final String bodyPreview;

  public BybitHttpException(String operationId, String message, int status, String contentType,
      String bodyPreview) {
    super(operationId, message);
    this.status = status;
    this.contentType = contentType;
    this.bodyPreview = bodyPreview;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The response's content type, or null when it had none. */
  public String contentType() {
    return contentType;
  }

  /** The first characters of the body, redacted; empty when there was no body. */
  public String bodyPreview() {
    return bodyPreview;
  }

  /** 5xx: the server failed; a GET is retried by the client. */
  public boolean isServerError() {
    return status >= 500 && status <= 599;
  }
}
