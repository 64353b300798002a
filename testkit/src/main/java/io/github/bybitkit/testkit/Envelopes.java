package io.github.bybitkit.testkit;

import io.github.bybitkit.metadata.EnvelopeKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bybit's v2 and v5 response envelopes: times from the fake's clock, error bodies, rate-limit fields. */
final class Envelopes {
  private Envelopes() {}

  /** v2's {@code time_now}: seconds with a six-digit fraction, e.g. "1577480720.003444". */
  static String timeNow(Instant now) {
    return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
  }

  /** Sets the envelope's server time ({@code time_now} or {@code time}) to {@code now}. */
  static void stamp(EnvelopeKind kind, Map<String, Object> envelope, Instant now) {
    if (kind == EnvelopeKind.V2) {
      envelope.put("time_now", timeNow(now));
    } else {
      envelope.put("time", Json.Num.of(now.toEpochMilli()));
    }
  }

  /**
   * An error body as Bybit sends it: v2 {@code {"ret_code","ret_msg","ext_code":"","ext_info":"","result":null,
   * "time_now"}}, v5 {@code {"retCode","retMsg","result":{},"retExtInfo":{},"time"}}.
   */
  static Map<String, Object> error(EnvelopeKind kind, int retCode, String retMsg, Instant now) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    if (kind == EnvelopeKind.V2) {
      envelope.put("ret_code", Json.Num.of(retCode));
      envelope.put("ret_msg", retMsg);
      envelope.put("ext_code", "");
      envelope.put("ext_info", "");
      envelope.put("result", null);
    } else {
      envelope.put("retCode", Json.Num.of(retCode));
      envelope.put("retMsg", retMsg);
      envelope.put("result", new LinkedHashMap<>());
      envelope.put("retExtInfo", new LinkedHashMap<>());
    }
    stamp(kind, envelope, now);
    return envelope;
  }

  /** The v2 body fields of a rate-limit state. */
  static void putV2RateLimit(Map<String, Object> envelope, int limit, int remaining, long resetMillis) {
    envelope.put("rate_limit_status", Json.Num.of(remaining));
    envelope.put("rate_limit_reset_ms", Json.Num.of(resetMillis));
    envelope.put("rate_limit", Json.Num.of(limit));
  }

  /** The limit a v2 envelope states, or null when it has no rate-limit fields. */
  static Integer v2Limit(Map<String, Object> envelope) {
    return envelope.get("rate_limit") instanceof Json.Num n ? n.decimal().intValueExact() : null;
  }

  /** The return code of a body the fake sends, or null when it is not an envelope. */
  static Integer retCodeOf(String body) {
    try {
      Object parsed = Json.parse(body);
      if (parsed instanceof Map<?, ?> map) {
        Object code = map.containsKey("ret_code") ? map.get("ret_code") : map.get("retCode");
        if (code instanceof Json.Num n) {
          return n.decimal().intValueExact();
        }
      }
    } catch (RuntimeException notJson) {
      // An injected body may be anything, an HTML error page for instance.
    }
    return null;
  }
}
