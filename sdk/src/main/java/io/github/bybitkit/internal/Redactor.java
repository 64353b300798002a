package io.github.bybitkit.internal;

import io.github.bybitkit.Credentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes what must never reach a log line or an exception: the API secret, the API key (shortened), signatures
 * (any 64-hex-digit run, the form of every HMAC signature, and any base64 run of 160 characters or more, the form of
 * RSA signatures of 1024-bit keys and up) and the values of the {@code api_key} and {@code sign} parameters in a query
 * or a JSON body. An RSA private key is never turned into text by the SDK, so there is no text of it to remove.
 * Thread-safe.
 */
public final class Redactor {
  private static final Pattern SIGNATURE = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])");
  private static final Pattern BASE64_SIGNATURE =
      Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{160,}={0,2}(?![A-Za-z0-9+/=])");
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
      boolean hmac = credentials.type() == Credentials.Type.HMAC;
      if (hmac) {
        text = text.replace(credentials.apiSecret(), "***");
      }
      text = text.replace(credentials.apiKey(), credentials.redactedApiKey());
      // A part cut off elsewhere (a preview, a quoted value) no longer matches the whole: remove every fragment of
      // FRAGMENT_CHARS or more, so no such part of the key or secret survives in any text.
      if (hmac) {
        text = removeFragments(text, credentials.apiSecret());
      }
      text = removeFragments(text, credentials.apiKey());
    }
    text = QUERY_SECRET.matcher(text).replaceAll("$1=<redacted>");
    text = JSON_SECRET.matcher(text).replaceAll("\"$1\"$2:$3\"<redacted>\"");
    text = SIGNATURE.matcher(text).replaceAll("<signature>");
    return BASE64_SIGNATURE.matcher(text).replaceAll("<signature>");
  }

  /** The shortest part of a key or secret that counts as leaked. */
  static final int FRAGMENT_CHARS = 8;

  private static String removeFragments(String text, String secret) {
    for (int start = 0; start + FRAGMENT_CHARS <= secret.length(); start++) {
      String fragment = secret.substring(start, start + FRAGMENT_CHARS);
      if (text.contains(fragment)) {
        text = text.replace(fragment, "***");
      }
    }
    return text;
  }

  /**
   * {@code text} shortened to at most {@code max} characters plus "...", cut only between letter-or-digit runs: a
   * key, a secret or a signature is either kept whole, where redaction recognises it, or dropped whole, never
   * left in part.
   */
  public static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max;
    while (cut > 0 && Character.isLetterOrDigit(text.charAt(cut - 1)) && Character.isLetterOrDigit(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut) + "...";
  }

  /**
   * {@code error} itself when no message in it, its causes or its suppressed exceptions holds a credential;
   * otherwise a stand-in with the messages redacted (each prefixed with the original class name) and the original
   * stack traces. I/O errors can quote what the server sent, e.g. OkHttp's "Unexpected status line: ..." with a
   * status line that echoes the signed request, and a cause is printed with every stack trace. A stand-in for an
   * {@link InterruptedIOException} is one too, so a timeout stays recognisable.
   */
  public IOException redact(IOException error) {
    return (IOException) redactThrowable(error, 0);
  }

  private Throwable redactThrowable(Throwable error, int depth) {
    if (error == null || isClean(error, depth)) {
      return error;
    }
    String message = error.getClass().getName() + ": " + redact(error.getMessage());
    Throwable copy = error instanceof InterruptedIOException ? new InterruptedIOException(message)
        : error instanceof IOException ? new IOException(message) : new RuntimeException(message);
    copy.setStackTrace(error.getStackTrace());
    if (error.getCause() != null && error.getCause() != error) {
      copy.initCause(redactThrowable(error.getCause(), depth + 1));
    }
    for (Throwable suppressed : error.getSuppressed()) {
      copy.addSuppressed(redactThrowable(suppressed, depth + 1));
    }
    return copy;
  }

  /** Whether nothing in the exception's messages would change when redacted (depth-limited against cycles). */
  private boolean isClean(Throwable error, int depth) {
    if (error == null || depth > 20) {
      return true;
    }
    if (!Objects.equals(error.getMessage(), redact(error.getMessage()))) {
      return false;
    }
    for (Throwable suppressed : error.getSuppressed()) {
      if (!isClean(suppressed, depth + 1)) {
        return false;
      }
    }
    return error.getCause() == error || isClean(error.getCause(), depth + 1);
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
