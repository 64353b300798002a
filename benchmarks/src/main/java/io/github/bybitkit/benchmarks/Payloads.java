package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** The response bodies the benchmarks decode: recorded ones (copied into the jar at build time) and large synthesized pages. */
public final class Payloads {
  private Payloads() {}

  public static final String PORTFOLIO_MARGIN = "getPortfolioMargin/docs-v5.json";
  public static final String POSITIONS = "getPositions/without-symbol-docs-2023.json";
  public static final String CLOSED_PNL = "getProfitAndLossHistory/docs-2023.json";
  public static final String WALLET_FUND_RECORDS = "getWalletFundHistory/docs-2023.json";

  /** Target sizes of the synthesized pages, close to the pages of issue 12. */
  static final int LARGE_PORTFOLIO_MARGIN_BYTES = 100_000;
  static final int LARGE_CLOSED_PNL_BYTES = 20_000;

  public static byte[] recorded(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/recorded/" + name)) {
      if (in == null) {
        throw new IllegalStateException("recorded response missing from the class path: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded portfolio margin with its assetPnlRange entries repeated until the body passes ~100 KB. */
  public static byte[] largePortfolioMargin() {
    return repeatList(recorded(PORTFOLIO_MARGIN), "assetPnlRange", LARGE_PORTFOLIO_MARGIN_BYTES);
  }

  /** The recorded closed-P&L page with its data rows repeated until the body passes ~20 KB. */
  public static byte[] largeClosedPnl() {
    return repeatList(recorded(CLOSED_PNL), "data", LARGE_CLOSED_PNL_BYTES);
  }

  /** Copies of {@code result.<listName>}'s entries appended until the compact body reaches {@code minBytes}. */
  @SuppressWarnings("unchecked")
  private static byte[] repeatList(byte[] body, String listName, int minBytes) {
    try {
      Map<String, Object> root = (Map<String, Object>) JsonReader.of(new Buffer().write(body)).readJsonValue();
      Map<String, Object> result = (Map<String, Object>) root.get("result");
      List<Object> original = (List<Object>) result.get(listName);
      List<Object> grown = new ArrayList<>(original);
      result.put(listName, grown);
      byte[] out = write(root);
      while (out.length < minBytes) {
        grown.addAll(original);
        out = write(root);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(Object value) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      // readJsonValue turns every number into a Double: write integral ones without ".0" so ids stay longs.
      writer.jsonValue(integralNumbersAsLongs(value));
    }
    return buffer.readByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Object integralNumbersAsLongs(Object value) {
    if (value instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).replaceAll((k, v) -> integralNumbersAsLongs(v));
    } else if (value instanceof List<?> list) {
      ((List<Object>) list).replaceAll(Payloads::integralNumbersAsLongs);
    } else if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return value;
  }
}
