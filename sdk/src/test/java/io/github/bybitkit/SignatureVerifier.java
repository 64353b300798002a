package io.github.bybitkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.ByteString;

/**
 * Recomputes Bybit signatures from what MockWebServer received, independently of the SDK's signing code: only
 * {@code javax.crypto}, the raw request target and a JSON tokenizer are used. Each check also asserts the
 * authentication parameters ({@code api_key}, {@code timestamp}, {@code recv_window}) and returns the request's
 * business parameters, so tests can compare them with what the spec says.
 */
final class SignatureVerifier {
  static final Set<String> V2_AUTH_PARAMS = Set.of("api_key", "timestamp", "recv_window", "sign");
  static final Set<String> V5_HEADERS =
      Set.of("X-BAPI-API-KEY", "X-BAPI-TIMESTAMP", "X-BAPI-RECV-WINDOW", "X-BAPI-SIGN", "X-BAPI-SIGN-TYPE");

  private final String apiKey;
  private final String secret;
  private final PublicKey rsaPublicKey;
  private final long timestamp;
  private final long recvWindow;

  /**
   * A verifier of HMAC signatures.
   *
   * @param timestamp the millis the request must carry (the client's fixed clock)
   * @param recvWindow the receive window the request must carry, ms
   */
  SignatureVerifier(String apiKey, String secret, long timestamp, long recvWindow) {
    this(apiKey, secret, null, timestamp, recvWindow);
  }

  private SignatureVerifier(String apiKey, String secret, PublicKey rsaPublicKey, long timestamp, long recvWindow) {
    this.apiKey = apiKey;
    this.secret = secret;
    this.rsaPublicKey = rsaPublicKey;
    this.timestamp = timestamp;
    this.recvWindow = recvWindow;
  }

  /**
   * A verifier of v5 RSA signatures (SHA256withRSA, base64), checked with the public key only: the private key that
   * signed stays with the client under test.
   */
  static SignatureVerifier rsa(String apiKey, PublicKey publicKey, long timestamp, long recvWindow) {
    return new SignatureVerifier(apiKey, null, publicKey, timestamp, recvWindow);
  }

  /** A JSON scalar as it appeared in a request body: its token kind and literal text. */
  record JsonField(Kind kind, String text) {
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    static JsonField string(String text) {
      return new JsonField(Kind.STRING, text);
    }

    static JsonField number(String text) {
      return new JsonField(Kind.NUMBER, text);
    }

    static JsonField bool(boolean value) {
      return new JsonField(Kind.BOOLEAN, Boolean.toString(value));
    }

    @Override
    public String toString() {
      return kind == Kind.STRING ? '"' + text + '"' : text;
    }
  }

  // ---- v2 GET: auth parameters and sign in the query ----

  /**
   * Checks a v2 query-signed request: {@code sign} is the HMAC of all other query parameters sorted by name and
   * joined as {@code k=v&...} with decoded values; {@code api_key}, {@code timestamp} and {@code recv_window} are
   * as configured; no body and no v5 headers.
   *
   * @return the business parameters (decoded), in the order they were sent
   */
  Map<String, String> verifyV2Query(RecordedRequest request) {
    Map<String, String> params = queryParameters(request);
    assertEquals(apiKey, params.get("api_key"), "api_key");
    assertEquals(Long.toString(timestamp), params.get("timestamp"), "timestamp = the fixed clock's millis");
    assertEquals(Long.toString(recvWindow), params.get("recv_window"), "recv_window");
    String sign = params.get("sign");
    assertHex64(sign);

    Map<String, String> signed = new TreeMap<>(params);
    signed.remove("sign");
    String payload = joinSorted(signed);
    assertEquals(hmacSha256Hex(secret, payload), sign, "v2 query signature over " + payload);

    assertEquals(0, request.getBodySize(), "a v2 GET has no body");
    assertNoV5Headers(request);
    return withoutAuth(params);
  }

  // ---- v2 POST: auth fields and sign in the flat JSON body ----

