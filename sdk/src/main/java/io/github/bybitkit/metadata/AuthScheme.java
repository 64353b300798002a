package io.github.bybitkit.metadata;

/** How a request is authenticated; taken from the operation's security scheme in the spec. */
public enum AuthScheme {
  /** Public endpoint: sent unsigned. */
  NONE,
  /** v2: {@code api_key}, {@code timestamp}, {@code recv_window} and {@code sign} as request parameters. */
  V2_SIGNED,
  /** v5: {@code X-BAPI-*} headers over {@code timestamp + apiKey + recvWindow + (query | body)}. */
  V5_SIGNED
}
