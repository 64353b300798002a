package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiTag;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import javax.lang.model.element.Modifier;

/**
 * {@code BybitOperations}: what the runtime and the contract tests need to know of every operation (method, path,
 * signing, envelope, result type, a hand-written result adapter if any, whether it is the envelope's server clock),
 * so nothing is listed by hand.
 */
final class OperationsEmitter {
  private final ApiSpec spec;
  private final JavaTypes types;
  private final Runtime runtime;

  OperationsEmitter(ApiSpec spec, JavaTypes types, Runtime runtime) {
    this.spec = spec;
    this.types = types;
    this.runtime = runtime;
  }

  /** {@code List.of(new ParameterInfo(...), ...)}: the spec's facts of each parameter, for tools. */
  private CodeBlock parameters(ApiOperation op) {
    ClassName info = runtime.parameterInfo;
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", ClassName.get("java.util", "List"));
    for (int i = 0; i < op.parameters().size(); i++) {
      ApiParameter p = op.parameters().get(i);
      list.add(i == 0 ? "\n$>$>" : ",\n");
      list.add("new $T($S, $S, $T.Location.$L, $T.class, $T.WireForm.$L, $L, $S, $L, $S, $L, $L, $S)", info,
          p.wireName(), p.javaName(), info, p.location(), JavaTypes.rawClass(types.javaType(p.type())), info,
          wireForm(p.type()), p.required(), bound(p.minimum()), p.minimum() != null && p.minimum().exclusive(),
          bound(p.maximum()), p.maximum() != null && p.maximum().exclusive(), p.nonZero(), p.description());
    }
    return list.add(op.parameters().isEmpty() ? ")" : "$<$<)").build();
  }

  private static String bound(ApiParameter.Bound bound) {
    return bound == null ? null : bound.value().toPlainString();
  }

  private static String wireForm(ApiType type) {
    if (type instanceof EnumRef e) {
      return e.integerWire() ? "ENUM_INTEGER" : "ENUM_TEXT";
    }
    if (type instanceof Scalar s) {
      return switch (s.kind()) {
        case STRING -> "TEXT";
        case INT, LONG -> "INTEGER";
        case BOOLEAN -> "BOOLEAN";
        case DECIMAL_NUMBER -> "DECIMAL_NUMBER";
        case DECIMAL_STRING, DECIMAL_EITHER -> "DECIMAL_TEXT";
        case LOCAL_DATE -> "DATE";
        case INSTANT_EPOCH_SECONDS -> "EPOCH_SECONDS";
        default -> throw new IllegalArgumentException("a parameter cannot be " + s.kind());
      };
    }
    throw new IllegalArgumentException("a parameter cannot be " + type);
  }

  /**
   * {@code BybitResultAdapters}: for the runtime only, the adapter of each operation's result, hand-written where
   * generator-config names one (a result Moshi's own adapters cannot read), else Moshi's for the result type.
   */
  JavaFile emitResultAdapters() {
    ClassName moshi = ClassName.get("com.squareup.moshi", "Moshi");
    ClassName jsonAdapter = ClassName.get("com.squareup.moshi", "JsonAdapter");
    MethodSpec.Builder create = MethodSpec.methodBuilder("create")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(jsonAdapter, com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(runtime.operationInfo, "operation")
        .addParameter(moshi, "moshi")
        .addParameter(TypeName.BOOLEAN, "strict")
        .addJavadoc("@return the adapter of the operation's result, or null for an operation without one\n")
        .beginControlFlow("if (operation.resultType() == $T.class)", Void.class)
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("switch (operation.operationId())");
    for (ApiTag tag : spec.tags()) {
      for (ApiOperation op : tag.operations()) {
        if (op.resultType() instanceof Custom c) {
          create.addStatement("case $S: return new $T(moshi, strict)", op.operationId(),
              JavaTypes.parse(c.adapterClass()));
        }
      }
    }
    create.addStatement("default: return moshi.adapter(operation.resultType())").endControlFlow();
    TypeSpec type = TypeSpec.classBuilder(runtime.resultAdapters)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Docs.generated("spec/openapi.yaml"))
        .addJavadoc("For generated code and the runtime only: the JSON adapter of each operation's result.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(create.build())
        .build();
    return Docs.file(spec.jsonPackage(), type);
  }

  JavaFile emit() {
    ClassName list = ClassName.get("java.util", "List");
    ClassName map = ClassName.get("java.util", "Map");
    TypeSpec.Builder type = TypeSpec.classBuilder(runtime.operations)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Docs.generated("spec/openapi.yaml"))
        .addJavadoc("Every operation of the spec, in spec order, with what tools need to know of it.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    CodeBlock.Builder all = CodeBlock.builder();
    boolean first = true;
    for (ApiTag tag : spec.tags()) {
      for (ApiOperation op : tag.operations()) {
        String constant = Names.constantName(op.operationId());
        TypeName resultType = types.javaType(op.resultType());
        ClassName client = ClassName.get(tag.packageName(), tag.clientName());
        CodeBlock request = op.hasOptionalParameters()
            ? CodeBlock.of("$T.class", ClientEmitter.requestName(tag, op)) : CodeBlock.of("null");
        CodeBlock invocation = CodeBlock.of("new $T.Invocation($S, $S, $T.class, $S, $L)", runtime.operationInfo,
            Names.decapitalize(tag.groupName()), tag.groupAccessor(), client, op.javaMethod(), request);
        type.addField(FieldSpec.builder(runtime.operationInfo, constant, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("$L $L\n", op.httpMethod(), Docs.escape(op.path()))
            .initializer("new $T($S, $S, $T.$L, $S, $T.$L, $T.$L, $L, $L,\n$>$>$L,\n$S, $S, $S,\n$S,\n$L)$<$<",
                runtime.operationInfo, op.operationId(), tag.name(), runtime.httpMethod, op.httpMethod().name(),
                op.path(), runtime.authScheme, op.authScheme().name(), runtime.envelopeKind, op.envelope(),
                types.reflectType(resultType), op.resultShape() instanceof ResultShape.ServerTime, invocation,
                op.deprecatedReplacement(), op.docsUrl(), op.summary(), op.description(), parameters(op))
            .build());
        all.add(first ? "$L" : ", $L", constant);
        first = false;
      }
    }
    ParameterizedTypeName listType = ParameterizedTypeName.get(list, runtime.operationInfo);
    type.addField(FieldSpec.builder(listType, "ALL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", list, all.build())
        .build());
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(map, ClassName.get(String.class), runtime.operationInfo),
            "BY_ID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("ALL.stream().collect($T.toUnmodifiableMap($T::operationId, op -> op))",
            ClassName.get("java.util.stream", "Collectors"), runtime.operationInfo)
        .build());
    type.addMethod(MethodSpec.methodBuilder("all")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(listType)
        .addJavadoc("@return every operation, in spec order\n")
        .addStatement("return ALL")
        .build());
    type.addMethod(MethodSpec.methodBuilder("byId")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(runtime.operationInfo)
        .addParameter(String.class, "operationId")
        .addJavadoc("@param operationId the spec's operationId\n@return its operation\n")
        .addJavadoc("@throws IllegalArgumentException when the spec has no such operation\n")
        .addStatement("$T op = BY_ID.get(operationId)", runtime.operationInfo)
        .beginControlFlow("if (op == null)")
        .addStatement("throw new IllegalArgumentException($S + operationId)", "No operation with id ")
        .endControlFlow()
        .addStatement("return op")
        .build());
    return Docs.file(spec.metadataPackage(), type.build());
  }
}
