package io.github.bybitkit.contract;

import com.squareup.moshi.JsonAdapter;
import io.github.bybitkit.internal.json.BybitResultAdapters;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.bybitkit.contract.SpecSchemas.View;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.internal.json.BybitJsonAdapterFactory;
import io.github.bybitkit.internal.json.BybitMoshi;
import io.github.bybitkit.internal.json.EnvelopeAdapter;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import okio.Buffer;

/**
 * Decodes a response with the generated adapters, encodes the value again, and compares the two JSON trees: whatever
 * the model does not keep is drift.
 *
 * <p>Decoding is lenient, so a field the model lacks is skipped and then shows up here as not written back (strict
 * decoding would stop at the first). The envelope goes through {@link EnvelopeAdapter}. The result goes through the
 * operation's adapter; where that is a hand-written adapter that reshapes the result for users
 * ({@code PositionListAdapter}: one position or a list of entries, both returned as a list of valid positions), it
 * goes through the generated adapters of the {@code oneOf} branch the JSON took instead, since reshaping is not
 * keeping.
 *
 * <p>Comparison is exact, with these equalities, each because the model holds one value for both forms by design:
 * <ol>
 *   <li>Field order does not count (JSON objects are unordered).</li>
 *   <li>A null field and an absent field are equal: models hold both as Java null (every response field is optional
 *       in the spec) and the encoder leaves nulls out.</li>
 *   <li>Numbers are equal when their plain forms are: same value and same digits after the point, any notation
 *       ({@code 9.996e-05} = {@code 0.00009996}, {@code 1E+2} = {@code 100}, but {@code 1.10} &ne; {@code 1.1}),
 *       since {@code BigDecimal} keeps value and scale but not notation.</li>
 *   <li>A decimal the spec marks {@code x-bybit-type: decimal}: numeric strings compare as numbers by rule 3, and where
 *       the spec allows both a number and a string ({@code DecimalNumberOrString}) a number equals a string of the
 *       same plain form, since the spec declares both one decimal.</li>
 *   <li>A date-time ({@code format: date-time} or {@code x-bybit-type: rfc3339}): strings are equal when they are the
 *       same instant ({@code 2019-06-11T02:20:24.000Z} = {@code 2019-06-11T02:20:24Z}), since the model holds an
 *       {@code Instant}; for {@code rfc3339}, {@code ""} equals null, the spec's "not set".</li>
 *   <li>A decimal's {@code ""} equals null (the runtime reads it so; {@code DecimalStringOrEmpty} allows it).</li>
 *   <li>An error envelope's {@code result} is not compared: the SDK never decodes the result of a non-zero return code,
 *       so that an error is never hidden behind a decoding failure.</li>
 * </ol>
 * Everything else (strings, booleans, a number against a string elsewhere, enum raw values, the v2 {@code time_now}
 * text) must be identical.
 */
final class RoundTrip {
  private static final int EXAMPLE_LENGTH = 80;

  private final SpecSchemas spec;
  private final Moshi moshi = BybitMoshi.create(false);
  private final Map<String, Class<?>> modelsBySchemaName = BybitJsonAdapterFactory.modelClasses().stream()
      .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

  RoundTrip(SpecSchemas spec) {
    this.spec = spec;
  }

  /** Every difference between {@code body} and what the generated model writes back after reading it. */
  List<Drift> check(OperationInfo op, String file, String body) {
    Json original = Json.parse(body);
    List<Drift> drifts = new ArrayList<>();
    Json reencoded;
    try {
      reencoded = reencode(op, original);
    } catch (JsonDataException | IllegalArgumentException e) {
      drifts.add(new Drift(op.operationId(), file, Drift.Kind.NOT_KEPT, "$", "the response",
          "the generated model cannot read it: " + e.getMessage()));
      return drifts;
    }
    if (isErrorEnvelope(original)) {
      original = withoutResult((Json.Obj) original);
      reencoded = reencoded instanceof Json.Obj o ? withoutResult(o) : reencoded;
    }
    compare(spec.response200(op), original, reencoded, "$", (path, found, written) ->
        drifts.add(new Drift(op.operationId(), file, Drift.Kind.NOT_KEPT, path, found, written)));
    return drifts;
  }

