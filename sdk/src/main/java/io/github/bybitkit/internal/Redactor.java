package io.github.bybitkit.internal;

import io.github.bybitkit.Credentials;
import java.util.regex.Pattern;

/**
 * Removes what must never reach a log line or an exception: the API secret, the API key (shortened), signatures
 * (any 64-hex-digit run, the form of every v2 and v5 signature) and the values of the {@code api_key} and
 * {@code sign} parameters in a query or a JSON body. Thread-safe.
 */
public final class Redactor {
  private static final Pattern SIGNATURE = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");
  private static final Pattern QUERY_SECRET = Pattern.compile("(?<=^|[?&])(api_key|sign)=[^&#\\s]*");
  private static final Pattern JSON_SECRET = Pattern.compile("\"(api_key|sign)\"(\\s*):(\\s*)\"[^\"]*\"");

  private final Credentials credentials;

  /** @param credentials the credentials in use, or null */
  public Redactor(Credentials credentials) {
    this.credentials = credentials;
  }

  /** The text without the secret, the full key or anything shaped like a signature; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    if (credentials != null) {
      text = text.replace(credentials.apiSecret(), "***")
          .replace(credentials.apiKey(), credentials.redactedApiKey());
    }
    text = QUERY_SECRET.matcher(text).replaceAll("$1=<redacted>");
    text = JSON_SECRET.matcher(text).replaceAll("\"$1\"$2:$3\"<redacted>\"");
    return SIGNATURE.matcher(text).replaceAll("<signature>");
  }

  /** The value of a header that carries a credential, as it may be shown. */
  public String redactHeader(String name, String value) {
    if (name.equalsIgnoreCase("X-BAPI-SIGN")) {
      return "<redacted>";
    }
    if (name.equalsIgnoreCase("X-BAPI-API-KEY")) {
      return Credentials.redact(value);
    }
    return redact(value);
  }
}
