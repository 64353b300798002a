package io.github.bybitkit.metadata;

/** The response envelope an operation answers with. */
public enum EnvelopeKind {
  /** {@code ret_code}, {@code ret_msg}, {@code ext_code}, {@code ext_info}, {@code result}, {@code time_now}, rate limits. */
  V2,
  /** {@code retCode}, {@code retMsg}, {@code result}, {@code retExtInfo}, {@code time}. */
  V5
}
