package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import java.util.ArrayList;
import java.util.List;

/** Java types of IR types, and the JSON codec calls that read and write them. */
final class JavaTypes {
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  static final ClassName LOCAL_DATE_TIME = ClassName.get("java.time", "LocalDateTime");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName STRING = ClassName.get(String.class);

  static final ClassName MOSHI = ClassName.get("com.squareup.moshi", "Moshi");
  static final ClassName JSON_ADAPTER = ClassName.get("com.squareup.moshi", "JsonAdapter");
  static final ClassName JSON_READER = ClassName.get("com.squareup.moshi", "JsonReader");
  static final ClassName JSON_WRITER = ClassName.get("com.squareup.moshi", "JsonWriter");
  static final ClassName MOSHI_TYPES = ClassName.get("com.squareup.moshi", "Types");

  private final ApiSpec spec;
  private final ClassName jsonValues;

  JavaTypes(ApiSpec spec) {
    this.spec = spec;
    this.jsonValues = ClassName.get(spec.jsonPackage(), "JsonValues");
  }

  ClassName jsonValues() {
    return jsonValues;
  }

  /** The Java type of a value; enums as their hand-written class. */
  TypeName javaType(ApiType type) {
    if (type instanceof Scalar s) {
      return switch (s.kind()) {
        case STRING -> STRING;
        case INT -> ClassName.get(Integer.class);
        case LONG -> ClassName.get(Long.class);
        case BOOLEAN -> ClassName.get(Boolean.class);
        case DECIMAL_NUMBER, DECIMAL_STRING, DECIMAL_EITHER -> BIG_DECIMAL;
        case INSTANT_RFC3339, INSTANT_EPOCH_SECONDS -> INSTANT;
        case LOCAL_DATE_TIME -> LOCAL_DATE_TIME;
        case LOCAL_DATE -> LOCAL_DATE;
        case VOID -> ClassName.get(Void.class);
      };
    }
    if (type instanceof EnumRef e) {
      return ClassName.bestGuess(e.javaClass());
    }
    if (type instanceof ModelRef m) {
      return modelClass(m.schemaName());
    }
    if (type instanceof ListOf l) {
      return ParameterizedTypeName.get(LIST, javaType(l.item()));
    }
    if (type instanceof MapOf m) {
      return ParameterizedTypeName.get(MAP, STRING, javaType(m.value()));
    }
    if (type instanceof Custom c) {
      return parse(c.javaType());
    }
    throw new IllegalStateException("unknown type " + type);
  }

  /**
   * The type a record stores: enums are kept as the raw wire text, so an unknown value is never lost. (IrMapper
   * refuses lists and maps of enums, which would have no raw form.)
   */
  TypeName storedType(ApiType type) {
    if (type instanceof EnumRef) {
      return STRING;
    }
    return javaType(type);
  }

  ClassName modelClass(String schemaName) {
    ApiModel model = spec.requireModel(schemaName);
    return ClassName.get(model.packageName(), model.className());
  }

  ClassName adapterClass(String schemaName) {
    return ClassName.get(spec.jsonPackage(), Names.adapterClass(spec.requireModel(schemaName).className()));
  }

  // ------------------------------------------------------------------ JSON codecs

  /** The models and custom types a value of this type needs adapters for, in first-use order. */
  static void collectAdapterNeeds(ApiType type, List<ApiType> into) {
    if (type instanceof ModelRef || type instanceof Custom) {
      if (!into.contains(type)) {
        into.add(type);
      }
    } else if (type instanceof ListOf l) {
      collectAdapterNeeds(l.item(), into);
    } else if (type instanceof MapOf m) {
      collectAdapterNeeds(m.value(), into);
    }
  }

  /** Name of the adapter field for a model or custom type, e.g. {@code bybitPnlRangeAdapter}. */
  String adapterField(ApiType type) {
    if (type instanceof ModelRef m) {
      return Names.modelAdapterField(modelClass(m.schemaName()).simpleName());
    }
    return Names.customAdapterField(((ClassName) rawClass(parse(((Custom) type).adapterClass()))).simpleName());
  }

  /** Expression that reads a value of this type from {@code readerVar}; lambda parameters come from {@code scope}. */
  CodeBlock read(ApiType type, String readerVar, Names.Scope scope, int depth) {
    if (type instanceof Scalar || type instanceof EnumRef) {
      return CodeBlock.of("$T.$L($L)", jsonValues, valueReader(type), readerVar);
    }
    if (type instanceof ModelRef || type instanceof Custom) {
      // Qualified: a local named like the adapter field must not hide it.
      return CodeBlock.of("this.$L.fromJson($L)", adapterField(type), readerVar);
    }
    String inner = scope.local("r" + (depth + 1));
    if (type instanceof ListOf l) {
      return CodeBlock.of("$T.readList($L, $L -> $L)", jsonValues, readerVar, inner, read(l.item(), inner, scope, depth + 1));
    }
    if (type instanceof MapOf m) {
      return CodeBlock.of("$T.readMap($L, $L -> $L)", jsonValues, readerVar, inner, read(m.value(), inner, scope, depth + 1));
    }
    throw new IllegalStateException("unknown type " + type);
  }

