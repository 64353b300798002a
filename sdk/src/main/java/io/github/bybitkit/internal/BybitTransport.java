package io.github.bybitkit.internal;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.OperationInfo;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.BybitDecodingException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTimestampException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.RateLimit;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.internal.RetryRules.Action;
import io.github.bybitkit.internal.RetryRules.Decision;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Runs generated Retrofit calls: unwraps the envelope, records the rate-limit state, and tries again when {@link
 * RetryRules} say so (after a resync of the clock on 10002). Failures become BybitKit's exceptions ({@link
 * ErrorMapper}). The async form completes with the same exceptions (not wrapped), and cancelling its future cancels
 * the HTTP call in flight and any retry. After {@link #close()} every call fails before anything is sent. Thread-safe.
 */
public final class BybitTransport {
  private static final String CLOSED = "BybitClient is closed";

  private final Retrofit retrofit;
  private final ServerClock clock;
  private final RateLimits rateLimits;
  private final Sleeper sleeper;
  private final ErrorMapper errors;
  private final RetryRules retryRules;
  private final ServerTimeSync timeSync;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  /**
   * @param moshi the lenient Moshi, for reading error bodies and the server time
   * @param timeSync whether a 10002 triggers a resync and one more attempt
   * @param release frees the HTTP resources the client created; run once, by the first {@link #close()}
   */
  public BybitTransport(Retrofit retrofit, Moshi moshi, Redactor redactor, ServerClock clock, boolean timeSync,
      RetryPolicy retry, RateLimits rateLimits, Sleeper sleeper, Runnable release) {
    this.retrofit = retrofit;
    this.clock = clock;
    this.rateLimits = rateLimits;
    this.sleeper = sleeper;
    this.errors = new ErrorMapper(moshi, redactor);
    this.retryRules = new RetryRules(retry, timeSync, clock::millis, () -> ThreadLocalRandom.current().nextDouble());
    this.timeSync = new ServerTimeSync(retrofit.baseUrl(), retrofit.callFactory(), clock, errors, rateLimits);
    this.release = release;
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

  /**
   * Measures the offset to Bybit's clock with the envelope's server-time operation and uses it for the timestamps
   * of later requests.
   *
   * @return how far Bybit's clock is ahead of the local one
   */
  public Duration syncTime(EnvelopeKind kind) {
    ensureOpen();
    return timeSync.sync(kind);
  }

  /**
   * Refuses every later call and retry, then runs the release action (once, however often this is called). Calls
   * already sent finish or fail on their own.
   */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(CLOSED);
    }
  }

  /** The failure of a retry that the client's closing stopped; the failure before it is attached. */
  private static IllegalStateException closedBeforeRetry(BybitException previous) {
    IllegalStateException closedError = new IllegalStateException(CLOSED + "; the failed request was not retried");
    closedError.addSuppressed(previous);
    return closedError;
  }

  // ------------------------------------------------------------------ sync

  public <T> T execute(Call<? extends Envelope<T>> call) {
    return executeEnvelope(call).result();
  }

  /** Runs a call of a server-time operation and returns the time its envelope carries. */
  public Instant executeServerTime(Call<? extends Envelope<?>> call) {
    return ServerTimeSync.serverTimeOf(Endpoints.of(call.request()).operationId(), call.request(),
        executeEnvelope(call));
  }

  private <E extends Envelope<?>> E executeEnvelope(Call<? extends E> call) {
    ensureOpen();
    String operation = operationOf(call.request());
    // The retry state is made at the first failure: a call that succeeds first time allocates none.
    Attempts attempts = null;
    Call<? extends E> current = call;
    while (true) {
      try {
        Duration wait = throttle(operation);
        if (!wait.isZero()) {
          sleep(wait, null);
        }
        applyTimeout(current);
        return executeOnce(current, operation);
      } catch (BybitException e) {
        if (attempts == null) {
          attempts = new Attempts(call.request());
        }
        Duration retryAfter = attempts.retryAfter(e, Thread.currentThread().isInterrupted());
        if (retryAfter == null) {
          throw e;
        }
        sleep(retryAfter, e);
        if (closed.get()) {
          throw closedBeforeRetry(e);
        }
        current = current.clone();
      }
    }
  }

  private <E extends Envelope<?>> E executeOnce(Call<? extends E> call, String operation) {
    Response<? extends E> response;
    try {
      response = call.execute();
    } catch (SigningException e) {
      throw e.unchecked();
    } catch (IOException e) {
      throw errors.transportFailure(operation, call.request(), e);
    }
    return unwrap(operation, call.request(), response);
  }

  /** The operation id of a request made through a generated interface, or null. */
  private static String operationOf(Request request) {
    BybitEndpoint endpoint = Endpoints.of(request);
    return endpoint == null ? null : endpoint.operationId();
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
    return start(call, envelope -> ServerTimeSync.serverTimeOf(Endpoints.of(call.request()).operationId(),
        call.request(), envelope));
  }

  private <E extends Envelope<?>, R> CompletableFuture<R> start(Call<? extends E> call,
      Function<? super E, ? extends R> mapper) {
    ensureOpen();
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
        wait = throttle(attempts.operation);
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
            failed(c, errors.transportFailure(attempts.operation, c.request(), io));
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
      if (e instanceof BybitTimestampException && attempts.decide(e, false).action() == Action.RESYNC_THEN_RETRY) {
        // The resync is a blocking request: not on OkHttp's callback thread.
        later(Duration.ZERO).execute(() -> decide(call, e));
      } else {
        decide(call, e);
      }
    }

    private void decide(Call<? extends E> call, BybitException e) {
      Duration retryAfter;
      try {
        retryAfter = attempts.retryAfter(e, false);
      } catch (RuntimeException unexpected) {
        future.completeExceptionally(unexpected);
        return;
      }
      if (retryAfter == null || future.isDone()) {
        future.completeExceptionally(e);
        return;
      }
      Call<? extends E> next = call.clone();
      later(retryAfter).execute(() -> {
        if (closed.get()) {
          future.completeExceptionally(closedBeforeRetry(e));
        } else {
          send(next);
        }
      });
    }
  }

  private static Executor later(Duration wait) {
    return CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------------ attempts

  /** The retry state of one call: what it is, how often it was tried, whether the clock was resynced. */
  private final class Attempts {
    final String operation;
    final String method;
    final EnvelopeKind kind;
    int attempt = 1;
    boolean resynced;

    Attempts(Request request) {
      BybitEndpoint endpoint = Endpoints.of(request);
      this.operation = endpoint == null ? null : endpoint.operationId();
      this.kind = endpoint == null ? EnvelopeKind.V5 : endpoint.envelope();
      this.method = request.method();
    }

    Decision decide(BybitException failure, boolean callerInterrupted) {
      return retryRules.decide(method, attempt, resynced, callerInterrupted, failure);
    }

    /** How long to wait before the next attempt, or null to give up with {@code failure}; resyncs when told to. */
    Duration retryAfter(BybitException failure, boolean callerInterrupted) {
      if (closed.get()) {
        throw closedBeforeRetry(failure);
      }
      Decision decision = decide(failure, callerInterrupted);
      switch (decision.action()) {
        case RESYNC_THEN_RETRY:
          resynced = true;
          try {
            timeSync.sync(kind);
          } catch (BybitException syncFailure) {
            failure.addSuppressed(syncFailure);
            return null;
          }
          return decision.delay();
        case RETRY:
          attempt++;
          return decision.delay();
        default:
          return null;
      }
    }
  }

  private Duration throttle(String operation) {
    if (!rateLimits.limiterEnabled()) {
      return Duration.ZERO; // nothing to count or wait for, and no clock to read
    }
    Duration wait = rateLimits.acquire(operation, clock.millis());
    if (wait.compareTo(rateLimits.maxWait()) > 0) {
      RateLimit state = rateLimits.get(operation);
      throw new BybitRateLimitException(operation, "not sent: the rate limit leaves "
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

  // ------------------------------------------------------------------ responses

  private <E extends Envelope<?>> E unwrap(String operation, Request request, Response<? extends E> response) {
    if (!response.isSuccessful()) {
      Instant observedAt = clock.localClock().instant();
      Headers headers = response.headers();
      BybitException failure = errors.httpFailure(operation, request, response.code(),
          ErrorBody.read(response.errorBody()), headers, observedAt);
      rateLimits.record(operation, ErrorMapper.rateLimitAfter(failure, headers, observedAt));
      throw failure;
    }
    E envelope = response.body();
    if (envelope == null) {
      throw new BybitDecodingException(operation, "empty response from " + ErrorMapper.where(request), "$", null);
    }
    // The clock is read only when there is a state to stamp (most public calls have none).
    RateLimit state = RateLimits.fromHeaders(response.headers(), clock.localClock());
    if (state == null && envelope instanceof V2Response<?> v2) {
      state = RateLimits.fromV2(v2, clock.localClock());
    }
    rateLimits.record(operation, state);
    if (envelope.retCode() != 0) {
      throw errors.apiError(operation, envelope.retCode(), envelope.retMsg(), response.code(), state);
    }
    return envelope;
  }
}
