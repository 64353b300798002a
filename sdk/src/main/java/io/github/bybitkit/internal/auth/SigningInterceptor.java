package io.github.bybitkit.internal.auth;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.RequestOptions;
import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.internal.BybitEndpoint;
import io.github.bybitkit.internal.Checks;
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
import java.util.Objects;
import java.util.Set;
import okhttp3.Headers;
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
  /** The v2 parameters the interceptor adds besides {@code sign}. */
  private static final int V2_ADDED = 3;
  private static final String API_KEY_HEADER = "X-BAPI-API-KEY";
  private static final String TIMESTAMP_HEADER = "X-BAPI-TIMESTAMP";
  private static final String RECV_WINDOW_HEADER = "X-BAPI-RECV-WINDOW";
  private static final String SIGN_HEADER = "X-BAPI-SIGN";
  private static final String SIGN_TYPE_HEADER = "X-BAPI-SIGN-TYPE";
  private static final Headers SIGN_TYPE = Headers.of(SIGN_TYPE_HEADER, "2");

  private final Credentials credentials;
  /** The HMAC secret, prepared once per client; null for RSA or no credentials. */
  private final HmacSha256.Key hmacKey;
  private final ServerClock clock;
  private final long recvWindowMillis;
  private final String recvWindowText;
  /** Whether the API key can be sent in a header (v5); checked once, reported per request as before. */
  private final boolean apiKeyHeaderSafe;
  /** Whether HttpUrl writes the API key into a query unchanged (v2 fast path). */
  private final boolean apiKeyPlainInQuery;
  /** The v5 headers that are the same on every request, checked by OkHttp once; null if the key is not header-safe. */
  private final Headers apiKeyHeader;
  private final Headers recvWindowHeader;

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
    this.recvWindowText = Long.toString(recvWindowMillis);
    this.apiKeyHeaderSafe = credentials != null && isHeaderSafe(credentials.apiKey());
    this.apiKeyPlainInQuery = credentials != null && isPlainInQuery(credentials.apiKey());
    this.apiKeyHeader = apiKeyHeaderSafe ? Headers.of(API_KEY_HEADER, credentials.apiKey()) : null;
    this.recvWindowHeader = Headers.of(RECV_WINDOW_HEADER, recvWindowText);
  }

  /** Signs with the local clock as it is, without time sync. */
  public SigningInterceptor(Credentials credentials, Clock clock, long recvWindowMillis) {
    this(credentials, new ServerClock(Objects.requireNonNull(clock, "clock")), recvWindowMillis);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    SigningFacts endpoint = SigningFacts.of(request);
    AuthScheme auth = endpoint.auth;
    if (auth == AuthScheme.NONE) {
      return chain.proceed(request);
    }
    String operation = endpoint.operationId;
    if (credentials == null) {
      throw new SigningException(new IllegalStateException(
          operation + " needs credentials: call BybitClient.builder().credentials(apiKey, apiSecret)"
          + " (or rsaCredentials(apiKey, privateKey) for v5)"));
    }
    if (auth == AuthScheme.V2_SIGNED && credentials.type() == Credentials.Type.RSA) {
      // Bybit's v2 API only knew HMAC keys; an RSA-signed v2 request could only be refused.
      throw new SigningException(new IllegalStateException(operation + " is a legacy v2 operation, which only an HMAC"
          + " key can sign, but the client has RSA credentials: call its v5 replacement, or build a client with"
          + " credentials(apiKey, apiSecret)"));
    }
    long timestamp = clock.millis();
    RequestOptions options = request.tag(RequestOptions.class);
    long recvWindow = options != null && options.recvWindow().isPresent()
        ? options.recvWindow().get().toMillis() : recvWindowMillis;
    Request signed = switch (auth) {
      case V2_SIGNED -> usesQuery(request) ? signV2Query(request, endpoint, timestamp, recvWindow)
          : signV2Body(request, endpoint, timestamp, recvWindow);
      case V5_SIGNED -> signV5(request, operation, timestamp, recvWindow);
      case NONE -> request;
    };
    return chain.proceed(signed);
  }


  private static boolean usesQuery(Request request) {
    return request.method().equals("GET") || request.body() == null;
  }

  // ---- v2: api_key, recv_window, timestamp and sign as request parameters ----

  private Request signV2Query(Request request, SigningFacts endpoint, long timestamp, long recvWindow)
      throws SigningException {
    HttpUrl url = request.url();
    int count = url.querySize();
    String[] names = new String[count + V2_ADDED];
    String[] values = new String[count + V2_ADDED];
    boolean plain = apiKeyPlainInQuery;
    for (int i = 0; i < count; i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      // "?flag" has no value; it is signed and sent as "flag=" so both sides agree.
      value = value == null ? "" : value;
      boolean plainPair = checkBusinessParam(names, i, name, value, endpoint);
      names[i] = name;
      values[i] = value;
      plain = plain && plainPair;
    }
    int size = addV2AuthParams(names, values, count, timestamp, recvWindow);
    V2Signing.sort(names, values, size);
    HttpUrl.Builder signedUrl = url.newBuilder();
    if (plain) {
      // Every name and value is ASCII that HttpUrl's query encoding leaves as it is, so the signed string is the
      // encoded query: written once as bytes, signed, "&sign=<hex>" appended in place, and set with one call.
      signedUrl.encodedQuery(signedPlainQuery(names, values, size));
    } else {
      String sign = hmacKey.hex(V2Signing.join(names, values, size));
      signedUrl.query(null);
      for (int i = 0; i < size; i++) {
        signedUrl.addQueryParameter(names[i], values[i]);
      }
      signedUrl.addQueryParameter(SIGN, sign);
    }
    return request.newBuilder().url(signedUrl.build()).build();
  }

  private static final int HEX_LENGTH = 64;
  private static final byte[] SIGN_PARAM = ("&" + SIGN + "=").getBytes(StandardCharsets.US_ASCII);

  /** {@code k=v&...&sign=<hex>} for sorted plain (ASCII) parameters; the signature covers the part before "&sign=". */
  private String signedPlainQuery(String[] names, String[] values, int size) {
    int length = Math.max(0, 2 * size - 1);
    for (int i = 0; i < size; i++) {
      length += names[i].length() + values[i].length();
    }
    byte[] query = new byte[length + SIGN_PARAM.length + HEX_LENGTH];
    int at = 0;
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        query[at++] = '&';
      }
      at = copyAscii(names[i], query, at);
      query[at++] = '=';
      at = copyAscii(values[i], query, at);
    }
    hmacKey.hexInto(query, at, query, at + SIGN_PARAM.length);
    System.arraycopy(SIGN_PARAM, 0, query, at, SIGN_PARAM.length);
    return new String(query, StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether {@code HttpUrl.Builder.addQueryParameter} writes {@code text} unchanged: letters, digits, '-', '.', '_'
   * (a deliberately small subset of what it leaves alone).
   */
  static boolean isPlainInQuery(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** One field of the original JSON body, with its literal text and JSON type. */
  private record BodyField(String name, String text, JsonReader.Token type) {}

  private Request signV2Body(Request request, SigningFacts endpoint, long timestamp, long recvWindow)
      throws IOException {
    List<BodyField> fields = readFlatObject(request.body(), endpoint.operationId);
    int count = fields.size();
    String[] names = new String[count + V2_ADDED];
    String[] values = new String[count + V2_ADDED];
    for (int i = 0; i < count; i++) {
      BodyField field = fields.get(i);
      checkBusinessParam(names, i, field.name(), field.text(), endpoint);
      names[i] = field.name();
      values[i] = field.text();
    }
    int size = addV2AuthParams(names, values, count, timestamp, recvWindow);
    V2Signing.sort(names, values, size);
    // The signature covers the sorted k=v pairs, not the JSON text.
    String sign = hmacKey.hex(V2Signing.join(names, values, size));

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

  /**
   * Checks the parameter that will be {@code names[index]} against itself and the {@code index} before it; returns
   * whether its name and value are both {@link #isPlainInQuery plain}.
   */
  private static boolean checkBusinessParam(String[] names, int index, String name, String value,
      SigningFacts endpoint) throws SigningException {
    String operation = endpoint.operationId;
    boolean plain = isPlainInQuery(name) && isPlainInQuery(value);
    checkV2Value(endpoint, name, value, plain);
    if (V2_AUTH_PARAMS.contains(name)) {
      throw invalid(operation, "parameter '" + name + "' is reserved for v2 signing");
    }
    for (int i = 0; i < index; i++) {
      if (names[i].equals(name)) {
        // A signed string has one k=v per name; which value the server would pick is undocumented.
        throw invalid(operation, "parameter '" + name + "' is repeated, which v2 signing cannot express");
      }
    }
    return plain;
  }

  /**
   * Refuses what the v2 string-to-sign cannot carry unambiguously: it joins {@code k=v} pairs with {@code &}
   * unescaped, so {@code symbol=BTCUSD&tag=x} would be signed exactly like two parameters. Also refuses text that is
   * not plain visible text and times outside the plausible range, whatever built the request.
   */
  private static void checkV2Value(SigningFacts endpoint, String name, String value, boolean plain)
      throws SigningException {
    String operation = endpoint.operationId;
    // Plain text (letters, digits, '-', '.', '_') has neither a boundary nor a char outside visible ASCII.
    if (!plain && (hasBoundary(name) || hasBoundary(value))) {
      throw invalid(operation, "parameter '" + safeName(name) + "' contains '&' or '=', which v2 signing cannot"
          + " tell apart from a parameter boundary");
    }
    try {
      if (!plain && !isVisibleAscii(value)) {
        // Only text outside U+0020..U+007E can fail the check; its message is built only then.
        Checks.text(operation, "parameter '" + safeName(name) + "'", value);
      }
      ParameterInfo parameter = endpoint.timeParameter(name);
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

  private static boolean hasBoundary(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '=') {
        return true;
      }
    }
    return false;
  }

  private static boolean isVisibleAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** A parameter name for a message: names come from generated code, but never echo a long or odd one whole. */
  private static String safeName(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return shown.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** The window as text, made once for the client's own. */
  private String recvWindowText(long recvWindow) {
    return recvWindow == recvWindowMillis ? recvWindowText : Long.toString(recvWindow);
  }

  /** Appends the auth parameters after the first {@code count}; returns the new size. */
  private int addV2AuthParams(String[] names, String[] values, int count, long timestamp, long recvWindow) {
    names[count] = API_KEY;
    values[count] = credentials.apiKey();
    names[count + 1] = RECV_WINDOW;
    values[count + 1] = recvWindowText(recvWindow);
    names[count + 2] = TIMESTAMP;
    values[count + 2] = Long.toString(timestamp);
    return count + V2_ADDED;
  }

  // ---- v5: X-BAPI-* headers over timestamp + apiKey + recvWindow + (query | body) ----

  private Request signV5(Request request, String operation, long timestamp, long recvWindow) throws IOException {
    String apiKey = credentials.apiKey();
    if (!apiKeyHeaderSafe) {
      // OkHttp would echo the bad header value in its exception message.
      throw invalid(operation, "the API key " + Credentials.redact(apiKey)
          + " contains characters that cannot be sent in a header");
    }
    String recvWindowText = recvWindowText(recvWindow);
    Request.Builder signed = request.newBuilder();
    String payload;
    if (usesQuery(request)) {
      payload = encodedQuery(request.url());
    } else {
      // Sign and send the same bytes, even if the original body could only be written once.
      RequestBody body = request.body();
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      byte[] bytes = buffer.readByteArray();
      payload = new String(bytes, StandardCharsets.UTF_8);
      signed.method(request.method(), RequestBody.create(bytes, body.contentType()));
    }
    String timestampText = Long.toString(timestamp);
    // The same payload either way; HMAC gives lowercase hex, RSA base64.
    String sign;
    try {
      if (credentials.type() == Credentials.Type.RSA) {
        sign = RsaSha256.base64(credentials.privateKey(), timestampText + apiKey + recvWindowText + payload);
      } else {
        byte[] message = v5Message(timestampText, apiKey, recvWindowText, payload);
        sign = hmacKey.hex(message, message.length);
      }
    } catch (IllegalStateException e) {
      // E.g. a hardware-backed key that became unusable: reported to the caller, also on async calls.
      throw new SigningException(new IllegalStateException(operation + ": " + e.getMessage(), e));
    }
    // Official samples send X-BAPI-SIGN-TYPE 2 for HMAC and RSA keys alike; its meaning is undocumented.
    if (request.headers().size() == 0) {
      // The usual case (Retrofit adds no header): the five in order in one Headers. The key, window and sign-type
      // headers were checked once (addAll takes them as they are); the timestamp (digits) and the signature (hex or
      // base64) are our own ASCII, so only their names are checked.
      Headers headers = new Headers.Builder()
          .addAll(apiKeyHeader)
          .addUnsafeNonAscii(TIMESTAMP_HEADER, timestampText)
          .addAll(recvWindow == recvWindowMillis ? recvWindowHeader : Headers.of(RECV_WINDOW_HEADER, recvWindowText))
          .addUnsafeNonAscii(SIGN_HEADER, sign)
          .addAll(SIGN_TYPE)
          .build();
      return signed.headers(headers).build();
    }
    return signed
        .header(API_KEY_HEADER, apiKey)
        .header(TIMESTAMP_HEADER, timestampText)
        .header(RECV_WINDOW_HEADER, recvWindowText)
        .header(SIGN_HEADER, sign)
        .header(SIGN_TYPE_HEADER, "2")
        .build();
  }

  /**
   * The UTF-8 bytes of {@code timestamp + apiKey + recvWindow + payload}, copied into one array: the first three are
   * ASCII (digits, and a key that passed {@link #isHeaderSafe}), so their chars are their bytes.
   */
  private static byte[] v5Message(String timestamp, String apiKey, String recvWindow, String payload) {
    byte[] payloadUtf8 = payload.getBytes(StandardCharsets.UTF_8);
    int head = timestamp.length() + apiKey.length() + recvWindow.length();
    byte[] message = new byte[head + payloadUtf8.length];
    int at = copyAscii(timestamp, message, 0);
    at = copyAscii(apiKey, message, at);
    at = copyAscii(recvWindow, message, at);
    System.arraycopy(payloadUtf8, 0, message, at, payloadUtf8.length);
    return message;
  }

  /**
   * Copies ASCII {@code text} into {@code out} at {@code at}; returns the index after it. String.getBytes(int, int,
   * byte[], int) keeps the low byte of each char, which is the char itself for ASCII, and for a compact string it is
   * one array copy (a char-by-char loop was a visible share of the v5 step in profiles).
   */
  @SuppressWarnings("deprecation")
  private static int copyAscii(String text, byte[] out, int at) {
    text.getBytes(0, text.length(), out, at);
    return at + text.length();
  }

  /**
   * {@code url.encodedQuery()}, or "" for none: in the URL's canonical form, '#' only starts the fragment and '?'
   * before it only starts the query (HttpUrl percent-encodes both elsewhere; a fragment may hold a plain '?'). Found
   * with String.indexOf, much cheaper than HttpUrl's own char loop over the URL.
   */
  static String encodedQuery(HttpUrl url) {
    String text = url.toString();
    int hash = text.indexOf('#');
    int end = hash < 0 ? text.length() : hash;
    int question = text.indexOf('?');
    return question < 0 || question > end ? "" : text.substring(question + 1, end);
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
