package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.bybitkit.internal.BybitConverterFactory;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.internal.Envelope;
import io.github.bybitkit.metadata.EnvelopeKind;
import io.github.bybitkit.metadata.OperationInfo;
import io.github.bybitkit.internal.V2Response;
import io.github.bybitkit.internal.V5Response;
import io.github.bybitkit.internal.json.BybitJsonAdapterFactory;
import io.github.bybitkit.internal.json.BybitMoshi;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every recorded response decodes with the generated adapters in strict mode, without reflection; and strict mode
 * fails on a field the spec does not know where lenient mode skips it.
 */
class ContractDecodingTest {
  private static final String GENERATED_ADAPTER_PACKAGE = "io.github.bybitkit.internal.json";

  /** A BybitKit record without a generated adapter: BybitKit's Moshi must refuse it rather than use reflection. */
  public record NotAModel(String name, int count) {}

  // ---------------------------------------------------------------- every recorded response

  @TestFactory
  Stream<DynamicTest> everyRecordedResponseDecodesStrictly() {
    Moshi strict = BybitMoshi.create(true);
    Moshi lenient = BybitMoshi.create(false);
    return Recorded.all().stream()
        .map(r -> DynamicTest.dynamicTest(r.displayName(), r.path().toUri(), () -> assertDecodes(r, strict, lenient)));
  }

  private static void assertDecodes(Recorded recorded, Moshi strictMoshi, Moshi lenientMoshi) throws IOException {
    OperationInfo op = BybitOperations.byId(recorded.operationId());
    String json = recorded.json();
    int wireCode = wireCode(json, op.envelope());

    Envelope<?> envelope;
    try {
      envelope = decode(op, strictMoshi, true, json);
    } catch (JsonDataException e) {
      throw new AssertionError(recorded.displayName() + " does not decode in strict mode: " + e.getMessage(), e);
    }

    Class<?> envelopeClass = op.envelope() == EnvelopeKind.V2 ? V2Response.class : V5Response.class;
    assertInstanceOf(envelopeClass, envelope, recorded.displayName() + ": envelope class");
    assertEquals(wireCode, envelope.retCode(), recorded.displayName() + ": decoded return code");
    boolean namedAsError = recorded.fileName().startsWith("error-");
    if (wireCode == 0) {
      assertFalse(namedAsError, recorded.displayName() + " is named error-* but its return code is 0");
      if (op.resultType() == Void.class) {
        assertNull(envelope.result(), recorded.displayName() + ": " + op.operationId() + " has no result");
      } else {
        assertNotNull(envelope.result(), recorded.displayName() + ": a success envelope of " + op.operationId()
            + " must carry a " + op.resultType().getTypeName());
      }
    } else {
      assertTrue(namedAsError, recorded.displayName() + " has return code " + wireCode
          + "; error envelopes are named error-*");
      assertNotEquals(0, envelope.retCode(), recorded.displayName() + ": error envelope");
      assertNull(envelope.result(), recorded.displayName() + ": an error envelope's result is not decoded");
    }

    // Lenient mode reads the same values: strictness only changes what happens to unknown fields.
    assertEquals(envelope, decode(op, lenientMoshi, false, json),
        recorded.displayName() + ": strict and lenient decoding differ");
  }

