package io.github.bybitkit.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.bybitkit.BybitPage;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.enums.BybitEnum;
import io.github.bybitkit.metadata.BybitJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * Writes a result as JSON. Models go through the generated adapters, so fields carry Bybit's wire names and
 * decimals their exact digits in plain notation ({@code 0.0043950000000000005} stays as it is, {@code 9.996e-05}
 * becomes {@code 0.00009996}, never a {@code double}'s {@code 9.996E-5}). The containers the generated methods wrap
 * models in are written here: lists, maps, {@link BybitPage} (as {@code current_page}, {@code last_page},
 * {@code data}), instants as ISO-8601 text, enums by wire value.
 */
final class ResultJson {
  private static final Moshi MOSHI = BybitJson.moshi(false);
  private static final JsonAdapter<BigDecimal> DECIMAL = MOSHI.adapter(BigDecimal.class);

  private ResultJson() {}

  /** The result as indented JSON; {@code null} for an operation without a result. */
  static String write(Object result) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      // Fields Bybit left out, or sent as null, are left out: the model cannot tell the two apart.
      writer.setSerializeNulls(false);
      value(writer, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does no I/O
    }
    return buffer.readUtf8();
  }

  private static void value(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof BigDecimal decimal) {
      DECIMAL.toJson(writer, decimal); // the client's exact decimal adapter: plain digits, never a double
    } else if (value instanceof Number number) {
      writer.value(number);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value instanceof String text) {
      writer.value(text);
    } else if (value instanceof BybitEnum enumValue) {
      writer.value(enumValue.wireValue());
    } else if (value instanceof Instant || value instanceof LocalDate) {
      writer.value(value.toString());
    } else if (value instanceof BybitPage<?> page) {
      writer.beginObject();
      writer.name("current_page");
      value(writer, page.currentPage());
      writer.name("last_page");
      value(writer, page.lastPage());
      writer.name("data");
      value(writer, page.data());
      writer.endObject();
    } else if (value instanceof Collection<?> items) {
      writer.beginArray();
      for (Object item : items) {
        value(writer, item);
      }
      writer.endArray();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        value(writer, entry.getValue());
      }
      writer.endObject();
    } else {
      model(writer, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static void model(JsonWriter writer, Object value) throws IOException {
    // The generated adapter of the model; the client's Moshi refuses reflection for BybitKit types, so none is guessed.
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(value.getClass());
    adapter.toJson(writer, masked(value));
  }

  /**
   * The record with every text component named like an API key or secret (getApiKeyInfo's {@code apiKey})
   * {@link Credentials#redact redacted}: a terminal, a log or a CI output is no place for a key. The record's
   * accessor still returns the key to SDK users; only the CLI's output masks it.
   */
  static Object masked(Object value) {
    if (!(value instanceof Record record)) {
      return value;
    }
    RecordComponent[] components = record.getClass().getRecordComponents();
    boolean hasSecret = false;
    for (RecordComponent component : components) {
      hasSecret |= component.getType() == String.class && isSecretField(component.getName());
    }
    if (!hasSecret) {
      return value;
    }
    try {
      Object[] arguments = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        Object component = components[i].getAccessor().invoke(record);
        boolean secret = components[i].getType() == String.class && isSecretField(components[i].getName());
        arguments[i] = secret && component != null ? Credentials.redact((String) component) : component;
        types[i] = components[i].getType();
      }
      return record.getClass().getDeclaredConstructor(types).newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      // Never print the unmasked record.
      throw new IllegalStateException("cannot mask the secrets of " + record.getClass().getSimpleName(), e);
    }
  }

  static boolean isSecretField(String name) {
    if (name == null) {
      return false;
    }
    String normalized = name.replace("_", "").toLowerCase(Locale.ROOT);
    return normalized.equals("apikey") || normalized.contains("secret");
  }
}