  /**
   * Checks a v2 body-signed request: a flat JSON object whose {@code sign} is the HMAC of all its other fields
   * sorted by name, strings as they are, numbers as their literal text, booleans as true/false. The query is empty.
   *
   * @return the business fields with their JSON types, in the order they were sent
   */
  Map<String, JsonField> verifyV2Body(RecordedRequest request) {
    String contentType = request.getHeaders().get("Content-Type");
    assertNotNull(contentType, "Content-Type");
    assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/json"), contentType);
    assertEquals("", rawQuery(request), "a v2 POST sends nothing in the query");

    Map<String, JsonField> fields = jsonObject(request);
    assertEquals(JsonField.string(apiKey), fields.get("api_key"), "api_key");
    assertEquals(JsonField.number(Long.toString(timestamp)), fields.get("timestamp"),
        "timestamp = the fixed clock's millis, a JSON number");
    assertEquals(JsonField.number(Long.toString(recvWindow)), fields.get("recv_window"),
        "recv_window, a JSON number");
    JsonField sign = fields.get("sign");
    assertNotNull(sign, "sign");
    assertEquals(JsonField.Kind.STRING, sign.kind(), "sign is a JSON string");
    assertHex64(sign.text());

    Map<String, String> signed = new TreeMap<>();
    fields.forEach((name, field) -> {
      assertFalse(field.kind() == JsonField.Kind.NULL, "null field '" + name + "' in a signed body");
      if (!name.equals("sign")) {
        signed.put(name, field.text());
      }
    });
    String payload = joinSorted(signed);
    assertEquals(hmacSha256Hex(secret, payload), sign.text(), "v2 body signature over " + payload);

    assertNoV5Headers(request);
    Map<String, JsonField> business = new LinkedHashMap<>(fields);
    business.keySet().removeAll(V2_AUTH_PARAMS);
    return business;
  }

  // ---- v5: X-BAPI-* headers ----

  /**
   * Checks a v5 GET: {@code X-BAPI-SIGN} is the HMAC of timestamp + api key + recv window + the query string
   * exactly as sent; no v2 parameters.
   *
   * @return the query parameters (decoded), in the order they were sent
   */
  Map<String, String> verifyV5Get(RecordedRequest request) {
    assertEquals(apiKey, request.getHeaders().get("X-BAPI-API-KEY"), "X-BAPI-API-KEY");
    assertEquals(Long.toString(timestamp), request.getHeaders().get("X-BAPI-TIMESTAMP"),
        "X-BAPI-TIMESTAMP = the fixed clock's millis");
    assertEquals(Long.toString(recvWindow), request.getHeaders().get("X-BAPI-RECV-WINDOW"), "X-BAPI-RECV-WINDOW");
    String payload = timestamp + apiKey + recvWindow + rawQuery(request);
    assertV5Signature(request.getHeaders().get("X-BAPI-SIGN"), payload);

    Map<String, String> params = queryParameters(request);
    for (String name : V2_AUTH_PARAMS) {
      assertFalse(params.containsKey(name), "a v5 request carries no v2 parameter " + name);
    }
    assertEquals(0, request.getBodySize(), "a v5 GET has no body");
    return params;
  }

  /**
   * Checks a v5 POST: {@code X-BAPI-SIGN} is the HMAC of timestamp + api key + recv window + the body bytes exactly
   * as sent; an empty query; no v2 fields.
   *
   * @return the body exactly as sent
   */
  String verifyV5Post(RecordedRequest request) {
    assertEquals(apiKey, request.getHeaders().get("X-BAPI-API-KEY"), "X-BAPI-API-KEY");
    assertEquals(Long.toString(timestamp), request.getHeaders().get("X-BAPI-TIMESTAMP"),
        "X-BAPI-TIMESTAMP = the fixed clock's millis");
    assertEquals(Long.toString(recvWindow), request.getHeaders().get("X-BAPI-RECV-WINDOW"), "X-BAPI-RECV-WINDOW");
    String contentType = request.getHeaders().get("Content-Type");
    assertNotNull(contentType, "Content-Type");
    assertTrue(contentType.toLowerCase(Locale.ROOT).startsWith("application/json"), contentType);
    assertEquals("", rawQuery(request), "a v5 POST sends nothing in the query");
    ByteString body = request.getBody();
    assertNotNull(body, "request body");
    String payload = timestamp + apiKey + recvWindow + body.utf8();
    assertV5Signature(request.getHeaders().get("X-BAPI-SIGN"), payload);
    Map<String, JsonField> fields = jsonObject(request);
    for (String name : V2_AUTH_PARAMS) {
      assertFalse(fields.containsKey(name), "a v5 request carries no v2 field " + name);
    }
    return body.utf8();
  }

