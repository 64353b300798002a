package io.github.bybitkit.recording;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, deterministic fakes of the same shape as the value they replace: the same key and value always give the
 * same fake, and without the key a fake says nothing about the value (HMAC-SHA256). Shapes kept: a number keeps its
 * sign, digit count, decimal point and exponent (and stays within {@code long} when it was); a string keeps its length
 * and character classes (digits, lower and upper case letters, hex letters where the string only uses a-f), and
 * everything else (separators such as {@code -}, {@code .}, {@code :}) stays in place. IPv4 addresses become
 * addresses of the documentation ranges (RFC 5737). Zero and strings without letters or digits ({@code ""},
 * {@code "*"}) carry no identity and stay as they are.
 */
final class Pseudonyms {
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
          + "(?![0-9]|\\.[0-9])");
  private static final String[] DOCUMENTATION_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final SecretKeySpec key;

  Pseudonyms(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("The redaction key must not be empty");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** A fake for a JSON number literal such as {@code 12345678}, {@code -0.25} or {@code 9.996e-05}. */
  String number(String literal) {
    int exponentAt = indexOfExponent(literal);
    String mantissa = exponentAt < 0 ? literal : literal.substring(0, exponentAt);
    String exponent = exponentAt < 0 ? "" : literal.substring(exponentAt);
    if (mantissa.chars().allMatch(c -> c == '0' || c == '.' || c == '-' || c == '+')) {
      return literal; // zero: "none" in Bybit's ids (inviter_id 0), not an identity
    }
    Digits digits = new Digits("number", literal);
    StringBuilder fake = new StringBuilder(literal.length());
    boolean significant = false;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c < '0' || c > '9') {
        fake.append(c); // sign and decimal point stay
      } else if (!significant && c == '0') {
        fake.append('0'); // leading zeros (0.00012) keep the magnitude
      } else if (!significant) {
        fake.append((char) ('1' + digits.next(9))); // non-zero, so the digit count stays
        significant = true;
      } else {
        fake.append((char) ('0' + digits.next(10)));
      }
    }
    String result = fake + exponent;
    if (exponent.isEmpty() && mantissa.indexOf('.') < 0 && fitsInLong(mantissa) && !fitsInLong(fake.toString())) {
      // Same digit count but above Long.MAX_VALUE: a leading 1 brings it back into range.
      int first = fake.charAt(0) == '-' ? 1 : 0;
      fake.setCharAt(first, '1');
      result = fake.toString();
    }
    return result;
  }

  /** A fake for a string: IPv4 addresses become documentation addresses, everything else keeps its shape. */
  String string(String value) {
    if (value.chars().noneMatch(Character::isLetterOrDigit)) {
      return value;
    }
    Matcher ip = IPV4.matcher(value);
    if (ip.matches()) {
      return ipv4(value);
    }
    if (value.startsWith("0x") && value.length() > 2) {
      return "0x" + string(value.substring(2)); // a hex transaction hash or address keeps its prefix
    }
    Digits digits = new Digits("string", value);
    boolean lowerHex = value.chars().filter(c -> c >= 'a' && c <= 'z').allMatch(c -> c <= 'f');
    boolean upperHex = value.chars().filter(c -> c >= 'A' && c <= 'Z').allMatch(c -> c <= 'F');
    StringBuilder fake = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        fake.append((char) ('0' + digits.next(10)));
      } else if (c >= 'a' && c <= 'z') {
        fake.append((char) ('a' + digits.next(lowerHex ? 6 : 26)));
      } else if (c >= 'A' && c <= 'Z') {
        fake.append((char) ('A' + digits.next(upperHex ? 6 : 26)));
      } else if (Character.isLetterOrDigit(c)) {
        fake.append((char) ('a' + digits.next(26))); // a name in another script is as identifying as a Latin one
      } else {
        fake.append(c);
      }
    }
    return fake.toString();
  }

  /** {@code text} with every IPv4 address in it replaced (error messages may quote the caller's IP). */
  String ipv4InText(String text) {
    Matcher ip = IPV4.matcher(text);
    if (!ip.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      ip.appendReplacement(out, Matcher.quoteReplacement(ipv4(ip.group())));
    } while (ip.find());
    ip.appendTail(out);
    return out.toString();
  }

  private String ipv4(String address) {
    Digits digits = new Digits("ipv4", address);
    return DOCUMENTATION_NETS[digits.next(DOCUMENTATION_NETS.length)] + (1 + digits.next(254));
  }

  private static int indexOfExponent(String literal) {
    int e = literal.indexOf('e');
    return e >= 0 ? e : literal.indexOf('E');
  }

  private static boolean fitsInLong(String integer) {
    try {
      return new BigInteger(integer).abs().compareTo(LONG_MAX) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** An endless stream of pseudo-random digits derived from the key, a kind and a value. */
  private final class Digits {
    private final byte[] seed;
    private byte[] block = new byte[0];
    private int used;
    private int counter;

    Digits(String kind, String value) {
      this.seed = (kind + '\u0000' + value).getBytes(StandardCharsets.UTF_8);
    }

    /** The next digit in {@code [0, base)}. */
    int next(int base) {
      if (used == block.length) {
        block = hmac(counter++);
        used = 0;
      }
      return Byte.toUnsignedInt(block[used++]) % base; // the bias of % on a byte does not matter for a fake
    }

    private byte[] hmac(int blockIndex) {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        mac.update(seed);
        mac.update(new byte[] {0, (byte) (blockIndex >>> 24), (byte) (blockIndex >>> 16), (byte) (blockIndex >>> 8),
            (byte) blockIndex});
        return mac.doFinal();
      } catch (GeneralSecurityException e) {
        // Every Java SE runtime must provide HmacSHA256, so this means a broken JDK.
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
  }

  @Override
  public String toString() {
    return "Pseudonyms(HMAC-SHA256, key hidden)";
  }
}
