package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.KEY;
import static io.github.bybitkit.TestClients.NOW;
import static io.github.bybitkit.TestClients.NOW_MILLIS;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.LoggingRedactionTest.CapturingLogger;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.internal.Redactor;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-generated RSA keys: v5 requests signed SHA256withRSA (checked with the public key over the payload rebuilt from
 * what the server received), the PEM form, bad keys refused before any request, v2 refused before sending, and the
 * private key in no log, message or {@code toString}.
 */
class RsaCredentialsTest {
  /** One 2048-bit pair for the class (Bybit's recommended size); generating one takes a noticeable moment. */
  private static final KeyPair KEYS = generate("RSA", 2048);

  @StartStop
  final MockWebServer server = new MockWebServer();

  private BybitClient.Builder rsaClient() {
    return BybitClient.builder()
        .baseUrl(server.url("/").toString())
        .rsaCredentials(KEY, KEYS.getPrivate())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SignatureVerifier verifier() {
    return SignatureVerifier.rsa(KEY, KEYS.getPublic(), NOW_MILLIS, TestClients.DEFAULT_RECV_WINDOW_MILLIS);
  }

  // ------------------------------------------------------------------ signing

  @Test
  void aV5GetIsSignedOverTheQueryAsSentAndVerifiesWithThePublicKey() throws Exception {
    server.enqueue(recorded("getClosedPnl", "docs-v5.json"));

    rsaClient().build().v5().position().getClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
        .symbol("BTCUSD").limit(50).build());

    RecordedRequest request = take(server);
    assertEquals("/v5/position/closed-pnl", request.getUrl().encodedPath());
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD", "limit", "50"), verifier().verifyV5Get(request));
    assertEquals("2", request.getHeaders().get("X-BAPI-SIGN-TYPE"));
  }

