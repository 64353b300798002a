package io.github.bybitkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends hand-made requests to a fake, signed here with javax.crypto (not with the SDK), so tests can send what the
 * client's own checks would never let through.
 */
final class RawRequests {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();
  private final FakeBybit fake;
  private final String apiKey;
  private final String secret;

  RawRequests(FakeBybit fake) {
    this(fake, FakeBybit.API_KEY, FakeBybit.API_SECRET);
  }

  RawRequests(FakeBybit fake, String apiKey, String secret) {
    this.fake = fake;
    this.apiKey = apiKey;
    this.secret = secret;
  }

  /** The status, body and headers of an answer. */
  record Answer(int status, String body, Headers headers) {}

  /** A v2 GET with {@code params} in the query, signed with api_key, timestamp and recv_window 5000. */
  Answer v2Get(String path, Map<String, String> params, long timestamp) {
    Map<String, String> all = new TreeMap<>(params);
    all.put("api_key", apiKey);
    all.put("timestamp", Long.toString(timestamp));
    all.put("recv_window", "5000");
    all.put("sign", hmac(join(all)));
    HttpUrl.Builder url = HttpUrl.get(fake.baseUrl()).newBuilder().encodedPath(path);
    all.forEach(url::addQueryParameter);
    return send(new Request.Builder().url(url.build()).get().build());
  }

  /**
   * A v2 POST whose JSON body is {@code jsonFields} (name to JSON literal, e.g. "\"BTCUSD\"" or "10") plus the
   * authentication fields, signed over the sorted literal values (strings without their quotes).
   */
  Answer v2Post(String path, Map<String, String> jsonFields, long timestamp) {
    Map<String, String> all = new TreeMap<>(jsonFields);
    all.put("api_key", "\"" + apiKey + "\"");
    all.put("timestamp", Long.toString(timestamp));
    all.put("recv_window", "5000");
    Map<String, String> signed = new TreeMap<>();
    all.forEach((name, literal) -> signed.put(name, literal.startsWith("\"") ? literal.substring(1,
        literal.length() - 1) : literal));
    all.put("sign", "\"" + hmac(join(signed)) + "\"");
    StringJoiner body = new StringJoiner(",", "{", "}");
    all.forEach((name, literal) -> body.add("\"" + name + "\":" + literal));
    return send(new Request.Builder().url(HttpUrl.get(fake.baseUrl()).newBuilder().encodedPath(path).build())
        .post(RequestBody.create(body.toString(), JSON)).build());
  }

  /** A v5 GET with the query exactly as given, signed with X-BAPI-* headers. */
  Answer v5Get(String path, String rawQuery, long timestamp) {
    String sign = hmac(timestamp + apiKey + "5000" + rawQuery);
    HttpUrl url = HttpUrl.get(fake.baseUrl() + path.substring(1) + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    return send(new Request.Builder().url(url).get()
        .header("X-BAPI-API-KEY", apiKey)
        .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
        .header("X-BAPI-RECV-WINDOW", "5000")
        .header("X-BAPI-SIGN", sign)
        .build());
  }

  /** A v5 POST with the JSON body exactly as given, signed with X-BAPI-* headers over it. */
  Answer v5Post(String path, String jsonBody, long timestamp) {
    String sign = hmac(timestamp + apiKey + "5000" + jsonBody);
    return send(new Request.Builder().url(HttpUrl.get(fake.baseUrl() + path.substring(1)))
        .post(RequestBody.create(jsonBody, JSON))
        .header("X-BAPI-API-KEY", apiKey)
        .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
        .header("X-BAPI-RECV-WINDOW", "5000")
        .header("X-BAPI-SIGN", sign)
        .build());
  }

  /** Any request, unsigned. */
  Answer send(Request request) {
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String join(Map<String, String> sorted) {
    StringJoiner joined = new StringJoiner("&");
    sorted.forEach((name, value) -> joined.add(name + "=" + value));
    return joined.toString();
  }

  private String hmac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
