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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Writes a result as JSON. Models go through the generated adapters, so fields carry Bybit's wire names and
 * decimals their exact digits in plain notation ({@code 0.0043950000000000005} stays as it is, {@code 9.996e-05}
 * becomes {@code 0.00009996}, never a {@code double}'s {@code 9.996E-5}). The containers the generated methods wrap
 * models in are written here: lists, maps, {@link BybitPage} (as {@code current_page}, {@code last_page},
 * {@code data}), instants as ISO-8601 text, enums by wire value.
 *
 * <p>Time fields: Bybit sends some as Unix seconds or milliseconds and others as ISO-8601 text. Unless {@code raw}
 * is asked for, every field the model holds as an {@link Instant} is written as ISO-8601 UTC, so the same field reads
 * the same in every command; raw output keeps the wire value.
 */
final class ResultJson {
  private static final Moshi MOSHI = BybitJson.moshi(false);
  private static final JsonAdapter<BigDecimal> DECIMAL = MOSHI.adapter(BigDecimal.class);

  /** Wire names of record components by model class and component name, found once (see {@link #wireName}). */
  private static final Map<String, Optional<String>> WIRE_NAMES = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Boolean> HAS_TIMES = new ConcurrentHashMap<>();

  private final boolean raw;

  private ResultJson(boolean raw) {
    this.raw = raw;
  }

  /** The result as indented JSON with times as ISO-8601 UTC; {@code null} for an operation without a result. */
  static String write(Object result) {
    return write(result, false);
  }

  /** @param raw whether time fields keep their wire form (Unix seconds, milliseconds or text, as Bybit sent them) */
  static String write(Object result, boolean raw) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      // Fields Bybit left out, or sent as null, are left out: the model cannot tell the two apart.
      writer.setSerializeNulls(false);
      new ResultJson(raw).value(writer, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does no I/O
    }
    return buffer.readUtf8();
  }

  private void value(JsonWriter writer, Object value) throws IOException {
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

  private void model(JsonWriter writer, Object value) throws IOException {
    Object masked = masked(value);
    if (raw || !hasTimes(masked.getClass())) {
      adapter(masked).toJson(writer, masked);
      return;
    }
    Object tree = JsonTree.parse(adapter(masked).toJson(masked));
    isoTimes(masked, tree);
    tree(writer, tree);
  }

  /**
   * Whether a model holds an instant anywhere (in a component, a nested record, a list or map of them); only those
   * take the detour through a tree, the others are written by their adapter directly.
   */
  static boolean hasTimes(Class<?> type) {
    Boolean known = HAS_TIMES.get(type);
    if (known == null) {
      known = hasTimes(type, new HashSet<>());
      HAS_TIMES.put(type, known);
    }
    return known;
  }

  private static boolean hasTimes(java.lang.reflect.Type type, Set<java.lang.reflect.Type> seen) {
    if (!seen.add(type)) {
      return false;
    }
    if (type == Instant.class) {
      return true;
    }
    if (type instanceof ParameterizedType generic) {
      return Arrays.stream(generic.getActualTypeArguments()).anyMatch(argument -> hasTimes(argument, seen));
    }
    if (type instanceof Class<?> plain && plain.isRecord()) {
      return Arrays.stream(plain.getRecordComponents()).anyMatch(c -> hasTimes(c.getGenericType(), seen));
    }
    return false;
  }

  /** The generated adapter of the model; the client's Moshi refuses reflection for BybitKit types. */
  @SuppressWarnings("unchecked")
  private static JsonAdapter<Object> adapter(Object model) {
    return (JsonAdapter<Object>) MOSHI.adapter(model.getClass());
  }

  /** Replaces, in {@code node} (the JSON of {@code value}), every instant's wire form by ISO-8601 UTC text. */
  @SuppressWarnings("unchecked")
  private static void isoTimes(Object value, Object node) {
    if (value instanceof Record record && node instanceof Map<?, ?> object) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object field = componentValue(record, component);
        if (field == null || isScalar(field) && !(field instanceof Instant)) {
          continue;
        }
        // RecordComponent has no equals of its own: the key is the class and the component's name.
        String key = record.getClass().getName() + "#" + component.getName();
        Optional<String> name = WIRE_NAMES.get(key);
        if (name == null) {
          name = wireName(record, component, field);
          if (name.isPresent()) { // not found (an empty list the adapter leaves out): try again with the next value
            WIRE_NAMES.put(key, name);
          }
        }
        if (name.isEmpty() || !object.containsKey(name.get())) {
          continue;
        }
        if (field instanceof Instant instant) {
          ((Map<String, Object>) object).put(name.get(), instant.toString());
        } else {
          isoTimes(field, object.get(name.get()));
        }
      }
    } else if (value instanceof List<?> items && node instanceof List<?> nodes && items.size() == nodes.size()) {
      for (int i = 0; i < items.size(); i++) {
        isoTimes(items.get(i), nodes.get(i));
      }
    } else if (value instanceof Map<?, ?> map && node instanceof Map<?, ?> object) {
      map.forEach((key, item) -> isoTimes(item, object.get(String.valueOf(key))));
    }
  }

  /**
   * The JSON name the generated adapter writes {@code component} under: the one name in the JSON of a record that
   * holds only that component's value (the records accept null for every component).
   */
  private static Optional<String> wireName(Record record, RecordComponent component, Object field) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      arguments[i] = components[i].getName().equals(component.getName()) ? field : null;
    }
    try {
      Object alone = record.getClass().getDeclaredConstructor(types).newInstance(arguments);
      Object tree = JsonTree.parse(adapter(alone).toJson(alone));
      return tree instanceof Map<?, ?> object && object.size() == 1
          ? Optional.of(String.valueOf(object.keySet().iterator().next()))
          : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty(); // the field keeps its wire form
    }
  }

  private static Object componentValue(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Record || value instanceof Collection<?> || value instanceof Map<?, ?>);
  }

  /** Writes a {@link JsonTree}; numbers as their literal text, so no digit changes. */
  private static void tree(JsonWriter writer, Object node) throws IOException {
    if (node instanceof Map<?, ?> object) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        tree(writer, entry.getValue());
      }
      writer.endObject();
    } else if (node instanceof List<?> items) {
      writer.beginArray();
      for (Object item : items) {
        tree(writer, item);
      }
      writer.endArray();
    } else if (node instanceof JsonTree.Number number) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(number.text());
      }
    } else if (node instanceof Boolean bool) {
      writer.value(bool);
    } else if (node == null) {
      writer.nullValue();
    } else {
      writer.value(node.toString());
    }
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