  /**
   * Expression that reads a value of this type from the {@code ByteJsonReader} {@code readerVar}: the same reading as
   * {@link #read}, from bytes.
   */
  CodeBlock readBytes(ApiType type, String readerVar, Names.Scope scope, int depth) {
    if (type instanceof Scalar || type instanceof EnumRef) {
      // The byte reader's methods are named like JsonValues' readers.
      return CodeBlock.of("$L.$L()", readerVar, valueReader(type));
    }
    if (type instanceof ModelRef || type instanceof Custom) {
      return CodeBlock.of("$L.read(this.$L)", readerVar, adapterField(type));
    }
    String inner = scope.local("r" + (depth + 1));
    if (type instanceof ListOf l) {
      return CodeBlock.of("$L.readList($L -> $L)", readerVar, inner, readBytes(l.item(), inner, scope, depth + 1));
    }
    if (type instanceof MapOf m) {
      return CodeBlock.of("$L.readMap($L -> $L)", readerVar, inner, readBytes(m.value(), inner, scope, depth + 1));
    }
    throw new IllegalStateException("unknown type " + type);
  }

  /** The reader of a scalar or enum value: a method of JsonValues, and of ByteJsonReader by the same name. */
  private static String valueReader(ApiType type) {
    if (type instanceof EnumRef) {
      return "readRaw";
    }
    return switch (((Scalar) type).kind()) {
      case STRING -> "readString";
      case INT -> "readInt";
      case LONG -> "readLong";
      case BOOLEAN -> "readBoolean";
      case DECIMAL_NUMBER, DECIMAL_STRING, DECIMAL_EITHER -> "readDecimal";
      case INSTANT_RFC3339 -> "readRfc3339";
      case INSTANT_EPOCH_SECONDS -> "readEpochSeconds";
      case LOCAL_DATE_TIME -> "readLocalDateTime";
      case LOCAL_DATE -> "readLocalDate";
      case VOID -> throw new IllegalArgumentException("a field cannot be void");
    };
  }

  /** Statement-less expression that writes {@code value} of this type to {@code writerVar}. */
  CodeBlock write(ApiType type, String writerVar, CodeBlock value, Names.Scope scope, int depth) {
    if (type instanceof Scalar s) {
      return switch (s.kind()) {
        case STRING, INT, LONG, BOOLEAN -> CodeBlock.of("$L.value($L)", writerVar, value);
        case DECIMAL_NUMBER -> CodeBlock.of("$T.writeDecimalNumber($L, $L)", jsonValues, writerVar, value);
        case DECIMAL_STRING, DECIMAL_EITHER -> CodeBlock.of("$T.writeDecimalString($L, $L)", jsonValues, writerVar, value);
        case INSTANT_RFC3339 -> CodeBlock.of("$T.writeRfc3339($L, $L)", jsonValues, writerVar, value);
        case INSTANT_EPOCH_SECONDS -> CodeBlock.of("$T.writeEpochSeconds($L, $L)", jsonValues, writerVar, value);
        case LOCAL_DATE_TIME -> CodeBlock.of("$T.writeLocalDateTime($L, $L)", jsonValues, writerVar, value);
        case LOCAL_DATE -> CodeBlock.of("$T.writeLocalDate($L, $L)", jsonValues, writerVar, value);
        case VOID -> throw new IllegalArgumentException("a field cannot be void");
      };
    }
    if (type instanceof EnumRef e) {
      return e.integerWire()
          ? CodeBlock.of("$T.writeRawNumber($L, $L)", jsonValues, writerVar, value)
          : CodeBlock.of("$L.value($L)", writerVar, value);
    }
    if (type instanceof ModelRef || type instanceof Custom) {
      return CodeBlock.of("this.$L.toJson($L, $L)", adapterField(type), writerVar, value);
    }
    String w = scope.local("w" + (depth + 1));
    String v = scope.local("v" + (depth + 1));
    CodeBlock element = write(type instanceof ListOf l ? l.item() : ((MapOf) type).value(), w, CodeBlock.of("$L", v),
        scope, depth + 1);
    String method = type instanceof ListOf ? "writeList" : "writeMap";
    return CodeBlock.of("$T.$L($L, $L, ($L, $L) -> $L)", jsonValues, method, writerVar, value, w, v, element);
  }

  /** A {@code java.lang.reflect.Type} expression for this type, as Moshi wants it. */
  CodeBlock reflectType(TypeName type) {
    if (type instanceof ParameterizedTypeName p) {
      CodeBlock.Builder args = CodeBlock.builder();
      for (int i = 0; i < p.typeArguments().size(); i++) {
        args.add(i == 0 ? "$L" : ", $L", reflectType(p.typeArguments().get(i)));
      }
      return CodeBlock.of("$T.newParameterizedType($T.class, $L)", MOSHI_TYPES, p.rawType(), args.build());
    }
    return CodeBlock.of("$T.class", type);
  }

  static TypeName rawClass(TypeName type) {
    return type instanceof ParameterizedTypeName p ? p.rawType() : type;
  }

  // ------------------------------------------------------------------ type strings from the config

  /** Parses {@code java.util.List<a.b.C>} (nested generics allowed) into a JavaPoet type. */
  static TypeName parse(String text) {
    String s = text.strip();
    int open = s.indexOf('<');
    if (open < 0) {
      return ClassName.bestGuess(s);
    }
    if (!s.endsWith(">")) {
      throw new IllegalArgumentException("bad type " + text);
    }
    ClassName raw = ClassName.bestGuess(s.substring(0, open).strip());
    List<TypeName> args = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = start; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(parse(s.substring(start, i)));
        start = i + 1;
      }
    }
    args.add(parse(s.substring(start, s.length() - 1)));
    return ParameterizedTypeName.get(raw, args.toArray(new TypeName[0]));
  }
}
