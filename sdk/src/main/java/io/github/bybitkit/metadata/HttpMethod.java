package io.github.bybitkit.metadata;

/** The HTTP methods the spec uses. */
public enum HttpMethod {
  GET,
  POST
}
