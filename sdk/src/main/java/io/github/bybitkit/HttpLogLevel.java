package io.github.bybitkit;

/**
 * How much of each HTTP exchange the client logs through {@link System.Logger} (at {@code DEBUG}). Whatever the
 * level, {@code api_key}, {@code sign}, {@code X-BAPI-API-KEY} and {@code X-BAPI-SIGN} are redacted.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE,
  /** Method, path, status, duration, operation. */
  BASIC,
  /** BASIC plus the query and the request and response headers. */
  HEADERS,
  /** HEADERS plus the request and response bodies. */
  BODY
}
