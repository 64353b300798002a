package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import javax.lang.model.element.Modifier;

/**
 * One immutable record per model. Lists and maps are copied unmodifiable (nulls kept: JSON null stays null).
 * Enum fields store Bybit's raw text in a {@code <name>Raw} component; the {@code <name>()} accessor decodes it, to
 * {@code UNKNOWN} for a value this version does not know.
 */
final class ModelEmitter {
  private static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  private final JavaTypes types;
  private final Runtime runtime;

  ModelEmitter(JavaTypes types, Runtime runtime) {
    this.types = types;
    this.runtime = runtime;
  }

  /** The record component of a property: its name differs from the JSON-derived name only for enums. */
  static String componentName(ApiProperty p) {
    return p.type() instanceof EnumRef ? p.javaName() + "Raw" : p.javaName();
  }

  JavaFile emit(ApiModel model) {
    StringBuilder doc = new StringBuilder();
    String description = Docs.text(model.description());
    doc.append(description.isEmpty() ? "Schema " + Docs.code(model.schemaName()) + "." : description).append("\n\n");

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    boolean needsCompact = false;
    TypeSpec.Builder record = TypeSpec.recordBuilder(model.className())
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Docs.generated("spec/openapi.yaml, schema " + model.schemaName()));

    for (ApiProperty p : model.properties()) {
      String component = componentName(p);
      TypeName stored = types.storedType(p.type());
      constructor.addParameter(ParameterSpec.builder(stored, component).build());
      compact.addParameter(ParameterSpec.builder(stored, component).build());
      if (p.type() instanceof EnumRef e) {
        doc.append("@param ").append(component).append(" JSON ").append(Docs.code(p.jsonName()))
            .append(" as Bybit sent it; {@link #").append(p.javaName()).append("()} decodes it.\n");
        record.addMethod(MethodSpec.methodBuilder(p.javaName())
            .addModifiers(Modifier.PUBLIC)
            .returns(types.javaType(e))
            .addJavadoc("$L\n\n", Docs.orField(p.description(), p.jsonName()))
            .addJavadoc("@return the decoded value, {@code UNKNOWN} for a value this version does not know (the raw\n")
            .addJavadoc("    text stays in {@link #$L()}), or null when absent\n", component)
            .addStatement("return $T.fromWire($L)", types.javaType(e), component)
            .build());
      } else {
        doc.append("@param ").append(component).append(' ').append(Docs.orField(p.description(), p.jsonName()))
            .append(" JSON ").append(Docs.code(p.jsonName())).append(".\n");
      }
      if (p.type() instanceof ListOf) {
        // A list the adapter decoded is frozen already and kept as it is; any other list is copied.
        compact.addStatement("$1L = $1L == null ? null : $2T.copyOf($1L)", component, runtime.frozenList);
        needsCompact = true;
      } else if (p.type() instanceof MapOf) {
        compact.addStatement("$1L = $1L == null ? null : $2T.unmodifiableMap(new $3T<>($1L))", component,
            COLLECTIONS, LINKED_HASH_MAP);
        needsCompact = true;
      }
    }
    // The compact form carries the components too; it is used only when there is something to copy.
    record.recordConstructor(needsCompact ? compact.build() : constructor.build());
    if (model.properties().stream().anyMatch(ApiProperty::secret)) {
      record.addMethod(maskingToString(model));
    }
    record.addJavadoc("$L", doc.toString().stripTrailing() + "\n");
    return Docs.file(model.packageName(), record.build());
  }

  /** The record's own form ({@code Name[a=1, b=x]}), with every secret field masked: a log is no place for a key. */
  private MethodSpec maskingToString(ApiModel model) {
    CodeBlock.Builder text = CodeBlock.builder().add("return $S", model.className() + "[");
    for (int i = 0; i < model.properties().size(); i++) {
      ApiProperty p = model.properties().get(i);
      String component = componentName(p);
      text.add("\n    + $S + ", (i == 0 ? "" : ", ") + component + "=");
      text.add(p.secret() ? CodeBlock.of("$T.mask($L)", runtime.secrets, component) : CodeBlock.of("$L", component));
    }
    text.add("\n    + $S", "]");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("Like a record's own {@code toString()}, with the secret fields masked (their accessors return\n")
        .addJavadoc("them whole).\n\n@return the components, secrets masked\n")
        .addStatement("$L", text.build())
        .build();
  }
}
