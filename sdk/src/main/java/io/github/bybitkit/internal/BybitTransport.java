package io.github.bybitkit.internal;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.OperationInfo;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTimestampException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RateLimit;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.internal.auth.SigningException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Runs generated Retrofit calls: unwraps the envelope, turns every failure into its {@link BybitException} type,
 * records the rate-limit state, and retries what is safe to retry (see {@link RetryPolicy}): on 10002 it
 * resynchronises the clock and tries once more. The async form completes with the same exceptions (not wrapped),
 * and cancelling its future cancels the HTTP call in flight and any retry. Thread-safe.
 */
public final class BybitTransport {
  private static final int BODY_PREVIEW_CHARS = 200;
  private static final long ERROR_BODY_LIMIT = 64 * 1024;

  private final Retrofit retrofit;
  private final Moshi moshi;
  private final Redactor redactor;
  private final ServerClock clock;
  private final boolean timeSync;
  private final RetryPolicy retry;
  private final RateLimits rateLimits;
  private final Sleeper sleeper;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  /**
   * @param moshi the lenient Moshi, for reading error bodies and the server time
   * @param timeSync whether a 10002 triggers a resync and one more attempt
   */
  public BybitTransport(Retrofit retrofit, Moshi moshi, Redactor redactor, ServerClock clock, boolean timeSync,
      RetryPolicy retry, RateLimits rateLimits, Sleeper sleeper) {
    this.retrofit = retrofit;
    this.moshi = moshi;
    this.redactor = redactor;
    this.clock = clock;
    this.timeSync = timeSync;
    this.retry = retry;
    this.rateLimits = rateLimits;
    this.sleeper = sleeper;
  }

  /** The Retrofit implementation of a generated interface; one per interface, shared by all client views. */
  public <T> T create(Class<T> retrofitInterface) {
    return retrofitInterface.cast(apis.computeIfAbsent(retrofitInterface, retrofit::create));
  }

  public RateLimits rateLimits() {
    return rateLimits;
  }

  public ServerClock clock() {
    return clock;
  }

  // ------------------------------------------------------------------ sync

  public <T> T execute(Call<? extends Envelope<T>> call) {
    return executeEnvelope(call).result();
  }

  /** Runs a call of a server-time operation and returns the time its envelope carries. */
  public Instant executeServerTime(Call<? extends Envelope<?>> call) {
    return serverTimeOf(Endpoints.of(call.request()).operationId(), call.request(), executeEnvelope(call));
  }

  private <E extends Envelope<?>> E executeEnvelope(Call<? extends E> call) {
    Attempts attempts = new Attempts(call.request());
    Call<? extends E> current = call;
    while (true) {
      try {
        Duration wait = throttle(attempts);
        if (!wait.isZero()) {
          sleep(wait, null);
        }
        applyTimeout(current);
        return executeOnce(current, attempts);
      } catch (BybitException e) {
        // An interrupted caller wants to stop, not to wait for another attempt.
        Duration retryAfter = Thread.currentThread().isInterrupted() ? null : attempts.retryAfter(e);
        if (retryAfter == null) {
          throw e;
        }
        sleep(retryAfter, e);
        current = current.clone();
      }
    }
  }

  private <E extends Envelope<?>> E executeOnce(Call<? extends E> call, Attempts attempts) {
    Response<? extends E> response;
    try {
      response = call.execute();
    } catch (SigningException e) {
      throw e.unchecked();
    } catch (IOException e) {
      throw transportFailure(attempts.operation, call.request(), e);
    }
    return unwrap(attempts.operation, call.request(), response);
  }

