package io.github.bybitkit.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.gson.FieldNamingStrategy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.v5.model.BybitPnlRangeSet;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import io.github.bybitkit.v5.model.BybitTotalPnlRanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/**
 * The peers, decoding the v5 portfolio-margin body into the same generated records by reflection. Only this payload:
 * its names are camelCase like the record components, so no peer needs per-field annotations. The one exception is
 * {@link BybitTotalPnlRanges}, whose JSON names are ALL/PERPETUAL/OPTION; each peer is told so in its own idiom.
 */
public final class PeerDecoders {
  private PeerDecoders() {}

  /** Moshi's reflective (record) adapters, with BigDecimal read from the value's text. */
  public static final class MoshiReflective {
    private final JsonAdapter<PortfolioMarginResponse> adapter = new Moshi.Builder()
        .add(BigDecimal.class, new BigDecimalFromText())
        .add(BybitTotalPnlRanges.class, new TotalPnlRangesByUpperCaseName())
        .build()
        .adapter(PortfolioMarginResponse.class);

    public BybitPortfolioMargin decode(byte[] body) {
      try {
        return adapter.fromJson(new Buffer().write(body)).result();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Gson with its record support; its own BigDecimal adapter reads numbers and numeric strings. */
  public static final class GsonReflective {
    private final Gson gson = new GsonBuilder()
        .setFieldNamingStrategy(upperCaseInTotalPnlRanges())
        .create();

    public BybitPortfolioMargin decode(byte[] body) {
      Reader reader = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
      return gson.fromJson(reader, PortfolioMarginResponse.class).result();
    }

    /** The configured Gson, for the Retrofit + Gson peer of the loopback call. */
    Gson gson() {
      return gson;
    }

    private static FieldNamingStrategy upperCaseInTotalPnlRanges() {
      return field -> field.getDeclaringClass() == BybitTotalPnlRanges.class
          ? field.getName().toUpperCase(java.util.Locale.ROOT) : field.getName();
    }
  }

  /**
   * Jackson databind with its record support; case-insensitive names for ALL/PERPETUAL/OPTION (a small cost on every
   * name, paid by Jackson alone). Unknown fields (retExtInfo) ignored like the other lenient decoders.
   */
  public static final class JacksonReflective {
    private final ObjectMapper mapper = JsonMapper.builder()
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    public BybitPortfolioMargin decode(byte[] body) {
      try {
        return mapper.readValue(body, PortfolioMarginResponse.class).result();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class BigDecimalFromText extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) {
      throw new UnsupportedOperationException("decoding only");
    }
  }

  /** Moshi's record adapter maps names to components only by annotation; this says ALL/PERPETUAL/OPTION instead. */
  private static final class TotalPnlRangesByUpperCaseName extends JsonAdapter<BybitTotalPnlRanges> {
    private static final JsonReader.Options NAMES = JsonReader.Options.of("ALL", "PERPETUAL", "OPTION");
    private JsonAdapter<BybitPnlRangeSet> rangeSet;

    @Override
    public BybitTotalPnlRanges fromJson(JsonReader reader) throws IOException {
      if (rangeSet == null) {
        rangeSet = new Moshi.Builder().add(BigDecimal.class, new BigDecimalFromText()).build()
            .adapter(BybitPnlRangeSet.class);
      }
      BybitPnlRangeSet all = null;
      BybitPnlRangeSet perpetual = null;
      BybitPnlRangeSet option = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 -> all = rangeSet.fromJson(reader);
          case 1 -> perpetual = rangeSet.fromJson(reader);
          case 2 -> option = rangeSet.fromJson(reader);
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      return new BybitTotalPnlRanges(all, perpetual, option);
    }

    @Override
    public void toJson(JsonWriter writer, BybitTotalPnlRanges value) {
      throw new UnsupportedOperationException("decoding only");
    }
  }
}
