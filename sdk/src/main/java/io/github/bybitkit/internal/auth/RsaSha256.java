package io.github.bybitkit.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * RSASSA-PKCS1-v1_5 with SHA-256 as Bybit uses it for self-generated keys: UTF-8 message, standard base64 output
 * (with padding). Messages of the errors here never contain key material.
 */
public final class RsaSha256 {
  private static final String ALGORITHM = "SHA256withRSA";
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  private RsaSha256() {}

  /** The base64 signature of {@code message}. A new {@link Signature} per call: instances are not thread-safe. */
  public static String base64(PrivateKey privateKey, String message) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(message, "message");
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE runtime must provide SHA256withRSA, so this means a broken JDK.
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } catch (GeneralSecurityException e) {
      // checkCanSign accepted the key when the credentials were made; no key material in the message.
      throw new IllegalStateException("the RSA private key cannot sign (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Fails now, rather than on the first request, for a key that cannot sign {@code SHA256withRSA}.
   *
   * @throws IllegalArgumentException if the key is not an RSA private key this runtime can sign with
   */
  public static void checkCanSign(PrivateKey privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    if (!"RSA".equalsIgnoreCase(privateKey.getAlgorithm())) {
      throw new IllegalArgumentException("privateKey must be an RSA key, was " + privateKey.getAlgorithm());
    }
    try {
      Signature.getInstance(ALGORITHM).initSign(privateKey);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    } catch (InvalidKeyException e) {
      // The cause is left out: a provider's message may describe the key.
      throw new IllegalArgumentException("privateKey cannot sign " + ALGORITHM);
    }
  }

  /**
   * Reads an unencrypted PKCS#8 RSA private key in PEM form ({@value #PEM_BEGIN} ... {@value #PEM_END}), as Bybit's key
   * generator and {@code openssl genpkey} write it. Text around the block is ignored.
   *
   * @throws IllegalArgumentException naming what is wrong (another PEM type, bad base64, not an RSA key), never
   *     quoting the text
   */
  public static PrivateKey parsePkcs8Pem(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("the PEM private key must not be null or blank");
    }
    if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      throw new IllegalArgumentException("the PEM private key is PKCS#1 (BEGIN RSA PRIVATE KEY); PKCS#8 (" + PEM_BEGIN
          + ") is needed: convert it with 'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'");
    }
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new IllegalArgumentException("the PEM private key is encrypted; an unencrypted PKCS#8 key (" + PEM_BEGIN
          + ") is needed: decrypt it with 'openssl pkcs8 -in encrypted.pem -out key.pem'");
    }
    if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
      throw new IllegalArgumentException("the PEM holds a public key: requests are signed with the private key ("
          + PEM_BEGIN + "); the public key is what Bybit gets");
    }
    int begin = pem.indexOf(PEM_BEGIN);
    int end = begin < 0 ? -1 : pem.indexOf(PEM_END, begin);
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException("the PEM private key needs a " + PEM_BEGIN + " ... " + PEM_END + " block");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM private key's base64 body is malformed");
    }
    try {
      if (der.length == 0) {
        throw new IllegalArgumentException("the PEM private key's block is empty");
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA key factory is not available", e);
    } catch (InvalidKeySpecException e) {
      // The cause is left out: its message may describe the bytes.
      throw new IllegalArgumentException("the PEM block does not hold a PKCS#8 RSA private key");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }
}
