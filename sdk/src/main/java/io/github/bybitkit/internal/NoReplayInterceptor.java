package io.github.bybitkit.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Adds BybitKit's User-Agent, and marks the body of every non-GET request as one-shot. OkHttp silently sends a
 * request again when a pooled connection fails, even if the first copy may have reached the server; for a one-shot
 * body it does so only when nothing was sent yet. That keeps a POST (a trade, a margin change) from running twice.
 * Install after the signing interceptor, so it wraps the body that is actually sent.
 */
public final class NoReplayInterceptor implements Interceptor {
  private final String userAgent;

  public NoReplayInterceptor(String userAgent) {
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder out = request.newBuilder();
    if (request.header("User-Agent") == null) {
      out.header("User-Agent", userAgent);
    }
    RequestBody body = request.body();
    if (body != null && !request.method().equals("GET") && !body.isOneShot()) {
      Buffer bytes = new Buffer();
      body.writeTo(bytes);
      out.method(request.method(), new OneShotBody(bytes.readByteArray(), body.contentType()));
    }
    return chain.proceed(out.build());
  }

  /** A fully buffered body that tells OkHttp not to transmit it twice. */
  static final class OneShotBody extends RequestBody {
    private final byte[] bytes;
    private final MediaType contentType;

    OneShotBody(byte[] bytes, MediaType contentType) {
      this.bytes = bytes;
      this.contentType = contentType;
    }

    @Override
    public MediaType contentType() {
      return contentType;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }
}
