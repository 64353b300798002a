package io.github.bybitkit.recording;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Replaces everything identifying in a Bybit response body by keyed fakes of the same JSON type and shape, so that a
 * redacted body still matches the spec.
 *
 * <p>A value is identifying when its field has one of the {@linkplain #identifyingFieldNames() identifying names}
 * (every scalar below it is replaced, in arrays and objects too), and any IPv4 address in any string is replaced. Names
 * are compared without case, {@code _} and {@code -}, so {@code user_id}, {@code userId} and {@code USER-ID} are the
 * same name and the v5 spellings are covered too. The names mirror the properties marked {@code x-bybit-redact: true}
 * in {@code spec/openapi.yaml}; a contract test keeps the two in step.
 *
 * <p>Redaction is deterministic for a key: the same value gives the same fake in every body and every field (a user id
 * in positions and in API-key info stays one user), and different keys give unrelated fakes. Without a key a random
 * one is drawn, which keeps fakes consistent within this redactor but unlinkable to other recordings. Give the same
 * key to get the same fakes across runs; keep it private, since with the key small values such as user ids could be
 * recovered by trying them all. Body structure, field order, number literals and everything else are copied
 * unchanged.
 */
public final class ResponseRedactor {
  /**
   * Identifying field names, normalized (lower case, without {@code _} and {@code -}). From the spec's schemas:
   * {@code api_key}, {@code user_id}, {@code inviter_id}, {@code affiliate_id}, {@code ips} and {@code note} of API key
   * info; {@code address}, {@code tx_id}, {@code wallet_id} of wallet records and withdrawals; {@code order_id} of
   * closed P&amp;L. Then the v5 spellings of the same facts ({@code uid}, {@code toAddress}, {@code txID},
   * {@code orderLinkId}, the master account's {@code parentUid}, ...), and names that must never be stored even though no response is known to carry them.
   */
  private static final Set<String> IDENTIFYING = Set.of(
      "apikey", "userid", "uid", "parentuid", "inviterid", "affiliateid", "ips", "ip", "note",
      "address", "toaddress", "fromaddress", "txid", "txhash", "walletid", "orderid", "orderlinkid",
      "sign", "signature", "secret", "apisecret");

  private final Pseudonyms pseudonyms;

  /** A redactor with a random key: fakes are consistent within it and cannot be linked to the values. */
  public ResponseRedactor() {
    this(randomKey());
  }

  /**
   * @param key the HMAC key the fakes derive from; the same key gives the same fakes
   * @throws IllegalArgumentException if the key is empty
   */
  public ResponseRedactor(byte[] key) {
    this.pseudonyms = new Pseudonyms(key);
  }

  /** The identifying field names, normalized: lower case, without {@code _} and {@code -}. */
  public static Set<String> identifyingFieldNames() {
    return IDENTIFYING;
  }

  /** Whether a field of this name is replaced, e.g. {@code user_id} or {@code userId}. */
  public static boolean isIdentifying(String fieldName) {
    return IDENTIFYING.contains(normalize(fieldName));
  }

  private static String normalize(String fieldName) {
    return fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /**
   * The body with identifying values replaced, indented by two spaces.
   *
   * @throws IllegalArgumentException if {@code json} is not one JSON value
   */
  public String redact(String json) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      Buffer out = new Buffer();
      try (JsonWriter writer = JsonWriter.of(out)) {
        writer.setIndent("  ");
        writer.setSerializeNulls(true);
        copy(reader, writer, false);
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("Content after the JSON value at " + reader.getPath());
      }
      return out.readUtf8() + "\n";
    } catch (IOException | JsonDataException e) {
      // Memory buffers never fail to read or write: this is malformed or truncated JSON.
      throw new IllegalArgumentException("Not a JSON document: " + e.getMessage(), e);
    }
  }

  private void copy(JsonReader r, JsonWriter w, boolean identifying) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT -> {
        r.beginObject();
        w.beginObject();
        while (r.hasNext()) {
          String name = r.nextName();
          w.name(name);
          copy(r, w, identifying || isIdentifying(name));
        }
        r.endObject();
        w.endObject();
      }
      case BEGIN_ARRAY -> {
        r.beginArray();
        w.beginArray();
        while (r.hasNext()) {
          copy(r, w, identifying);
        }
        r.endArray();
        w.endArray();
      }
      case STRING -> {
        String value = r.nextString();
        w.value(identifying ? pseudonyms.string(value) : pseudonyms.ipv4InText(value));
      }
      case NUMBER -> {
        String literal = r.nextString(); // the literal text: no value passes through double
        try (BufferedSink sink = w.valueSink()) {
          sink.writeUtf8(identifying ? pseudonyms.number(literal) : literal);
        }
      }
      case BOOLEAN -> w.value(r.nextBoolean());
      case NULL -> {
        r.nextNull();
        w.nullValue();
      }
      default -> throw new IllegalArgumentException("Unexpected " + r.peek() + " at " + r.getPath());
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Override
  public String toString() {
    return "ResponseRedactor(key hidden)";
  }
}
