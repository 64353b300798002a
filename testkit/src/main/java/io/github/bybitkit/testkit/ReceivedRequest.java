package io.github.bybitkit.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import okhttp3.Headers;

/**
 * One request {@link FakeBybit} received, with how it answered. Immutable. {@link #toString()} shows the operation,
 * method, path and answer only: the query and body of a signed request carry the API key and signature.
 */
public final class ReceivedRequest {
  private static final Set<String> V2_AUTH = Set.of("api_key", "timestamp", "recv_window", "sign");

  private final long sequence;
  private final String operationId;
  private final IncomingRequest request;
  private final Instant receivedAt;
  private final int httpStatus;
  private final Integer retCode;
  private final boolean dropped;
  private final Duration delay;

  ReceivedRequest(long sequence, String operationId, IncomingRequest request, Instant receivedAt, int httpStatus,
      Integer retCode, boolean dropped, Duration delay) {
    this.sequence = sequence;
    this.operationId = operationId;
    this.request = request;
    this.receivedAt = receivedAt;
    this.httpStatus = httpStatus;
    this.retCode = retCode;
    this.dropped = dropped;
    this.delay = delay;
  }

  /** 1 for the first request the fake received, then 2, 3, ... */
  public long sequence() {
    return sequence;
  }

  /** The operation the method and path belong to; empty for a path the spec does not have. */
  public Optional<String> operationId() {
    return Optional.ofNullable(operationId);
  }

  public String method() {
    return request.method;
  }

  /** The path, e.g. /v2/private/wallet/balance. */
  public String path() {
    return request.path;
  }

  /** The query parameters, decoded, in the order sent (v2 authentication parameters included). */
  public Map<String, String> query() {
    return request.query;
  }

  public Headers headers() {
    return request.headers;
  }

  /** A request header, or null. */
  public String header(String name) {
    return request.headers.get(name);
  }

  /** The body as text, "" when there was none. */
  public String body() {
    return request.body;
  }

  /**
   * The business parameters as text: the query of a GET, the JSON body's fields otherwise (numbers as written,
   * booleans as true/false), without v2's api_key, timestamp, recv_window and sign.
   */
  public Map<String, String> parameters() {
    Map<String, String> params = new LinkedHashMap<>(request.v2Parameters());
    params.keySet().removeAll(V2_AUTH);
    return params;
  }

  /** The request's timestamp (v2 {@code timestamp} or v5 {@code X-BAPI-TIMESTAMP}), if it had a numeric one. */
  public OptionalLong timestamp() {
    String text = request.headers.get("X-BAPI-TIMESTAMP");
    if (text == null) {
      text = request.v2Parameters().get("timestamp");
    }
    try {
      return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** When the request arrived, by the fake's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The HTTP status of the answer; 0 when the connection was dropped instead. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The return code of the answer ({@code ret_code} or {@code retCode}); empty when the answer had none. */
  public OptionalInt retCode() {
    return retCode == null ? OptionalInt.empty() : OptionalInt.of(retCode);
  }

  /** Whether the fake dropped the connection instead of answering ({@link FakeBybit#dropNext}). */
  public boolean dropped() {
    return dropped;
  }

  /** How long the fake held the answer back ({@link FakeBybit#delayNext}); zero by default. */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    String answer = dropped ? "dropped" : "HTTP " + httpStatus + (retCode == null ? "" : " retCode " + retCode);
    return "ReceivedRequest[#" + sequence + " " + (operationId == null ? "(no operation)" : operationId) + " "
        + request.method + " " + request.path + " -> " + answer
        + (delay.isZero() ? "" : " after " + delay.toMillis() + " ms") + "]";
  }
}
