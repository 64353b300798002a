package io.github.bybitkit.internal.auth;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.internal.Checks;
import io.github.bybitkit.internal.Endpoints;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.metadata.ParameterInfo;
import io.github.bybitkit.internal.ServerClock;
import io.github.bybitkit.internal.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs requests of operations whose {@link BybitEndpoint} says so; public operations pass through untouched.
 * Install as an application interceptor so each call is signed once, with the bytes that are actually sent.
 */
public final class SigningInterceptor implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String API_KEY = "api_key";
  private static final String RECV_WINDOW = "recv_window";
  private static final String TIMESTAMP = "timestamp";
  private static final String SIGN = "sign";
  private static final Set<String> V2_AUTH_PARAMS = Set.of(API_KEY, RECV_WINDOW, TIMESTAMP, SIGN);

  private final Credentials credentials;
  /** The HMAC secret, prepared once per client; null for RSA or no credentials. */
  private final HmacSha256.Key hmacKey;
  private final ServerClock clock;
  private final long recvWindowMillis;

  /**
   * @param credentials null when only public operations will be called
   * @param clock source of request timestamps, corrected towards Bybit's clock; Bybit rejects requests outside its
   *     receive window
   * @param recvWindowMillis how long after {@code timestamp} Bybit still accepts the request, unless the call's
   *     {@link RequestOptions} say otherwise
   */
  public SigningInterceptor(Credentials credentials, ServerClock clock, long recvWindowMillis) {
    if (recvWindowMillis <= 0) {
      throw new IllegalArgumentException("recvWindowMillis must be positive, was " + recvWindowMillis);
    }
    this.credentials = credentials;
    this.hmacKey = credentials != null && credentials.type() == Credentials.Type.HMAC
        ? new HmacSha256.Key(credentials.apiSecret()) : null;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recvWindowMillis = recvWindowMillis;
  }

  /** Signs with the local clock as it is, without time sync. */
  public SigningInterceptor(Credentials credentials, Clock clock, long recvWindowMillis) {
    this(credentials, new ServerClock(Objects.requireNonNull(clock, "clock")), recvWindowMillis);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    BybitEndpoint endpoint = Endpoints.of(request);
    if (endpoint == null || endpoint.auth() == AuthScheme.NONE) {
      return chain.proceed(request);
    }
    String operation = endpoint.operationId();
    if (credentials == null) {
      throw new SigningException(new IllegalStateException(
          operation + " needs credentials: call BybitClient.builder().credentials(apiKey, apiSecret)"
          + " (or rsaCredentials(apiKey, privateKey) for v5)"));
    }
    if (endpoint.auth() == AuthScheme.V2_SIGNED && credentials.type() == Credentials.Type.RSA) {
      // Bybit's v2 API only knew HMAC keys; an RSA-signed v2 request could only be refused.
      throw new SigningException(new IllegalStateException(operation + " is a legacy v2 operation, which only an HMAC"
          + " key can sign, but the client has RSA credentials: call its v5 replacement, or build a client with"
          + " credentials(apiKey, apiSecret)"));
    }
    long timestamp = clock.millis();
    RequestOptions options = request.tag(RequestOptions.class);
    long recvWindow = options != null && options.recvWindow().isPresent()
        ? options.recvWindow().get().toMillis() : recvWindowMillis;
    Request signed = switch (endpoint.auth()) {
      case V2_SIGNED -> usesQuery(request) ? signV2Query(request, operation, timestamp, recvWindow)
          : signV2Body(request, operation, timestamp, recvWindow);
      case V5_SIGNED -> signV5(request, operation, timestamp, recvWindow);
      case NONE -> request;
    };
    return chain.proceed(signed);
  }


  private static boolean usesQuery(Request request) {
    return request.method().equals("GET") || request.body() == null;
  }

  // ---- v2: api_key, recv_window, timestamp and sign as request parameters ----

  private Request signV2Query(Request request, String operation, long timestamp, long recvWindow)
      throws SigningException {
    HttpUrl url = request.url();
    Map<String, String> params = new TreeMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      // "?flag" has no value; it is signed and sent as "flag=" so both sides agree.
      putBusinessParam(params, name, value == null ? "" : value, operation);
    }
    addV2AuthParams(params, timestamp, recvWindow);
    String sign = V2Signing.sign(hmacKey, params);
    HttpUrl.Builder signedUrl = url.newBuilder().query(null);
    params.forEach(signedUrl::addQueryParameter);
    signedUrl.addQueryParameter(SIGN, sign);
    return request.newBuilder().url(signedUrl.build()).build();
  }

  /** One field of the original JSON body, with its literal text and JSON type. */
  private record BodyField(String name, String text, JsonReader.Token type) {}

  private Request signV2Body(Request request, String operation, long timestamp, long recvWindow)
      throws IOException {
    List<BodyField> fields = readFlatObject(request.body(), operation);
    Map<String, String> params = new TreeMap<>();
    for (BodyField field : fields) {
      putBusinessParam(params, field.name(), field.text(), operation);
    }
    addV2AuthParams(params, timestamp, recvWindow);
    // The signature covers the sorted k=v pairs, not the JSON text.
    String sign = V2Signing.sign(hmacKey, params);

    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.beginObject();
      for (BodyField field : fields) {
        w.name(field.name());
        switch (field.type()) {
          case NUMBER -> JsonValues.writeRawNumber(w, field.text());
          case BOOLEAN -> w.value(Boolean.parseBoolean(field.text()));
          default -> w.value(field.text());
        }
      }
      w.name(API_KEY).value(credentials.apiKey());
      w.name(RECV_WINDOW).value(recvWindow);
      w.name(TIMESTAMP).value(timestamp);
      w.name(SIGN).value(sign);
      w.endObject();
    }
    return request.newBuilder()
        .method(request.method(), RequestBody.create(out.readByteArray(), JSON))
        .build();
  }

  /**
   * Reads a flat JSON object keeping each value's exact text: numbers as written (so {@code 0.00009996} is signed
   * and sent unchanged), booleans as {@code true}/{@code false}. Null fields are dropped, as if absent.
   */
  private static List<BodyField> readFlatObject(RequestBody body, String operation) throws IOException {
    List<BodyField> fields = new ArrayList<>();
    if (body == null) {
      return fields;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    if (buffer.size() == 0) {
      return fields;
    }
    Set<String> seen = new HashSet<>();
    JsonReader r = JsonReader.of(buffer);
    try {
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        JsonReader.Token type = r.peek();
        String text;
        switch (type) {
          case STRING, NUMBER -> text = r.nextString();
          case BOOLEAN -> text = Boolean.toString(r.nextBoolean());
          case NULL -> {
            r.nextNull();
            text = null;
          }
          default -> throw invalid(operation, "v2 signing needs a flat JSON object, but '" + name + "' is "
              + type + " at " + r.getPath());
        }
        if (!seen.add(name)) {
          throw invalid(operation, "the JSON body repeats '" + name + "'");
        }
        if (text != null) {
          fields.add(new BodyField(name, text, type));
        }
      }
      r.endObject();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw invalid(operation, "the JSON body has data after its object");
      }
    } catch (JsonDataException | JsonEncodingException e) {
      throw new SigningException(new IllegalArgumentException(
          operation + ": v2 signing needs a flat JSON object body: " + e.getMessage(), e));
    }
    return fields;
  }

  private static void putBusinessParam(Map<String, String> params, String name, String value, String operation)
      throws SigningException {
    checkV2Value(operation, name, value);
    if (V2_AUTH_PARAMS.contains(name)) {
      throw invalid(operation, "parameter '" + name + "' is reserved for v2 signing");
    }
    if (params.putIfAbsent(name, value) != null) {
      // A signed string has one k=v per name; which value the server would pick is undocumented.
      throw invalid(operation, "parameter '" + name + "' is repeated, which v2 signing cannot express");
    }
  }

  /**
   * Refuses what the v2 string-to-sign cannot carry unambiguously: it joins {@code k=v} pairs with {@code &}
   * unescaped, so {@code symbol=BTCUSD&tag=x} would be signed exactly like two parameters. Also refuses text that is
   * not plain visible text and times outside the plausible range, whatever built the request.
   */
  private static void checkV2Value(String operation, String name, String value) throws SigningException {
    for (String part : new String[] {name, value}) {
      if (part.indexOf('&') >= 0 || part.indexOf('=') >= 0) {
        throw invalid(operation, "parameter '" + safeName(name) + "' contains '&' or '=', which v2 signing cannot"
            + " tell apart from a parameter boundary");
      }
    }
    try {
      Checks.text(operation, "parameter '" + safeName(name) + "'", value);
      ParameterInfo parameter = parameterInfo(operation, name);
      if (parameter != null && parameter.wireForm() == ParameterInfo.WireForm.EPOCH_SECONDS) {
        Checks.time(operation, parameter.javaName() + " (" + name + ")", Instant.ofEpochSecond(Long.parseLong(value)));
      } else if (parameter != null && parameter.wireForm() == ParameterInfo.WireForm.DATE) {
        Checks.date(operation, parameter.javaName() + " (" + name + ")", LocalDate.parse(value));
      }
    } catch (IllegalArgumentException e) {
      throw new SigningException(e);
    } catch (DateTimeException | ArithmeticException e) {
      throw invalid(operation, "parameter '" + safeName(name) + "' is not a valid time");
    }
  }

  private static ParameterInfo parameterInfo(String operation, String wireName) {
    OperationInfo op;
    try {
      op = BybitOperations.byId(operation); // a map lookup, not a scan of every operation per parameter
    } catch (IllegalArgumentException outsideTheSpec) {
      return null; // an endpoint outside the spec (tests): no parameter facts
    }
    for (ParameterInfo parameter : op.parameters()) {
      if (parameter.wireName().equals(wireName)) {
        return parameter;
      }
    }
    return null;
  }

  /** A parameter name for a message: names come from generated code, but never echo a long or odd one whole. */
  private static String safeName(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return shown.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private void addV2AuthParams(Map<String, String> params, long timestamp, long recvWindow) {
    params.put(API_KEY, credentials.apiKey());
    params.put(RECV_WINDOW, Long.toString(recvWindow));
    params.put(TIMESTAMP, Long.toString(timestamp));
  }

  // ---- v5: X-BAPI-* headers over timestamp + apiKey + recvWindow + (query | body) ----

  private Request signV5(Request request, String operation, long timestamp, long recvWindow) throws IOException {
    String apiKey = credentials.apiKey();
    if (!isHeaderSafe(apiKey)) {
      // OkHttp would echo the bad header value in its exception message.
      throw invalid(operation, "the API key " + Credentials.redact(apiKey)
          + " contains characters that cannot be sent in a header");
    }
    String recvWindowText = Long.toString(recvWindow);
    Request.Builder signed = request.newBuilder();
    String payload;
    if (usesQuery(request)) {
      String query = request.url().encodedQuery();
      payload = query == null ? "" : query;
    } else {
      // Sign and send the same bytes, even if the original body could only be written once.
      RequestBody body = request.body();
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      byte[] bytes = buffer.readByteArray();
      payload = new String(bytes, StandardCharsets.UTF_8);
      signed.method(request.method(), RequestBody.create(bytes, body.contentType()));
    }
    String message = timestamp + apiKey + recvWindowText + payload;
    // The same payload either way; HMAC gives lowercase hex, RSA base64.
    String sign;
    try {
      sign = credentials.type() == Credentials.Type.RSA ? RsaSha256.base64(credentials.privateKey(), message)
          : hmacKey.hex(message);
    } catch (IllegalStateException e) {
      // E.g. a hardware-backed key that became unusable: reported to the caller, also on async calls.
      throw new SigningException(new IllegalStateException(operation + ": " + e.getMessage(), e));
    }
    return signed
        .header("X-BAPI-API-KEY", apiKey)
        .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
        .header("X-BAPI-RECV-WINDOW", recvWindowText)
        .header("X-BAPI-SIGN", sign)
        // Official samples send 2 for HMAC and RSA keys alike; its meaning is undocumented.
        .header("X-BAPI-SIGN-TYPE", "2")
        .build();
  }

  private static boolean isHeaderSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static SigningException invalid(String operation, String problem) {
    return new SigningException(new IllegalArgumentException(operation + ": " + problem));
  }
}
