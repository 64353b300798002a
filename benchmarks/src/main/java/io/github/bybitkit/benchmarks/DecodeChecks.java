package io.github.bybitkit.benchmarks;

import com.squareup.moshi.JsonReader;
import io.github.bybitkit.metadata.BybitJson;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Checks, before anything is measured (and in the module's unit test), that every variant does the same work: a
 * benchmark comparing decoders that decode different values would measure nothing.
 */
public final class DecodeChecks {
  private DecodeChecks() {}

  /**
   * Every peer's portfolio margin equals BybitKit's, record by record (decimals with their scale, lists element by
   * element), and the decimals are really there.
   *
   * @throws IllegalStateException naming the first peer that differs
   */
  public static void portfolioMarginPeersAgree(byte[] body) {
    BybitPortfolioMargin ours =
        (BybitPortfolioMargin) BybitJson.decoder(BybitOperations.GET_PORTFOLIO_MARGIN, false).result(body);
    if (ours.wallet() == null || ours.wallet().equity() == null || ours.assetPnlRange().isEmpty()
        || ours.assetPnlRange().get(0).totalPnlRanges().all() == null) {
      throw new IllegalStateException("BybitKit decoded no wallet equity or no P&L ranges: " + ours);
    }
    agree("Moshi reflective", ours, new PeerDecoders.MoshiReflective().decode(body));
    agree("Gson", ours, new PeerDecoders.GsonReflective().decode(body));
    agree("Jackson databind", ours, new PeerDecoders.JacksonReflective().decode(body));
    if (TokenWalk.walk(body) == 0) {
      throw new IllegalStateException("the token walk read nothing");
    }
  }

  /** BybitKit's result has as many entries as the body's {@code result.data} (or {@code result}) list. */
  public static void bybitKitReadsEveryEntry(String operationId, byte[] body) {
    Object result = BybitJson.decoder(BybitOperations.byId(operationId), false).result(body);
    int expected = entriesInBody(body);
    int actual = entries(result);
    if (actual != expected) {
      throw new IllegalStateException(operationId + ": BybitKit decoded " + actual + " entries, the body has "
          + expected);
    }
    if (TokenWalk.walk(body) == 0) {
      throw new IllegalStateException("the token walk read nothing");
    }
  }

  private static void agree(String peer, BybitPortfolioMargin ours, BybitPortfolioMargin theirs) {
    if (!Objects.equals(ours, theirs)) {
      throw new IllegalStateException(peer + " decodes a different portfolio margin than BybitKit:\n ours:   "
          + ours + "\n theirs: " + theirs);
    }
  }

  private static int entries(Object result) {
    if (result instanceof List<?> list) {
      return list.size();
    }
    // Paged results (closed P&L, wallet fund records) are records with a data() list.
    try {
      return ((List<?>) result.getClass().getMethod("data").invoke(result)).size();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no entry list in " + result, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static int entriesInBody(byte[] body) {
    try {
      Map<String, Object> root = (Map<String, Object>) JsonReader.of(new Buffer().write(body)).readJsonValue();
      Object result = root.get("result");
      if (result instanceof Map<?, ?> page) {
        return ((List<?>) page.get("data")).size();
      }
      return ((List<?>) result).size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