  /** Decodes a whole response body and checks nothing follows the envelope. */
  private static Envelope<?> decode(OperationInfo op, Moshi moshi, boolean strict, String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object value = BybitConverterFactory.envelopeAdapter(op, moshi, strict).fromJson(reader);
    assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(),
        "the envelope adapter left content unread at " + reader.getPath());
    return (Envelope<?>) value;
  }

  /** The return code as written in the body, read without BybitKit's adapters. */
  private static int wireCode(String json, EnvelopeKind kind) throws IOException {
    String name = kind == EnvelopeKind.V2 ? "ret_code" : "retCode";
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals(name)) {
        return reader.nextInt();
      }
      reader.skipValue();
    }
    return fail("no " + name + " in the body");
  }

  // ---------------------------------------------------------------- no reflection

  @TestFactory
  Stream<DynamicTest> everyModelHasItsGeneratedAdapter() {
    Moshi strict = BybitMoshi.create(true);
    Moshi lenient = BybitMoshi.create(false);
    return BybitJsonAdapterFactory.modelClasses().stream()
        .sorted(Comparator.comparing(Class::getName))
        .map(model -> DynamicTest.dynamicTest(model.getSimpleName(), () -> {
          String expected = GENERATED_ADAPTER_PACKAGE + "." + model.getSimpleName() + "JsonAdapter";
          assertEquals(expected, strict.adapter(model).getClass().getName(), "strict adapter of " + model);
          assertEquals(expected, lenient.adapter(model).getClass().getName(), "lenient adapter of " + model);
        }));
  }

  @Test
  void everyBybitKitTypeInAResultHasAGeneratedAdapter() {
    Set<Class<?>> models = BybitJsonAdapterFactory.modelClasses();
    List<String> missing = new ArrayList<>();
    for (OperationInfo op : BybitOperations.all()) {
      for (Class<?> raw : rawTypes(op.resultType())) {
        if (raw.getName().startsWith("io.github.bybitkit.") && !models.contains(raw)) {
          missing.add(op.operationId() + ": " + raw.getName());
        }
      }
    }
    assertEquals(List.of(), missing, "result types without a generated adapter");
  }

  private static List<Class<?>> rawTypes(Type type) {
    List<Class<?>> raw = new ArrayList<>();
    raw.add(Types.getRawType(type));
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        raw.addAll(rawTypes(arg));
      }
    }
    return raw;
  }

  @Test
  void bybitKitMoshiRefusesReflectionForAnUncoveredRecord() {
    assertFalse(BybitJsonAdapterFactory.modelClasses().contains(NotAModel.class));
    for (boolean strict : new boolean[] {true, false}) {
      Moshi moshi = BybitMoshi.create(strict);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> moshi.adapter(NotAModel.class), "strict " + strict);
      assertTrue(e.getMessage().contains(NotAModel.class.getName()), e.getMessage());
      assertTrue(e.getMessage().contains("reflection"), e.getMessage());
      // Nor inside a collection.
      assertThrows(IllegalArgumentException.class,
          () -> moshi.adapter(Types.newParameterizedType(List.class, NotAModel.class)), "strict " + strict);
    }
  }

  /** Control for the test above: a plain Moshi would decode the record by reflection. */
  @Test
  void aPlainMoshiWouldUseReflectionForTheSameRecord() throws IOException {
    JsonAdapter<NotAModel> reflective = new Moshi.Builder().build().adapter(NotAModel.class);
    assertFalse(reflective.getClass().getName().startsWith(GENERATED_ADAPTER_PACKAGE), reflective.getClass().getName());
    assertEquals(new NotAModel("x", 2), reflective.fromJson("{\"name\":\"x\",\"count\":2}"));
  }

  // ---------------------------------------------------------------- strict mode bites

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "getBalances/docs-2023.json,              $.result.BTC,                 BybitBalance",
      "getPositions/without-symbol-docs-2023.json, $.result[1].data,          BybitPosition",
      "getPositions/without-symbol-docs-2023.json, $.result[0],               BybitPositionListEntry",
      "getPositions/with-symbol-docs-2023.json, $.result,                     BybitPosition",
      "getApiKeyInfo/docs-2023.json,            $.result[0],                  BybitApiKeyInfo",
      "getWithdrawalHistory/docs-2023.json,     $.result.data[0],             BybitWithdrawal",
      "getPortfolioMargin/docs-v5.json,         $.result.assetPnlRange[0].totalPnlRanges.ALL.pnlRanges[2], BybitPnlRange",
      "getBalances/docs-2023.json,              $,                            V2Envelope",
      "getPortfolioMargin/docs-v5.json,         $,                            V5Envelope",
  })
  void anUnknownFieldFailsStrictDecodingAndIsSkippedLeniently(String file, String objectPath, String model)
      throws IOException {
    String[] parts = file.split("/", 2);
    Recorded recorded = Recorded.of(parts[0], parts[1]);
    OperationInfo op = BybitOperations.byId(recorded.operationId());
    String original = recorded.json();
    String withSurprise = JsonEdit.addField(original, objectPath, "surprise", "1");

    JsonDataException e = assertThrows(JsonDataException.class,
        () -> decode(op, BybitMoshi.create(true), true, withSurprise));
    assertTrue(e.getMessage().contains("'surprise'"), "message names the field: " + e.getMessage());
    assertTrue(e.getMessage().contains(" " + model + " "), "message names the model " + model + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(objectPath + ".surprise"), "message names the path: " + e.getMessage());

    Moshi lenient = BybitMoshi.create(false);
    assertEquals(decode(op, lenient, false, original), decode(op, lenient, false, withSurprise),
        "lenient decoding skips the unknown field and reads everything else");
  }
}
