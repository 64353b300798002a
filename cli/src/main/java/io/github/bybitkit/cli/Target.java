package io.github.bybitkit.cli;

import io.github.bybitkit.BybitClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Where requests go ({@code --env}): {@code sandbox} (an in-process fake Bybit), {@code testnet}, {@code mainnet},
 * {@code demo} (demo trading), or an http(s) URL.
 *
 * <p>Without {@code --env} the target is the sandbox, unless BYBIT_API_KEY and BYBIT_API_SECRET are both set: then
 * the run is refused until {@code --env} names the target, so that neither a command meant for the sandbox reaches a
 * real account nor a command meant for a real account quietly runs against the fake.
 *
 * @param name what the user gave, for messages
 * @param baseUrl the URL requests go to; null for the sandbox
 */
record Target(String name, String baseUrl) {
  static final String API_KEY_VARIABLE = "BYBIT_API_KEY";
  static final String API_SECRET_VARIABLE = "BYBIT_API_SECRET";
  /** Instead of the secret: the path of a self-generated key's RSA private key, PKCS#8 PEM (v5 operations only). */
  static final String RSA_KEY_FILE_VARIABLE = "BYBIT_RSA_PRIVATE_KEY_FILE";
  static final String SANDBOX = "sandbox";

  static Target sandbox() {
    return new Target(SANDBOX, null);
  }

  /**
   * @param env the {@code --env} value, or null when not given
   * @param environment the process environment (credentials are only ever read from here)
   * @throws UsageException for an unknown target, or no {@code --env} while credentials are set
   */
  static Target resolve(String env, Map<String, String> environment) {
    if (env == null) {
      if (credentialsSet(environment)) {
        String second = blank(environment.get(API_SECRET_VARIABLE)) ? RSA_KEY_FILE_VARIABLE : API_SECRET_VARIABLE;
        throw new UsageException(API_KEY_VARIABLE + " and " + second + " are set: name the target with"
            + " --env testnet, --env mainnet, --env demo or an http(s) URL (or --env sandbox for the fake).");
      }
      String missing = missingCredential(environment);
      if (missing != null) {
        // Half a credential means a real account was meant: running against the fake instead would mislead.
        throw new UsageException(missing + " Set it and name the target with --env, or use --env sandbox for the"
            + " fake.");
      }
      return sandbox();
    }
    switch (env.toLowerCase(Locale.ROOT)) {
      case SANDBOX:
        return sandbox();
      case "testnet":
        return new Target("testnet", BybitClient.TESTNET);
      case "mainnet":
        return new Target("mainnet", BybitClient.MAINNET);
      case "demo":
        return new Target("demo", BybitClient.DEMO);
      default:
        if (isHttpUrl(env)) {
          return new Target(env, env);
        }
        throw new UsageException("Invalid value for --env: '" + env + "'. Allowed: sandbox, testnet, mainnet, demo, or"
            + " an http(s) URL such as http://localhost:8080.");
    }
  }

  boolean isSandbox() {
    return baseUrl == null;
  }

  /** Whether the key variable and the secret or RSA key file variable hold something. */
  static boolean credentialsSet(Map<String, String> environment) {
    return !blank(environment.get(API_KEY_VARIABLE))
        && (!blank(environment.get(API_SECRET_VARIABLE)) || !blank(environment.get(RSA_KEY_FILE_VARIABLE)));
  }

  /**
   * When exactly one half of a credential is in the environment: a sentence naming what is set and what is missing
   * (never a value). Null when both or neither are set.
   */
  static String missingCredential(Map<String, String> environment) {
    boolean key = !blank(environment.get(API_KEY_VARIABLE));
    boolean secret = !blank(environment.get(API_SECRET_VARIABLE));
    boolean rsaKey = !blank(environment.get(RSA_KEY_FILE_VARIABLE));
    if (key && !secret && !rsaKey) {
      return API_KEY_VARIABLE + " is set, but " + API_SECRET_VARIABLE + " (or " + RSA_KEY_FILE_VARIABLE
          + " for an RSA key) is not.";
    }
    if (!key && (secret || rsaKey)) {
      return (secret ? API_SECRET_VARIABLE : RSA_KEY_FILE_VARIABLE) + " is set, but " + API_KEY_VARIABLE
          + " is not.";
    }
    return null;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