  @Test
  void aV5PostIsSignedOverTheBodyAsSentAndVerifiesWithThePublicKey() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));

    rsaClient().build().v5().position()
        .setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("6"), new BigDecimal("6.50"));

    RecordedRequest request = take(server);
    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"buyLeverage\":\"6\",\"sellLeverage\":\"6.50\"}",
        verifier().verifyV5Post(request));
  }

  @Test
  void theSignatureCoversThePayloadSoAnotherPayloadDoesNotVerify() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));
    rsaClient().build().v5().position()
        .setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("6"), new BigDecimal("6"));

    RecordedRequest request = take(server);
    byte[] signature = Base64.getDecoder().decode(request.getHeaders().get("X-BAPI-SIGN"));
    String body = request.getBody().utf8();
    String signed = NOW_MILLIS + KEY + "5000" + body;
    assertTrue(SignatureVerifier.verifiesSha256WithRsa(KEYS.getPublic(), signed, signature));
    assertFalse(SignatureVerifier.verifiesSha256WithRsa(KEYS.getPublic(), signed.replace("\"6\"", "\"7\""),
        signature), "a changed leverage must not verify");
    assertFalse(SignatureVerifier.verifiesSha256WithRsa(generate("RSA", 2048).getPublic(), signed, signature),
        "another key pair must not verify");
  }

  @Test
  void concurrentCallsEachGetAValidSignature() throws Exception {
    BybitClient bybit = rsaClient().build();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      server.enqueue(recorded("getClosedPnl", "empty-list.json"));
      calls.add(bybit.v5().position().getClosedPnlAsync(GetClosedPnlRequest.builder().category(Category.INVERSE)
          .limit(i).build()));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

    List<String> limits = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      limits.add(verifier().verifyV5Get(take(server)).get("limit"));
    }
    assertEquals(8, limits.stream().distinct().count(), "eight different requests, each verified: " + limits);
  }

  @Test
  void thePemFormSignsLikeTheKeyItHolds() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));

    BybitClient.builder().baseUrl(server.url("/").toString()).rsaCredentials(KEY, pem(KEYS))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
        .v5().position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.TEN, BigDecimal.TEN);
    rsaClient().build().v5().position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.TEN, BigDecimal.TEN);

    RecordedRequest fromPem = take(server);
    RecordedRequest fromKey = take(server);
    verifier().verifyV5Post(fromPem);
    // PKCS#1 v1.5 is deterministic: the same key over the same payload gives the same signature.
    assertEquals(fromKey.getHeaders().get("X-BAPI-SIGN"), fromPem.getHeaders().get("X-BAPI-SIGN"));
  }

  @Test
  void aPemWithWindowsLineEndsAndTextAroundTheBlockIsAccepted() {
    String pem = "Bag Attributes\r\n    friendlyName: bybit\r\n" + pem(KEYS).replace("\n", "\r\n") + "\r\n\r\n";

    assertEquals(KEYS.getPrivate(), Credentials.rsa(KEY, pem).privateKey());
  }

  // ------------------------------------------------------------------ bad keys: refused before any request

  static List<Arguments> badPems() {
    String good = pem(KEYS);
    String body = base64Body(KEYS);
    byte[] der = KEYS.getPrivate().getEncoded();
    byte[] truncated = java.util.Arrays.copyOf(der, der.length / 2);
    KeyPair ec = generate("EC", 256);
    return List.of(
        Arguments.of("blank", "  \n", "must not be null or blank"),
        Arguments.of("PKCS#1", good.replace("PRIVATE KEY", "RSA PRIVATE KEY"), "PKCS#1"),
        Arguments.of("encrypted", good.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), "encrypted"),
        Arguments.of("public key", "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n", "public key"),
        Arguments.of("no end line", good.replace("-----END PRIVATE KEY-----", ""), "block"),
        Arguments.of("only base64, no PEM lines", body, "block"),
        Arguments.of("bad base64", "-----BEGIN PRIVATE KEY-----\nAAAA=AAAA\n-----END PRIVATE KEY-----", "base64"),
        Arguments.of("empty block", "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----", "empty"),
        Arguments.of("truncated key", "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(truncated) + "\n-----END PRIVATE KEY-----", "PKCS#8 RSA"),
        Arguments.of("an EC key", "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(ec.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----",
            "PKCS#8 RSA"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPems")
  void aBadPemIsRefusedWithAClearMessageQuotingNoKeyMaterial(String what, String pem, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().baseUrl(server.url("/").toString()).rsaCredentials(KEY, pem).build());

    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(null, e.getCause(), "a parser's message may describe the bytes");
    assertNoKeyMaterial(e.getMessage());
    for (String line : pem.split("\\R")) {
      if (line.length() >= 8 && !line.startsWith("-----")) {
        assertFalse(e.getMessage().contains(line.substring(0, 8)), "quotes the PEM: " + e.getMessage());
      }
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aNullPemOrKeyOrABlankApiKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BybitClient.builder().rsaCredentials(KEY, (String) null));
    assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().rsaCredentials(KEY, (java.security.PrivateKey) null));
    assertThrows(IllegalArgumentException.class, () -> BybitClient.builder().rsaCredentials(" ", KEYS.getPrivate()));
    assertThrows(IllegalArgumentException.class, () -> BybitClient.builder().rsaCredentials(null, pem(KEYS)));
  }

  @Test
  void aPrivateKeyOfAnotherAlgorithmIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().rsaCredentials(KEY, generate("EC", 256).getPrivate()));

    assertEquals("privateKey must be an RSA key, was EC", e.getMessage());
  }

  @Test
  void aPemGivenAsAnHmacSecretIsRefusedPointingAtRsaCredentials() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BybitClient.builder().credentials(KEY, pem(KEYS)));

    assertTrue(e.getMessage().contains("rsaCredentials"), e.getMessage());
    assertNoKeyMaterial(e.getMessage());
  }

  // ------------------------------------------------------------------ v2: HMAC only

  @Test
  void aV2OperationWithRsaCredentialsSendsNothingAndSaysWhy() {
    BybitClient bybit = rsaClient().build();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> bybit.inversePerpetual().account().getBalances());

    assertEquals("getBalances is a legacy v2 operation, which only an HMAC key can sign, but the client has RSA"
        + " credentials: call its v5 replacement, or build a client with credentials(apiKey, apiSecret)",
        e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aV2PostAsyncWithRsaCredentialsFailsTheFutureAndSendsNothing() {
    BybitClient bybit = rsaClient().build();

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> bybit.inversePerpetual().account().setLeverageAsync("BTCUSD", BigDecimal.TEN).get());

    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(cause.getMessage().startsWith("setLeverage is a legacy v2 operation"), cause.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ------------------------------------------------------------------ the key in no text

  @Test
  void toStringShowsNeitherTheKeyNorTheApiKey() {
    Credentials credentials = Credentials.rsa(KEY, KEYS.getPrivate());
    BybitClient bybit = rsaClient().build();

    assertEquals("Credentials[apiKey=Kx7v..., type=RSA, privateKey=***]", credentials.toString());
    assertTrue(bybit.toString().contains("credentials=Credentials[apiKey=Kx7v..., type=RSA, privateKey=***]"),
        bybit.toString());
    assertNoKeyMaterial(credentials.toString());
    assertNoKeyMaterial(bybit.toString());
    assertFalse(bybit.toString().contains(KEY));
  }

  @Test
  void rsaAndHmacCredentialsAreDistinctValues() {
    Credentials rsa = Credentials.rsa(KEY, KEYS.getPrivate());

    assertEquals(Credentials.Type.RSA, rsa.type());
    assertEquals(rsa, Credentials.rsa(KEY, pem(KEYS)));
    assertEquals(rsa.hashCode(), Credentials.rsa(KEY, pem(KEYS)).hashCode());
    assertNotEquals(rsa, Credentials.rsa(KEY, generate("RSA", 2048).getPrivate()));
    assertEquals(Credentials.Type.HMAC, Credentials.of(KEY, "secret").type());
    assertThrows(IllegalStateException.class, rsa::apiSecret);
    assertThrows(IllegalStateException.class, () -> Credentials.of(KEY, "secret").privateKey());
  }

  @Test
  void bodyLevelLogsShowNoKeySignatureOrFullApiKey() throws Exception {
    CapturingLogger logger = new CapturingLogger();
    BybitClient bybit = rsaClient().logging(HttpLogLevel.BODY).logger(logger).build();
    server.enqueue(recorded("getClosedPnl", "empty-list.json"));
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));

    bybit.v5().position().getClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE).build());
    bybit.v5().position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.TEN, BigDecimal.TEN);

    String log = logger.text();
    assertTrue(log.contains("X-BAPI-SIGN: <redacted>"), log);
    assertTrue(log.contains("\"buyLeverage\":\"10\""), log);
    for (RecordedRequest request : List.of(take(server), take(server))) {
      String signature = request.getHeaders().get("X-BAPI-SIGN");
      assertFalse(log.contains(signature.substring(0, 16)), "a signature in the log:\n" + log);
    }
    assertFalse(log.contains(KEY), log);
    assertNoKeyMaterial(log);
  }

  @Test
  void theRedactorRemovesABase64SignatureFromAnyText() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));
    rsaClient().build().v5().position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.TEN, BigDecimal.TEN);
    String signature = take(server).getHeaders().get("X-BAPI-SIGN");
    Redactor redactor = new Redactor(Credentials.rsa(KEY, KEYS.getPrivate()));

    assertEquals("{\"retMsg\":\"bad sign <signature> for Kx7v...\"}",
        redactor.redact("{\"retMsg\":\"bad sign " + signature + " for " + KEY + "\"}"));
    assertEquals("X-BAPI-SIGN: <redacted>", "X-BAPI-SIGN: " + redactor.redactHeader("X-BAPI-SIGN", signature));
    // Ordinary text, including shorter base64 such as a cursor, is left alone.
    String text = "nextPageCursor=dGhpcyBpcyBhIGN1cnNvcg== limit=50 " + "a".repeat(150);
    assertEquals(text, redactor.redact(text));
  }

  // ------------------------------------------------------------------ helpers

  /** Fails if the text holds any 16-character piece of the key's PKCS#8 base64, its modulus or private exponent. */
  private static void assertNoKeyMaterial(String text) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KEYS.getPrivate();
    for (String material : List.of(base64Body(KEYS), key.getPrivateExponent().toString(),
        key.getPrimeP().toString(), key.getModulus().toString(), key.getModulus().toString(16))) {
      for (int start = 0; start + 16 <= material.length(); start += 4) {
        String piece = material.substring(start, start + 16);
        assertFalse(text.contains(piece), "key material in: " + text);
      }
    }
  }

  private static String base64Body(KeyPair keys) {
    return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
  }

  /** PKCS#8 PEM as Bybit's generator and {@code openssl genpkey} write it: 64-character lines. */
  static String pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