  /** HMAC: lowercase hex equal to the recomputed one. RSA: standard padded base64 that the public key verifies. */
  private void assertV5Signature(String sign, String payload) {
    if (rsaPublicKey == null) {
      assertHex64(sign);
      assertEquals(hmacSha256Hex(secret, payload), sign, "v5 signature over " + payload);
      return;
    }
    assertNotNull(sign, "signature");
    int bytes = (((RSAPublicKey) rsaPublicKey).getModulus().bitLength() + 7) / 8;
    assertEquals(4 * ((bytes + 2) / 3), sign.length(), "base64 of a " + bytes + "-byte RSA signature, padded");
    assertTrue(sign.matches("[A-Za-z0-9+/]+={0,2}"), "standard base64 expected, was " + sign);
    assertTrue(verifiesSha256WithRsa(rsaPublicKey, payload, Base64.getDecoder().decode(sign)),
        "v5 RSA signature does not verify over " + payload);
  }

  /** Whether {@code signature} is a SHA256withRSA (PKCS#1 v1.5) signature of the UTF-8 payload under the key. */
  static boolean verifiesSha256WithRsa(PublicKey publicKey, String payload, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- unsigned ----

  /** Asserts a request carries no authentication at all: no v2 parameters, no X-BAPI headers. */
  static void assertUnsigned(RecordedRequest request) {
    Map<String, String> params = queryParameters(request);
    for (String name : V2_AUTH_PARAMS) {
      assertFalse(params.containsKey(name), "an unsigned request carries no " + name);
    }
    assertNoV5Headers(request);
  }

  // ---- reading what was sent ----

  /** The query string exactly as it was on the request line, "" when there was none. */
  static String rawQuery(RecordedRequest request) {
    String target = request.getTarget();
    int q = target.indexOf('?');
    return q < 0 ? "" : target.substring(q + 1);
  }

  /** The query parameters, percent-decoded, in wire order; a repeated name fails the test. */
  static Map<String, String> queryParameters(RecordedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = rawQuery(request);
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.putIfAbsent(name, value) != null) {
        fail("query parameter '" + name + "' is repeated in " + query);
      }
    }
    return params;
  }

  /** The request body as a flat JSON object; nested values or repeated names fail the test. */
  static Map<String, JsonField> jsonObject(RecordedRequest request) {
    ByteString body = request.getBody();
    assertNotNull(body, "request body");
    Map<String, JsonField> fields = new LinkedHashMap<>();
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        JsonReader.Token token = reader.peek();
        JsonField field = switch (token) {
          case STRING -> JsonField.string(reader.nextString());
          case NUMBER -> JsonField.number(reader.nextString()); // the literal text on a streaming reader
          case BOOLEAN -> JsonField.bool(reader.nextBoolean());
          case NULL -> {
            reader.nextNull();
            yield new JsonField(JsonField.Kind.NULL, "null");
          }
          default -> throw new AssertionError("'" + name + "' is " + token + "; a v2 body must be flat: "
              + body.utf8());
        };
        if (fields.putIfAbsent(name, field) != null) {
          fail("'" + name + "' is repeated in " + body.utf8());
        }
      }
      reader.endObject();
      assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(), "data after the JSON object: " + body.utf8());
    } catch (IOException e) {
      throw new UncheckedIOException("request body is not JSON: " + body.utf8(), e);
    }
    return fields;
  }

  /** Lowercase hex HMAC-SHA256 of the UTF-8 payload, keyed with the UTF-8 secret. */
  static String hmacSha256Hex(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String joinSorted(Map<String, String> sorted) {
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }

  private static Map<String, String> withoutAuth(Map<String, String> params) {
    Map<String, String> business = new LinkedHashMap<>(params);
    business.keySet().removeAll(V2_AUTH_PARAMS);
    return business;
  }

  private static void assertNoV5Headers(RecordedRequest request) {
    for (String name : request.getHeaders().names()) {
      assertFalse(name.toUpperCase(Locale.ROOT).startsWith("X-BAPI-"), "unexpected header " + name);
    }
  }

  private static void assertHex64(String sign) {
    assertNotNull(sign, "signature");
    assertTrue(sign.matches("[0-9a-f]{64}"), "lowercase hex HMAC-SHA256 expected, was " + sign);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The signature a request carried (v5 header, v2 query or v2 body), or null; for checking messages for leaks. */
  static String signatureOf(RecordedRequest request) {
    String v5 = request.getHeaders().get("X-BAPI-SIGN");
    if (v5 != null) {
      return v5;
    }
    String inQuery = queryParameters(request).get("sign");
    if (inQuery != null) {
      return inQuery;
    }
    if (request.getBodySize() > 0) {
      JsonField inBody = jsonObject(request).get("sign");
      return inBody == null ? null : inBody.text();
    }
    return null;
  }
}
