package io.github.bybitkit.internal;

import io.github.bybitkit.HttpLogLevel;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Logs each HTTP exchange at {@code DEBUG} through {@link System.Logger}, as much as the {@link HttpLogLevel} says,
 * with every credential redacted. Install after the signing interceptor, so the log shows what is sent.
 */
public final class HttpLogger implements Interceptor {
  private static final long BODY_LOG_LIMIT = 16 * 1024;

  private final HttpLogLevel level;
  private final Logger logger;
  private final Redactor redactor;

  public HttpLogger(HttpLogLevel level, Logger logger, Redactor redactor) {
    this.level = level;
    this.logger = logger;
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE || !logger.isLoggable(Level.DEBUG)) {
      return chain.proceed(request);
    }
    BybitEndpoint endpoint = Endpoints.of(request);
    String operation = endpoint == null ? "-" : endpoint.operationId();
    String target = level == HttpLogLevel.BASIC ? request.url().encodedPath()
        : redactor.redact(request.url().encodedPath()
            + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery()));
    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(target)
        .append(" [").append(operation).append(']');
    if (level != HttpLogLevel.BASIC) {
      appendHeaders(out, request.headers());
    }
    if (level == HttpLogLevel.BODY && request.body() != null) {
      out.append('\n').append(bodyText(request.body()));
    }
    logger.log(Level.DEBUG, out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      logger.log(Level.DEBUG, "<-- " + request.method() + " " + request.url().encodedPath() + " [" + operation
          + "] failed: " + e.getClass().getSimpleName() + ": " + redactor.redact(String.valueOf(e.getMessage())));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ').append(request.method())
        .append(' ').append(request.url().encodedPath()).append(" [").append(operation).append("] ")
        .append(millis).append(" ms");
    if (level != HttpLogLevel.BASIC) {
      appendHeaders(in, response.headers());
    }
    if (level == HttpLogLevel.BODY) {
      ResponseBody peeked = response.peekBody(BODY_LOG_LIMIT);
      in.append('\n').append(redactor.redact(peeked.string()));
    }
    logger.log(Level.DEBUG, in.toString());
    return response;
  }

  private void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      out.append('\n').append(headers.name(i)).append(": ")
          .append(redactor.redactHeader(headers.name(i), headers.value(i)));
    }
  }

  private String bodyText(RequestBody body) throws IOException {
    if (body.isDuplex()) {
      return "(duplex body not logged)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    long size = buffer.size();
    String text = buffer.readString(Math.min(size, BODY_LOG_LIMIT), StandardCharsets.UTF_8);
    return redactor.redact(text) + (size > BODY_LOG_LIMIT ? "... (" + size + " bytes)" : "");
  }
}
