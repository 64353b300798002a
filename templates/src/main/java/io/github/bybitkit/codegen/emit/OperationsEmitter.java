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

  JavaFile emit() {
    ClassName list = ClassName.get("java.util", "List");
    ClassName map = ClassName.get("java.util", "Map");
    TypeSpec.Builder type = TypeSpec.classBuilder(runtime.operations)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Docs.generated("spec/openapi.yaml"))
        .addJavadoc("Every operation of the spec, in spec order, with what the runtime needs to know of it.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    CodeBlock.Builder all = CodeBlock.builder();
    boolean first = true;
    for (ApiTag tag : spec.tags()) {
      for (ApiOperation op : tag.operations()) {
        String constant = Names.constantName(op.operationId());
        TypeName resultType = types.javaType(op.resultType());
        CodeBlock adapter = op.resultType() instanceof Custom c
            ? CodeBlock.of("$T::new", JavaTypes.parse(c.adapterClass())) : CodeBlock.of("null");
        type.addField(FieldSpec.builder(runtime.operationInfo, constant, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("$L $L\n", op.httpMethod(), op.path())
            .initializer("new $T($S, $S, $S, $S, $T.$L, $T.$L, $L, $L, $L, $S)", runtime.operationInfo,
                op.operationId(), tag.name(), op.httpMethod(), op.path(), runtime.authScheme, op.authScheme(),
                runtime.envelopeKind, op.envelope(), types.reflectType(resultType), adapter,
                op.resultShape() instanceof ResultShape.ServerTime, op.docsUrl())
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
    return Docs.file(spec.internalPackage(), type.build());
  }
}
