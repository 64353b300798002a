package io.github.bybitkit.internal;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RateLimit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Request;
import okio.Buffer;
import okio.ByteString;

/**
 * Turns a failed exchange into its {@link BybitException}: a non-zero return code, a non-2xx response (with or without
 * a Bybit envelope in its body), an I/O failure. Pure: it reads nothing from the network and records nothing; what it
 * puts in a message is redacted. Thread-safe.
 */
final class ErrorMapper {
  private static final int BODY_PREVIEW_CHARS = 200;

  private final Moshi moshi;
  private final Redactor redactor;

  /** @param moshi the lenient Moshi: error bodies and the server time need no strictness */
  ErrorMapper(Moshi moshi, Redactor redactor) {
    this.moshi = moshi;
    this.redactor = redactor;
  }

  /** The exception of a non-zero return code ({@link ApiErrors}), with Bybit's message redacted. */
  BybitException apiError(String operation, int retCode, String retMsg, int httpStatus, RateLimit rateLimit) {
    return ApiErrors.of(operation, retCode, redactor.redact(retMsg), httpStatus, rateLimit);
  }

  /**
   * A non-2xx response: a Bybit envelope with a non-zero code in it becomes the API exception of that code; otherwise
   * 403 and 429 are rate limits and anything else an HTTP failure with a redacted preview of the body.
   *
   * @param operation the operation id, or null for a request not made through a generated interface
   * @param observedAt when the response arrived, for the rate-limit state
   */
  BybitException httpFailure(String operation, Request request, int status, ErrorBody body, Headers headers,
      Instant observedAt) {
    RateLimit state = RateLimits.fromHeaders(headers, observedAt);
    OperationInfo op = operation == null ? null : BybitOperations.byId(operation);
    if (op != null && body.bytes().size() > 0) {
      try {
        Envelope<?> envelope = decodeEnvelope(op, new Buffer().write(body.bytes()));
        if (envelope.retCode() != 0) {
          if (state == null && envelope instanceof V2Response<?> v2) {
            state = RateLimits.fromV2(v2, observedAt);
          }
          return apiError(operation, envelope.retCode(), envelope.retMsg(), status, state);
        }
      } catch (BybitDecodingException notAnEnvelope) {
        // An error page of a proxy or CDN: reported below with its preview.
      }
    }
    String contentType = body.contentType();
    String preview = preview(body.bytes());
    String described = "HTTP " + status + " from " + where(request)
        + (contentType == null ? "" : " (" + contentType + ")") + (preview.isEmpty() ? "" : ": " + preview);
    if (status == 403 || status == 429) {
      Instant resetAt = state == null ? null : state.resetAt();
      String why = status == 403 ? "access denied; Bybit answers 403 when the IP rate limit is exceeded and bans"
          + " the IP for minutes" : "too many requests";
      return new BybitRateLimitException(operation, described + " [" + why + "]", null, null, status, resetAt,
          state);
    }
    return new BybitHttpException(operation, described, status, contentType, preview);
  }

  /**
   * The rate-limit state to record for the operation after {@code failure}: the one the exception carries, or else
   * the one in the response's headers.
   */
  static RateLimit rateLimitAfter(BybitException failure, Headers headers, Instant observedAt) {
    if (failure instanceof BybitApiException api && api.rateLimit().isPresent()) {
      return api.rateLimit().get();
    }
    if (failure instanceof BybitRateLimitException limited && limited.rateLimit().isPresent()) {
      return limited.rateLimit().get();
    }
    return RateLimits.fromHeaders(headers, observedAt);
  }

  BybitTransportException transportFailure(String operation, Request request, IOException e) {
    String kind = e instanceof InterruptedIOException ? "timed out" : "failed";
    return new BybitTransportException(operation, where(request) + " " + kind + ": "
        + redactor.redact(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")",
        redactor.redact(e));
  }

  /** A whole body read as the operation's envelope, leniently. */
  Envelope<?> decodeEnvelope(OperationInfo op, Buffer bytes) {
    return (Envelope<?>) BybitConverterFactory.decode(op, BybitConverterFactory.envelopeAdapter(op, moshi, false),
        bytes, redactor);
  }

  private String preview(ByteString bytes) {
    // Redact all that was read (at most ErrorBody.LIMIT) before shortening, so no cut comes first that could leave
    // part of a key or signature unrecognised; the final cut keeps letter-or-digit runs whole.
    String text = redactor.redact(bytes.utf8()).replaceAll("\\s+", " ").strip();
    return Redactor.shorten(text, BODY_PREVIEW_CHARS);
  }

  /** Method and path only: the query of a v2 request carries the API key and the signature. */
  static String where(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
