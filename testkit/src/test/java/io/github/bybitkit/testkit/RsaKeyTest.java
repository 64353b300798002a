package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitAuthenticationException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fake told the public key of a self-generated RSA key checks that key's v5 signatures with it, as Bybit does. */
class RsaKeyTest {
  private static final String RSA_API_KEY = "fake-rsa-key-0001";
  private static final KeyPair KEYS = generate("RSA");
  private static final KeyPair OTHER_KEYS = generate("RSA");

  private final FakeBybit fake = FakeBybit.builder().rsaKey(RSA_API_KEY, KEYS.getPublic()).build();

  @AfterEach
  void close() {
    fake.close();
  }

  private BybitClient client(KeyPair keys) {
    return BybitClient.builder().baseUrl(fake.baseUrl()).rsaCredentials(RSA_API_KEY, keys.getPrivate())
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void v5GetAndPostSignedWithThePrivateKeyAreAccepted() {
    BybitClient client = client(KEYS);

    client.v5().asset().getPortfolioMargin();
    client.v5().account().setMarginMode(MarginMode.REGULAR_MARGIN);

    assertEquals(List.of(0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow()).toList());
    assertTrue(fake.requests().stream().allMatch(r -> r.headers().get("X-BAPI-SIGN").endsWith("=")),
        "base64 signatures of a 2048-bit key end in padding");
  }

  @Test
  void rsaSignedWritesChangeTheAccountAndRsaSignedCursorPagesAreAccepted() {
    BybitClient client = client(KEYS);

    client.v5().position().setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("7"), new BigDecimal("7"));
    BybitV5ClosedPnlPage first = client.v5().position().getClosedPnl(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(30).build());
    BybitV5ClosedPnlPage second = client.v5().position().getClosedPnl(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(30).cursor(first.nextPageCursor()).build());

    assertEquals(0, new BigDecimal("7").compareTo(fake.account().position("BTCUSD").leverage()));
    assertEquals(30, second.list().size());
    assertEquals(List.of(0, 0, 0), fake.requests().stream().map(r -> r.retCode().orElseThrow()).toList());
  }

  @Test
  void anotherPrivateKeyGets10004() {
    BybitClient client = client(OTHER_KEYS);

    BybitAuthenticationException get = assertThrows(BybitAuthenticationException.class,
        () -> client.v5().asset().getPortfolioMargin());
    BybitAuthenticationException post = assertThrows(BybitAuthenticationException.class,
        () -> client.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN));

    assertEquals(10004, get.retCode());
    assertEquals(10004, post.retCode());
  }

  @Test
  void theHmacCredentialsStayAcceptedBesideTheRsaKey() {
    fake.clientBuilder().build().v5().asset().getPortfolioMargin();

    assertEquals(0, fake.requests().get(0).retCode().orElseThrow());
  }

  @Test
  void anHmacSignatureUnderTheRsaKeyGets10004AndAV2RequestGets10003() {
    RawRequests raw = new RawRequests(fake, RSA_API_KEY, "an-hmac-secret-the-rsa-key-does-not-have");
    long now = System.currentTimeMillis();

    assertEquals(10004, AuthenticationTest.retCode(raw.v5Get("/v5/asset/portfolio-margin", "", now)));
    assertEquals(10003, AuthenticationTest.retCode(raw.v2Get("/v2/private/wallet/balance", Map.of(), now)));
  }

  @Test
  void theBuilderRefusesAKeyOfAnotherAlgorithmAKeyGivenTwiceAndTheHmacKey() {
    assertThrows(IllegalArgumentException.class,
        () -> FakeBybit.builder().rsaKey(RSA_API_KEY, generate("EC").getPublic()));
    assertThrows(IllegalArgumentException.class,
        () -> FakeBybit.builder().rsaKey(RSA_API_KEY, KEYS.getPublic()).rsaKey(RSA_API_KEY, OTHER_KEYS.getPublic()));
    assertThrows(IllegalArgumentException.class,
        () -> FakeBybit.builder().rsaKey(FakeBybit.API_KEY, KEYS.getPublic()).build());
  }

  private static KeyPair generate(String algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(algorithm.equals("EC") ? 256 : 2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
