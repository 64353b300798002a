package io.github.bybitkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.testkit.FakeBybit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BYBIT_RSA_PRIVATE_KEY_FILE: v5 operations signed with a self-generated RSA key read from a PEM file. */
class RsaKeyFileTest {
  private static final String RSA_API_KEY = "cli-rsa-key-0001";
  private static final KeyPair KEYS = generate();

  private final FakeBybit bybit = FakeBybit.builder().rsaKey(RSA_API_KEY, KEYS.getPublic()).build();

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    bybit.close();
  }

  private Map<String, String> environment(String pem) throws Exception {
    Path file = dir.resolve("bybit-private.pem");
    Files.writeString(file, pem);
    return Map.of("BYBIT_API_KEY", RSA_API_KEY, "BYBIT_RSA_PRIVATE_KEY_FILE", file.toString());
  }

  @Test
  void aV5OperationIsSignedWithTheKeyInTheFile() throws Exception {
    CliRun run = CliRun.run(environment(pem()), "getPortfolioMargin", "--env", bybit.baseUrl());

    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(0, bybit.requests().get(0).retCode().orElseThrow(), "the fake verified the RSA signature");
  }

  @Test
  void aV2OperationIsRefusedBeforeSending() throws Exception {
    CliRun run = CliRun.run(environment(pem()), "getBalances", "--env", bybit.baseUrl());

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("bybit: getBalances is a legacy v2 operation, which only an HMAC key can sign: set BYBIT_API_SECRET"
        + " instead of BYBIT_RSA_PRIVATE_KEY_FILE.\n", run.err());
    assertEquals(0, bybit.requests().size());
  }

  @Test
  void aBadPemOrAMissingFileIsAUsageErrorThatQuotesNoKey() throws Exception {
    String pkcs1 = pem().replace("PRIVATE KEY", "RSA PRIVATE KEY");
    CliRun bad = CliRun.run(environment(pkcs1), "getPortfolioMargin", "--env", bybit.baseUrl());
    CliRun missing = CliRun.run(Map.of("BYBIT_API_KEY", RSA_API_KEY, "BYBIT_RSA_PRIVATE_KEY_FILE",
        dir.resolve("absent.pem").toString()), "getPortfolioMargin", "--env", bybit.baseUrl());

    assertEquals(ExitCode.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().startsWith("bybit: BYBIT_RSA_PRIVATE_KEY_FILE: the PEM private key is PKCS#1"), bad::toString);
    assertFalse(bad.err().contains(pkcs1.lines().skip(1).findFirst().orElseThrow().substring(0, 16)), bad::toString);
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("cannot read"), missing::toString);
    assertEquals(0, bybit.requests().size());
  }

  @Test
  void aSecretAndAKeyFileTogetherAreRefused() throws Exception {
    Map<String, String> both = new java.util.HashMap<>(environment(pem()));
    both.put("BYBIT_API_SECRET", "some-secret");

    CliRun run = CliRun.run(both, "getPortfolioMargin", "--env", bybit.baseUrl());

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("not both"), run::toString);
    assertEquals(0, bybit.requests().size());
  }

  @Test
  void withoutEnvTheKeyFileCountsAsCredentialsAndATargetIsRequired() throws Exception {
    CliRun run = CliRun.run(environment(pem()), "getPortfolioMargin");

    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("BYBIT_API_KEY and BYBIT_RSA_PRIVATE_KEY_FILE are set: name the target"),
        run::toString);
  }

  private static String pem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
