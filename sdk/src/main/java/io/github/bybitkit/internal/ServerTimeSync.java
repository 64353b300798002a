package io.github.bybitkit.internal;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.BybitException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures the offset to Bybit's clock with the envelope's server-time operation and records it in the {@link
 * ServerClock} that timestamps later requests. Separate from the clock because it sends through the signing HTTP
 * client, which itself reads the clock. Thread-safe.
 */
final class ServerTimeSync {
  private final HttpUrl baseUrl;
  private final Call.Factory calls;
  private final ServerClock clock;
  private final ErrorMapper errors;
  private final RateLimits rateLimits;

  ServerTimeSync(HttpUrl baseUrl, Call.Factory calls, ServerClock clock, ErrorMapper errors, RateLimits rateLimits) {
    this.baseUrl = baseUrl;
    this.calls = calls;
    this.clock = clock;
    this.errors = errors;
    this.rateLimits = rateLimits;
  }

  /**
   * @return how far Bybit's clock is ahead of the local one
   * @throws BybitException when the server time cannot be read
   */
  Duration sync(EnvelopeKind kind) {
    OperationInfo op = BybitOperations.all().stream()
        .filter(o -> o.serverClock() && o.envelope() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the spec has no server-time operation for " + kind));
    Request request = new Request.Builder().url(baseUrl.resolve(op.path().substring(1))).get().build();
    long sent = clock.localClock().millis();
    try (Response response = calls.newCall(request).execute()) {
      long received = clock.localClock().millis();
      if (!response.isSuccessful()) {
        Instant observedAt = clock.localClock().instant();
        BybitException failure = errors.httpFailure(op.operationId(), request, response.code(),
            ErrorBody.read(response.body()), response.headers(), observedAt);
        rateLimits.record(op.operationId(), ErrorMapper.rateLimitAfter(failure, response.headers(), observedAt));
        throw failure;
      }
      Envelope<?> envelope = errors.decodeEnvelope(op, BybitConverterFactory.readBounded(op, response.body().source()));
      if (envelope.retCode() != 0) {
        throw errors.apiError(op.operationId(), envelope.retCode(), envelope.retMsg(), response.code(), null);
      }
      return clock.record(serverTimeOf(op.operationId(), request, envelope).toEpochMilli(), sent, received);
    } catch (IOException e) {
      throw errors.transportFailure(op.operationId(), request, e);
    }
  }

  /** The time an envelope of a server-time operation carries. */
  static Instant serverTimeOf(String operation, Request request, Envelope<?> envelope) {
    Instant serverTime;
    try {
      serverTime = envelope.serverTime();
    } catch (RuntimeException malformed) {
      // A time_now such as "" or "15{7444332.1" decodes as a string; it only fails when read as a time.
      String path = envelope instanceof V2Response<?> ? "$.time_now" : "$.time";
      throw new BybitDecodingException(operation, "the response of " + ErrorMapper.where(request)
          + " carries a server time that is not a valid time at " + path + " (the value is not quoted: it comes"
          + " from the network)", path, null);
    }
    if (serverTime == null) {
      throw new BybitDecodingException(operation, "the response of " + ErrorMapper.where(request)
          + " carries no server time", "$", null);
    }
    return serverTime;
  }
}
