package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.GeneratorConfig.SchemaType;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.IJsonSchemaValidationProperties;

/** The IR type of a spec schema: scalars by type, format and {@code x-bybit-type}, models, and configured types. */
final class TypeMapper {
  private final GeneratorConfig config;
  private final Map<String, CodegenModel> modelsByClass;

  TypeMapper(GeneratorConfig config, Map<String, CodegenModel> modelsByClass) {
    this.config = config;
    this.modelsByClass = modelsByClass;
  }

  ApiType typeOf(IJsonSchemaValidationProperties p, Map<String, Object> extensions, boolean isEnumRef,
      String where) {
    Object extension = extensions == null ? null : extensions.get(IrMapper.TYPE_EXTENSION);
    if (extension != null) {
      return switch (String.valueOf(extension)) {
        case "decimal" -> new Scalar(p.getIsString() ? ScalarKind.DECIMAL_STRING
            : p.getIsNumber() ? ScalarKind.DECIMAL_NUMBER : ScalarKind.DECIMAL_EITHER);
        case "epoch-seconds" -> new Scalar(ScalarKind.INSTANT_EPOCH_SECONDS);
        case "local-date-time" -> new Scalar(ScalarKind.LOCAL_DATE_TIME);
        case "rfc3339" -> new Scalar(ScalarKind.INSTANT_RFC3339);
        case "void" -> new Scalar(ScalarKind.VOID);
        default -> throw new IllegalArgumentException(where + ": unknown " + IrMapper.TYPE_EXTENSION + " '" + extension
            + "'");
      };
    }
    if (p.getIsArray()) {
      CodegenProperty items = p.getItems();
      return new ListOf(typeOf(items, items.vendorExtensions, items.isEnumRef, where + " items"));
    }
    if (p.getIsMap()) {
      CodegenProperty values = p.getItems();
      return new MapOf(typeOf(values, values.vendorExtensions, values.isEnumRef, where + " values"));
    }
    // Parameters leave complexType empty and name the referenced schema's class in dataType.
    String complex = p.getComplexType() != null ? p.getComplexType() : p.getDataType();
    CodegenModel target = complex == null ? null : modelsByClass.get(complex);
    if (target != null) {
      SchemaType mapped = config.schemaType(target.name).orElse(null);
      if (mapped != null && mapped.isEnum()) {
        boolean integerWire = "Integer".equals(target.dataType) || "Long".equals(target.dataType);
        return new EnumRef(mapped.enumClass(), integerWire);
      }
      if (mapped != null) {
        return new Custom(mapped.javaType(), mapped.adapterClass());
      }
      if (target.isEnum || isEnumRef) {
        throw new IllegalArgumentException(where + ": enum schema " + target.name + " needs a 'schemaTypes' entry");
      }
      return new ModelRef(target.name);
    }
    if (p.getIsEnum()) {
      throw new IllegalArgumentException(where + ": inline enums are not supported; make it a component schema");
    }
    if (p.getIsDateTime()) {
      return new Scalar(ScalarKind.INSTANT_RFC3339);
    }
    if (p.getIsDate()) {
      return new Scalar(ScalarKind.LOCAL_DATE);
    }
    if (p.getIsString()) {
      return new Scalar(ScalarKind.STRING);
    }
    if (p.getIsBoolean()) {
      return new Scalar(ScalarKind.BOOLEAN);
    }
    if (p.getIsLong()) {
      return new Scalar(ScalarKind.LONG);
    }
    if (p.getIsInteger() || p.getIsShort()) {
      return new Scalar(ScalarKind.INT);
    }
    if (p.getIsNumber() || p.getIsDecimal() || p.getIsFloat() || p.getIsDouble()) {
      return new Scalar(ScalarKind.DECIMAL_NUMBER);
    }
    throw new IllegalArgumentException(where + ": unsupported schema (" + p.getDataType() + ")");
  }

  /** Whether the type is or holds {@code void}, which only an operation's result may be. */
  static boolean containsVoid(ApiType type) {
    if (type instanceof ListOf l) {
      return containsVoid(l.item());
    }
    if (type instanceof MapOf m) {
      return containsVoid(m.value());
    }
    return type instanceof Scalar s && s.kind() == ScalarKind.VOID;
  }
}