  private void sleep(Duration wait, BybitException cause) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      BybitTransportException interrupted = new BybitTransportException(null,
          "interrupted while waiting " + wait.toMillis() + " ms to send the request", e);
      if (cause != null) {
        interrupted.addSuppressed(cause);
      }
      throw interrupted;
    }
  }

  // ------------------------------------------------------------------ async

  public <T> CompletableFuture<T> executeAsync(Call<? extends Envelope<T>> call) {
    return executeAsync(call, Function.identity());
  }

  /**
   * Like {@link #executeAsync(Call)}, with the result shaped by {@code mapper} inside the same future, so the caller
   * still gets BybitKit's exceptions unwrapped and cancelling still cancels the HTTP call.
   */
  public <T, R> CompletableFuture<R> executeAsync(Call<? extends Envelope<T>> call,
      Function<? super T, ? extends R> mapper) {
    return start(call, envelope -> mapper.apply(envelope.result()));
  }

  public CompletableFuture<Instant> executeServerTimeAsync(Call<? extends Envelope<?>> call) {
    return start(call, envelope -> serverTimeOf(Endpoints.of(call.request()).operationId(), call.request(),
        envelope));
  }

  private <E extends Envelope<?>, R> CompletableFuture<R> start(Call<? extends E> call,
      Function<? super E, ? extends R> mapper) {
    AtomicReference<Call<?>> inFlight = new AtomicReference<>(call);
    CompletableFuture<R> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        // Mark the future first: cancelling the call makes OkHttp fail it on another thread, which would
        // otherwise complete the future with a transport error before it is marked cancelled.
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        inFlight.get().cancel();
        return cancelled;
      }
    };
    new AsyncAttempt<>(new Attempts(call.request()), mapper, future, inFlight).send(call);
    return future;
  }

  /** One async call across its attempts; each attempt is enqueued, waits run on a delayed executor. */
  private final class AsyncAttempt<E extends Envelope<?>, R> {
    private final Attempts attempts;
    private final Function<? super E, ? extends R> mapper;
    private final CompletableFuture<R> future;
    private final AtomicReference<Call<?>> inFlight;

    AsyncAttempt(Attempts attempts, Function<? super E, ? extends R> mapper, CompletableFuture<R> future,
        AtomicReference<Call<?>> inFlight) {
      this.attempts = attempts;
      this.mapper = mapper;
      this.future = future;
      this.inFlight = inFlight;
    }

    void send(Call<? extends E> call) {
      Duration wait;
      try {
        wait = throttle(attempts);
      } catch (BybitException e) {
        future.completeExceptionally(e);
        return;
      }
      if (!wait.isZero()) {
        later(wait).execute(() -> enqueue(call));
      } else {
        enqueue(call);
      }
    }

    private void enqueue(Call<? extends E> call) {
      inFlight.set(call);
      if (future.isDone()) {
        call.cancel();
        return;
      }
      applyTimeout(call);
      enqueueTyped(call);
    }

    // Separate method so the wildcard capture gives Callback a concrete type.
    private <C extends E> void enqueueTyped(Call<C> call) {
      call.enqueue(new Callback<C>() {
        @Override
        public void onResponse(Call<C> c, Response<C> response) {
          R result;
          try {
            result = mapper.apply(unwrap(attempts.operation, c.request(), response));
          } catch (BybitException e) {
            failed(c, e);
            return;
          } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return;
          }
          future.complete(result);
        }

        @Override
        public void onFailure(Call<C> c, Throwable t) {
          if (t instanceof SigningException s) {
            future.completeExceptionally(s.unchecked());
          } else if (t instanceof IOException io) {
            failed(c, transportFailure(attempts.operation, c.request(), io));
          } else if (t instanceof BybitException b) {
            failed(c, b);
          } else {
            future.completeExceptionally(t);
          }
        }
      });
    }

    private void failed(Call<? extends E> call, BybitException e) {
      if (future.isDone()) {
        return;
      }
      if (e instanceof BybitTimestampException && attempts.mayResync()) {
        // The resync is a blocking request: not on OkHttp's callback thread.
        later(Duration.ZERO).execute(() -> decide(call, e));
      } else {
        decide(call, e);
      }
    }

    private void decide(Call<? extends E> call, BybitException e) {
      Duration retryAfter;
      try {
        retryAfter = attempts.retryAfter(e);
      } catch (RuntimeException unexpected) {
        future.completeExceptionally(unexpected);
        return;
      }
      if (retryAfter == null || future.isDone()) {
        future.completeExceptionally(e);
        return;
      }
      Call<? extends E> next = call.clone();
      later(retryAfter).execute(() -> send(next));
    }
  }

  private static Executor later(Duration wait) {
    return CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------------ attempts and retry rules

  /** The retry state of one call: what it is, how often it was tried, whether the clock was resynced. */
  private final class Attempts {
    final String operation;
    final boolean idempotent;
    final EnvelopeKind kind;
    int attempt = 1;
    boolean resynced;

    Attempts(Request request) {
      BybitEndpoint endpoint = Endpoints.of(request);
      this.operation = endpoint == null ? null : endpoint.operationId();
      this.kind = endpoint == null ? EnvelopeKind.V5 : endpoint.envelope();
      this.idempotent = request.method().equals("GET");
    }

    boolean mayResync() {
      return timeSync && !resynced;
    }

    /** How long to wait before the next attempt, or null to give up with {@code failure}. */
    Duration retryAfter(BybitException failure) {
      if (failure instanceof BybitTimestampException) {
        // Rejected before execution: safe to repeat once, POST included, with a corrected timestamp.
        if (!mayResync()) {
          return null;
        }
        resynced = true;
        try {
          syncTime(kind);
        } catch (BybitException syncFailure) {
          failure.addSuppressed(syncFailure);
          return null;
        }
        return Duration.ZERO;
      }
      if (attempt >= retry.maxAttempts()) {
        return null;
      }
      Duration wait = null;
      if (failure instanceof BybitRateLimitException limited && isRejectedRateLimit(limited)) {
        long untilReset = limited.resetAt().get().toEpochMilli() - clock.millis();
        if (untilReset <= retry.maxRateLimitWait().toMillis()) {
          wait = Duration.ofMillis(Math.max(0, untilReset));
        }
      } else if (idempotent && isTransient(failure)) {
        wait = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
      }
      if (wait != null) {
        attempt++;
      }
      return wait;
    }
  }

  /** 10006 with a known reset: Bybit refused the request before executing it. */
  private static boolean isRejectedRateLimit(BybitRateLimitException e) {
    return e.retCode().isPresent() && e.retCode().getAsInt() == ApiErrors.RATE_LIMIT && e.resetAt().isPresent();
  }

  /** Failures after which a GET may simply be tried again. */
  private static boolean isTransient(BybitException e) {
    return e instanceof BybitTransportException
        || e instanceof BybitHttpException http && http.isServerError()
        || e instanceof BybitRateLimitException limited && limited.httpStatus() == 429
        || e instanceof io.github.bybitkit.BybitApiException api && api.retCode() == ApiErrors.SERVER_ERROR;
  }

  private Duration throttle(Attempts attempts) {
    Duration wait = rateLimits.acquire(attempts.operation, clock.millis());
    if (wait.compareTo(rateLimits.maxWait()) > 0) {
      RateLimit state = rateLimits.get(attempts.operation);
      throw new BybitRateLimitException(attempts.operation, "not sent: the rate limit leaves "
          + state.remaining() + " requests until " + state.resetAt() + ", " + wait.toMillis()
          + " ms away, longer than the limiter may wait (" + rateLimits.maxWait().toMillis() + " ms)",
          null, null, 0, state.resetAt(), state);
    }
    return wait;
  }

  private static void applyTimeout(Call<?> call) {
    RequestOptions options = call.request().tag(RequestOptions.class);
    if (options != null && options.timeout().isPresent()) {
      call.timeout().timeout(options.timeout().get().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  // ------------------------------------------------------------------ time sync

  /**
   * Measures the offset to Bybit's clock with the envelope's server-time operation and uses it for the timestamps
   * of later requests.
   *
   * @return how far Bybit's clock is ahead of the local one
   */
  public Duration syncTime(EnvelopeKind kind) {
    OperationInfo op = BybitOperations.all().stream()
        .filter(o -> o.serverClock() && o.envelope() == kind)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the spec has no server-time operation for " + kind));
    HttpUrl url = retrofit.baseUrl().resolve(op.path().substring(1));
    Request request = new Request.Builder().url(url).get().build();
    long sent = clock.localClock().millis();
    try (okhttp3.Response response = retrofit.callFactory().newCall(request).execute()) {
      long received = clock.localClock().millis();
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw httpFailure(op.operationId(), request, response.code(), body, response.headers(), null);
      }
      Envelope<?> envelope = decodeEnvelope(op, BybitConverterFactory.readBounded(op, body.source()));
      if (envelope.retCode() != 0) {
        throw ApiErrors.of(op.operationId(), envelope.retCode(), redactor.redact(envelope.retMsg()),
            response.code(), null);
      }
      return clock.record(serverTimeOf(op.operationId(), request, envelope).toEpochMilli(), sent, received);
    } catch (IOException e) {
      throw transportFailure(op.operationId(), request, e);
    }
  }

  /** A whole body read as the operation's envelope, leniently: error bodies and the clock need no strictness. */
  private Envelope<?> decodeEnvelope(OperationInfo op, Buffer bytes) {
    return (Envelope<?>) BybitConverterFactory.decode(op, BybitConverterFactory.envelopeAdapter(op, moshi, false),
        bytes, redactor);
  }

  private static Instant serverTimeOf(String operation, Request request, Envelope<?> envelope) {
    Instant serverTime;
    try {
      serverTime = envelope.serverTime();
    } catch (RuntimeException malformed) {
      // A time_now such as "" or "15{7444332.1" decodes as a string; it only fails when read as a time.
      String path = envelope instanceof V2Response<?> ? "$.time_now" : "$.time";
      throw new BybitDecodingException(operation, "the response of " + where(request)
          + " carries a server time that is not a valid time at " + path + " (the value is not quoted: it comes"
          + " from the network)", path, null);
    }
    if (serverTime == null) {
      throw new BybitDecodingException(operation, "the response of " + where(request) + " carries no server time",
          "$", null);
    }
    return serverTime;
  }

  // ------------------------------------------------------------------ responses and failures

  private <E extends Envelope<?>> E unwrap(String operation, Request request, Response<? extends E> response) {
    Instant observedAt = clock.localClock().instant();
    if (!response.isSuccessful()) {
      throw httpFailure(operation, request, response.code(), response.errorBody(), response.headers(), observedAt);
    }
    E envelope = response.body();
    if (envelope == null) {
      throw new BybitDecodingException(operation, "empty response from " + where(request), "$", null);
    }
    RateLimit state = rateLimitOf(envelope, response.headers(), observedAt);
    rateLimits.record(operation, state);
    if (envelope.retCode() != 0) {
      throw ApiErrors.of(operation, envelope.retCode(), redactor.redact(envelope.retMsg()), response.code(), state);
    }
    return envelope;
  }

  private static RateLimit rateLimitOf(Envelope<?> envelope, Headers headers, Instant observedAt) {
    RateLimit fromHeaders = RateLimits.fromHeaders(headers, observedAt);
    if (fromHeaders != null) {
      return fromHeaders;
    }
    return envelope instanceof V2Response<?> v2 ? RateLimits.fromV2(v2, observedAt) : null;
  }

  /**
   * A non-2xx response: a Bybit envelope in it becomes the API exception of its code; otherwise 403 and 429 are rate
   * limits and anything else an HTTP failure with a redacted preview of the body.
   */
  private BybitException httpFailure(String operation, Request request, int status, ResponseBody body,
      Headers headers, Instant observedAt) {
    String contentType = null;
    Buffer bytes = new Buffer();
    if (body != null) {
      try (body) {
        MediaType type = body.contentType();
        contentType = type == null ? null : type.toString();
        BufferedSource source = body.source();
        source.request(ERROR_BODY_LIMIT);
        bytes.write(source.getBuffer(), Math.min(source.getBuffer().size(), ERROR_BODY_LIMIT));
      } catch (IOException | RuntimeException e) {
        // Keep what was read; the status says enough.
      }
    }
    RateLimit state = RateLimits.fromHeaders(headers, observedAt == null ? clock.localClock().instant() : observedAt);
    OperationInfo op = operation == null ? null : BybitOperations.byId(operation);
    if (op != null && bytes.size() > 0) {
      try {
        Envelope<?> envelope = decodeEnvelope(op, bytes.copy());
        if (envelope.retCode() != 0) {
          if (state == null) {
            state = rateLimitOf(envelope, headers, observedAt);
          }
          rateLimits.record(operation, state);
          return ApiErrors.of(operation, envelope.retCode(), redactor.redact(envelope.retMsg()), status, state);
        }
      } catch (BybitDecodingException notAnEnvelope) {
        // An error page of a proxy or CDN: reported below with its preview.
      }
    }
    rateLimits.record(operation, state);
    String preview = preview(bytes);
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

  private String preview(Buffer bytes) {
    // Redact all that was read (at most ERROR_BODY_LIMIT) before shortening, so no cut comes first that could
    // leave part of a key or signature unrecognised; the final cut keeps letter-or-digit runs whole.
    String text = bytes.snapshot().utf8();
    text = redactor.redact(text).replaceAll("\\s+", " ").strip();
    return Redactor.shorten(text, BODY_PREVIEW_CHARS);
  }

  private BybitTransportException transportFailure(String operation, Request request, IOException e) {
    String kind = e instanceof java.io.InterruptedIOException ? "timed out" : "failed";
    return new BybitTransportException(operation, where(request) + " " + kind + ": "
        + redactor.redact(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName() + ")",
        redactor.redact(e));
  }

  /** Method and path only: the query of a v2 request carries the API key and the signature. */
  private static String where(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
