package io.github.bybitkit.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The Moshi instance of BybitKit: the generated adapters, exact decimals, and a guard that refuses to fall back to
 * Moshi's reflective adapters for any BybitKit type.
 */
public final class BybitMoshi {
  private BybitMoshi() {}

  /**
   * @param strict fail on fields the spec does not know (contract tests) instead of skipping them
   */
  public static Moshi create(boolean strict) {
    return new Moshi.Builder()
        .add(strict ? BybitJsonAdapterFactory.strict() : BybitJsonAdapterFactory.lenient())
        .add(BigDecimal.class, DECIMAL)
        .add(NO_REFLECTION)
        .build();
  }

  private static final JsonAdapter<BigDecimal> DECIMAL = new JsonAdapter<>() {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return JsonValues.readDecimal(reader);
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      JsonValues.writeDecimalNumber(writer, value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigDecimal, exact)";
    }
  };

  /** Consulted after the generated factory: a BybitKit type reaching it has no generated adapter. */
  static final JsonAdapter.Factory NO_REFLECTION = new JsonAdapter.Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      Class<?> raw = Types.getRawType(type);
      if (raw.getName().startsWith("io.github.bybitkit.")) {
        throw new IllegalArgumentException("No generated JSON adapter for " + type
            + "; BybitKit never decodes its types by reflection");
      }
      return null;
    }
  };
}