  /** Decodes the whole body with the envelope and result adapters, then encodes the value again. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Json reencode(OperationInfo op, Json original) {
    try {
      JsonAdapter<Object> result = (JsonAdapter<Object>) resultAdapter(op, original);
      EnvelopeAdapter<Object> envelope = new EnvelopeAdapter<>(op.envelope(), result, false);
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(original.text()));
      Object value = envelope.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("Content after the envelope at " + reader.getPath());
      }
      Buffer out = new Buffer();
      try (JsonWriter writer = JsonWriter.of(out)) {
        envelope.toJson(writer, value);
      }
      return Json.parse(out.readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory buffers
    }
  }

  private JsonAdapter<?> resultAdapter(OperationInfo op, Json original) {
    if (op.resultType() == Void.class) {
      return null;
    }
    JsonAdapter<?> generic = moshi.adapter(op.resultType());
    if (BybitResultAdapters.create(op, moshi, false).getClass() == generic.getClass()) {
      return generic;
    }
    // A hand-written adapter reshapes the result: use the generated adapters of the branch the JSON took.
    Json result = original instanceof Json.Obj o ? o.fields().get("result") : null;
    if (result == null || result instanceof Json.Null) {
      return moshi.adapter(op.resultType());
    }
    Schema<?> resultSchema = spec.view(spec.response200(op)).field("result");
    for (SpecSchemas.Part part : spec.view(resultSchema).parts) {
      for (Schema<?> branch : View.branches(part.schema())) {
        if (spec.view(branch).allows(result.typeName())) {
          return moshi.adapter(javaType(branch));
        }
      }
    }
    throw new IllegalArgumentException("No branch of the result schema of " + op.operationId() + " takes a "
        + result.typeName());
  }

  /** The generated model type of a schema: a model by its schema name, or a list of one. */
  private Type javaType(Schema<?> schema) {
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      Class<?> model = modelsBySchemaName.get(name);
      if (model == null) {
        throw new IllegalStateException("No generated model for schema " + name);
      }
      return model;
    }
    if (schema.getItems() != null) {
      return Types.newParameterizedType(List.class, javaType(schema.getItems()));
    }
    throw new IllegalStateException("No generated model type for an inline schema " + schema);
  }

  private static boolean isErrorEnvelope(Json body) {
    if (body instanceof Json.Obj o) {
      for (String name : List.of("ret_code", "retCode")) {
        if (o.fields().get(name) instanceof Json.Num code) {
          return code.value().signum() != 0;
        }
      }
    }
    return false;
  }

  private static Json.Obj withoutResult(Json.Obj envelope) {
    Map<String, Json> fields = new LinkedHashMap<>(envelope.fields());
    fields.remove("result");
    return new Json.Obj(fields);
  }

  // ---------------------------------------------------------------- comparison

  /** Receives one difference: the path, the original value and what was written back. */
  @FunctionalInterface
  interface Differences {
    void add(String path, String original, String writtenBack);
  }

  /**
   * Compares {@code original} with {@code reencoded} under {@code schema} (null where the spec has none, e.g. an
   * unknown field), by the rules in the class comment. Java null stands for an absent field.
   */
  void compare(Schema<?> schema, Json original, Json reencoded, String path, Differences out) {
    View declared = schema == null ? null : spec.view(schema);
    if (sameValue(declared, original, reencoded)) {
      return;
    }
    // Of an anyOf/oneOf, what the branch the original took says about its fields and items.
    View view = declared == null ? null : declared.forType(original == null ? "null" : original.typeName());
    if (sameValue(view, original, reencoded)) {
      return;
    }
    if (original instanceof Json.Obj a && reencoded instanceof Json.Obj b) {
      Set<String> names = new LinkedHashSet<>(a.fields().keySet());
      names.addAll(b.fields().keySet());
      for (String name : names) {
        compare(view == null ? null : view.field(name), a.fields().get(name), b.fields().get(name),
            Json.fieldPath(path, name), out);
      }
    } else if (original instanceof Json.Arr a && reencoded instanceof Json.Arr b && a.items().size() == b.items()
        .size()) {
      Schema<?> items = view == null ? null : view.items();
      for (int i = 0; i < a.items().size(); i++) {
        compare(items, a.items().get(i), b.items().get(i), Json.itemPath(path, i), out);
      }
    } else {
      out.add(path, original == null ? "absent" : original.shortText(EXAMPLE_LENGTH),
          reencoded == null ? "not written back" : "written back as " + reencoded.shortText(EXAMPLE_LENGTH));
    }
  }

  /** Whether two values are equal as the class comment defines it; false for two objects or two arrays. */
  private static boolean sameValue(View view, Json a, Json b) {
    boolean aNone = a == null || a instanceof Json.Null;
    boolean bNone = b == null || b instanceof Json.Null;
    if (view != null && view.isDateTime()) {
      boolean emptyIsNone = "rfc3339".equals(view.bybitType());
      Instant ia = instant(a, emptyIsNone);
      Instant ib = instant(b, emptyIsNone);
      if (ia != UNPARSEABLE && ib != UNPARSEABLE) {
        return Objects.equals(ia, ib);
      }
    }
    if (view != null && "void".equals(view.bybitType())) {
      // Nothing of a void value is kept: equal only when there was nothing to keep, null or the {} of an object.
      boolean typedObject = view.allows("object") && !view.types().containsAll(SpecSchemas.ANY_TYPE);
      boolean emptyObject = a instanceof Json.Obj o && o.fields().isEmpty();
      return bNone && (aNone || typedObject && emptyObject);
    }
    if (view != null && "decimal".equals(view.bybitType())) {
      // The runtime reads a decimal's "" as null; whether "" is allowed at all is the spec validation's call.
      aNone = aNone || a instanceof Json.Str sa && sa.value().isEmpty();
      bNone = bNone || b instanceof Json.Str sb && sb.value().isEmpty();
    }
    if (aNone || bNone) {
      return aNone && bNone;
    }
    if (a instanceof Json.Num x && b instanceof Json.Num y) {
      return plain(x.literal()).equals(plain(y.literal()));
    }
    if (view != null && "decimal".equals(view.bybitType()) && isNumeric(a) && isNumeric(b)
        && (a.getClass() == b.getClass() || (view.allows("number") && view.allows("string")))) {
      return plain(numericText(a)).equals(plain(numericText(b)));
    }
    if (a instanceof Json.Obj || a instanceof Json.Arr) {
      return false;
    }
    return a.equals(b);
  }

  private static final Instant UNPARSEABLE = Instant.MIN;

  /** The instant of a date-time string; null for no value; {@link #UNPARSEABLE} for anything else. */
  private static Instant instant(Json value, boolean emptyIsNone) {
    if (value == null || value instanceof Json.Null) {
      return null;
    }
    if (!(value instanceof Json.Str s)) {
      return UNPARSEABLE;
    }
    if (s.value().isEmpty()) {
      return emptyIsNone ? null : UNPARSEABLE;
    }
    try {
      return OffsetDateTime.parse(s.value(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return UNPARSEABLE;
    }
  }

  private static boolean isNumeric(Json value) {
    if (value instanceof Json.Num) {
      return true;
    }
    if (value instanceof Json.Str s) {
      try {
        new BigDecimal(s.value());
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }

  private static String numericText(Json value) {
    return value instanceof Json.Num n ? n.literal() : ((Json.Str) value).value();
  }

  private static String plain(String number) {
    return new BigDecimal(number).toPlainString();
  }

  @Override
  public String toString() {
    return "RoundTrip(" + spec + ")";
  }
}
