package io.github.bybitkit.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.internal.auth.SigningException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Runs generated Retrofit calls: unwraps the envelope, turns a non-zero return code into {@link BybitApiException}
 * and every other failure into {@link BybitException}. The async form completes with the same exceptions (not
 * wrapped), and cancelling its future cancels the HTTP call. Thread-safe.
 */
public final class BybitTransport {
  private static final int BODY_PREVIEW_CHARS = 200;
  /** 64 hex digits: the form of every v2 and v5 signature (HMAC-SHA256). */
  private static final Pattern SIGNATURE = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");

  private final Retrofit retrofit;
  private final Credentials credentials;

  /**
   * @param credentials the credentials the client signs with, so that error messages can leave them out; null when
   *     there are none
   */
  public BybitTransport(Retrofit retrofit, Credentials credentials) {
    this.retrofit = retrofit;
    this.credentials = credentials;
  }

  public <T> T create(Class<T> retrofitInterface) {
    return retrofit.create(retrofitInterface);
  }

  public <T> T execute(Call<? extends Envelope<T>> call) {
    String operation = operationId(call);
    Response<? extends Envelope<T>> response;
    try {
      response = call.execute();
    } catch (SigningException e) {
      throw e.unchecked();
    } catch (IOException | JsonDataException e) {
      throw failure(operation, call, e);
    }
    return unwrap(operation, call, response);
  }

  public <T> CompletableFuture<T> executeAsync(Call<? extends Envelope<T>> call) {
    return executeAsync(call, Function.identity());
  }

  /**
   * Like {@link #executeAsync(Call)}, with the result shaped by {@code mapper} inside the same future, so the caller
   * still gets BybitKit's exceptions unwrapped and cancelling still cancels the HTTP call.
   */
  public <T, R> CompletableFuture<R> executeAsync(Call<? extends Envelope<T>> call,
      Function<? super T, ? extends R> mapper) {
    String operation = operationId(call);
    CompletableFuture<R> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        // Cancel the future first: cancelling the call makes OkHttp fail it on another thread, which would
        // otherwise complete the future with a transport error before it is marked cancelled.
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        call.cancel();
        return cancelled;
      }
    };
    enqueue(call, operation, mapper, future);
    return future;
  }

  // Separate method so the wildcard capture gives Callback a concrete type.
  private <T, R, E extends Envelope<T>> void enqueue(Call<E> call, String operation,
      Function<? super T, ? extends R> mapper, CompletableFuture<R> future) {
    call.enqueue(new Callback<E>() {
      @Override
      public void onResponse(Call<E> c, Response<E> response) {
        try {
          future.complete(mapper.apply(unwrap(operation, c, response)));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<E> c, Throwable t) {
        if (t instanceof SigningException s) {
          future.completeExceptionally(s.unchecked());
        } else if (t instanceof IOException || t instanceof JsonDataException) {
          future.completeExceptionally(failure(operation, c, t));
        } else {
          future.completeExceptionally(t);
        }
      }
    });
  }

  private <T> T unwrap(String operation, Call<?> call, Response<? extends Envelope<T>> response) {
    if (!response.isSuccessful()) {
      throw new BybitException(operation, "HTTP " + response.code() + " from " + where(call) + bodyPreview(response));
    }
    Envelope<T> envelope = response.body();
    if (envelope == null) {
      throw new BybitException(operation, "empty response from " + where(call));
    }
    if (envelope.retCode() != 0) {
      throw new BybitApiException(operation, envelope.retCode(), envelope.retMsg());
    }
    return envelope.result();
  }

  private static BybitException failure(String operation, Call<?> call, Throwable e) {
    if (e instanceof JsonDataException || e instanceof JsonEncodingException) {
      return new BybitException(operation, "cannot read the response of " + where(call) + ": " + e.getMessage(), e);
    }
    return new BybitException(operation, "request to " + where(call) + " failed: " + e, e);
  }

  /** Method and path only: the query of a v2 request carries the API key and the signature. */
  private static String where(Call<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }

  private String bodyPreview(Response<?> response) {
    try (ResponseBody error = response.errorBody()) {
      if (error == null) {
        return "";
      }
      String type = error.contentType() == null ? "" : " (" + error.contentType() + ")";
      BufferedSource source = error.source();
      source.request(BODY_PREVIEW_CHARS * 4L);
      String text = source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), BODY_PREVIEW_CHARS * 4L));
      // Redact before shortening, so a cut cannot leave part of a key or signature unrecognised.
      text = redact(text).replaceAll("\\s+", " ").strip();
      text = text.length() > BODY_PREVIEW_CHARS ? text.substring(0, BODY_PREVIEW_CHARS) + "..." : text;
      return type + ": " + text;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Error pages of proxies and firewalls may quote the refused request, whose query, body or headers carry the API
   * key and the signature: neither may reach an exception message.
   */
  private String redact(String text) {
    if (credentials != null) {
      text = text.replace(credentials.apiSecret(), "***")
          .replace(credentials.apiKey(), credentials.redactedApiKey());
    }
    return SIGNATURE.matcher(text).replaceAll("<signature>");
  }

  private static String operationId(Call<?> call) {
    BybitEndpoint endpoint = Endpoints.of(call.request());
    return endpoint == null ? null : endpoint.operationId();
  }
}
