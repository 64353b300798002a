package io.github.bybitkit.testkit;

import io.github.bybitkit.metadata.AuthScheme;
import io.github.bybitkit.metadata.OperationInfo;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks signed requests the way Bybit does, in Bybit's order: the key is known (10003), the timestamp is inside the
 * receive window of the server's clock (10002), the signature matches (10004). Computed here from the request as
 * received, with {@code javax.crypto} and {@code java.security} only: the SDK's signing code is what is under test.
 * v5 requests of a self-generated key ({@link FakeBybit.Builder#rsaKey}) are checked with its public key; such a key
 * cannot sign v2 requests (10003), as on Bybit, whose v2 API had no RSA keys.
 */
final class Authenticator {
  static final long DEFAULT_RECV_WINDOW = 5000;
  /** How far ahead of the server's clock a timestamp may be, by Bybit's rule. */
  static final long MAX_AHEAD_MILLIS = 1000;

  private final String apiKey;
  private final String apiSecret;
  /** Self-generated keys: API key to the public key that checks its v5 signatures. */
  private final Map<String, PublicKey> rsaKeys;

  Authenticator(String apiKey, String apiSecret, Map<String, PublicKey> rsaKeys) {
    this.apiKey = apiKey;
    this.apiSecret = apiSecret;
    this.rsaKeys = Map.copyOf(rsaKeys);
  }

  /**
   * @param serverMillis the fake's clock when the request arrived
   * @throws Refusal when Bybit would refuse the request before looking at its parameters
   */
  void check(OperationInfo op, IncomingRequest request, long serverMillis) throws Refusal {
    if (op.auth() == AuthScheme.V2_SIGNED) {
      checkV2(request, serverMillis);
    } else if (op.auth() == AuthScheme.V5_SIGNED) {
      checkV5(request, serverMillis);
    }
  }

  private void checkV2(IncomingRequest request, long serverMillis) throws Refusal {
    if (!request.method.equals("GET") && request.bodyProblem != null) {
      throw new Refusal(BybitCodes.PARAMETER_ERROR, "params error: " + request.bodyProblem, false);
    }
    Map<String, String> params = request.v2Parameters();
    String key = params.get("api_key");
    if (key == null || !key.equals(apiKey)) {
      throw new Refusal(BybitCodes.INVALID_API_KEY, "invalid api_key", false);
    }
    checkWindow(params.get("timestamp"), params.get("recv_window"), serverMillis);
    String sign = params.get("sign");
    Map<String, String> signed = new TreeMap<>(params);
    signed.remove("sign");
    StringJoiner payload = new StringJoiner("&");
    signed.forEach((name, value) -> payload.add(name + "=" + value));
    if (sign == null || !matches(hmacSha256Hex(payload.toString()), sign)) {
      throw new Refusal(BybitCodes.SIGN_ERROR, "error sign!", false);
    }
  }

  private void checkV5(IncomingRequest request, long serverMillis) throws Refusal {
    String key = request.headers.get("X-BAPI-API-KEY");
    PublicKey rsaKey = key == null ? null : rsaKeys.get(key);
    if (key == null || !key.equals(apiKey) && rsaKey == null) {
      throw new Refusal(BybitCodes.INVALID_API_KEY, "API key is invalid.", false);
    }
    String timestamp = request.headers.get("X-BAPI-TIMESTAMP");
    String recvWindow = request.headers.get("X-BAPI-RECV-WINDOW");
    checkWindow(timestamp, recvWindow, serverMillis);
    String sign = request.headers.get("X-BAPI-SIGN");
    String payload = timestamp + key + (recvWindow == null ? "" : recvWindow)
        + (request.method.equals("GET") ? request.rawQuery : request.body);
    boolean valid = sign != null
        && (rsaKey != null ? verifiesRsaSha256(rsaKey, payload, sign) : matches(hmacSha256Hex(payload), sign));
    if (!valid) {
      throw new Refusal(BybitCodes.SIGN_ERROR, "error sign! please check your signature generation", false);
    }
  }

  /** RSASSA-PKCS1-v1_5 with SHA-256 over the UTF-8 payload, the signature in standard base64. */
  private static boolean verifiesRsaSha256(PublicKey publicKey, String payload, String base64) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (SignatureException malformed) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is not available for this key", e);
    }
  }

  /** {@code server - recvWindow <= timestamp < server + 1000}. */
  private static void checkWindow(String timestampText, String recvWindowText, long serverMillis) throws Refusal {
    Long timestamp = parseLong(timestampText);
    Long recvWindow = recvWindowText == null ? Long.valueOf(DEFAULT_RECV_WINDOW) : parseLong(recvWindowText);
    if (timestamp == null || recvWindow == null || recvWindow <= 0
        || timestamp < serverMillis - recvWindow || timestamp >= serverMillis + MAX_AHEAD_MILLIS) {
      throw new Refusal(BybitCodes.TIMESTAMP, "invalid request, please check your timestamp and recv_window param."
          + " req_timestamp[" + timestampText + "], server_timestamp[" + serverMillis + "], recv_window["
          + (recvWindowText == null ? DEFAULT_RECV_WINDOW : recvWindowText) + "]", false);
    }
  }

  private static Long parseLong(String text) {
    if (text == null || !text.matches("-?[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(text);
  }

  private static boolean matches(String expected, String given) {
    // Constant time, as a server should compare secrets-derived values.
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private String hmacSha256Hex(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
