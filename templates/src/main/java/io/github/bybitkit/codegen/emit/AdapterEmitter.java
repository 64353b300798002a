package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiModel;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;

/**
 * One reflection-free Moshi adapter per model, reading fields with {@code JsonReader.Options} and writing them in
 * spec order; each also reads its model from bytes ({@code ByteJsonAdapter}, the quick first reading of a body). Plus
 * {@code BybitJsonAdapterFactory}, which registers them all. In strict mode an unknown field fails decoding, naming
 * model and field; in lenient mode it is skipped.
 */
final class AdapterEmitter {
  private final ApiSpec spec;
  private final JavaTypes types;

  AdapterEmitter(ApiSpec spec, JavaTypes types) {
    this.spec = spec;
    this.types = types;
  }

  JavaFile emit(ApiModel model) {
    ClassName modelClass = types.modelClass(model.schemaName());
    ClassName adapterClass = types.adapterClass(model.schemaName());
    ClassName byteAdapter = ClassName.get(spec.jsonPackage(), "ByteJsonAdapter");
    ClassName byteReader = ClassName.get(spec.jsonPackage(), "ByteJsonReader");
    TypeSpec.Builder adapter = TypeSpec.classBuilder(adapterClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(JavaTypes.JSON_ADAPTER, modelClass))
        .addSuperinterface(ParameterizedTypeName.get(byteAdapter, modelClass))
        .addAnnotation(Docs.generated("spec/openapi.yaml, schema " + model.schemaName()))
        .addJavadoc("Moshi adapter for {@link $T}, without reflection.\n", modelClass);

    CodeBlock.Builder names = CodeBlock.builder();
    for (int i = 0; i < model.properties().size(); i++) {
      names.add(i == 0 ? "$S" : ", $S", model.properties().get(i).jsonName());
    }
    adapter.addField(FieldSpec.builder(JavaTypes.JSON_READER.nestedClass("Options"), "NAMES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.Options.of($L)", JavaTypes.JSON_READER, names.build())
        .build());
    adapter.addField(FieldSpec.builder(byteReader.nestedClass("Names"), "BYTE_NAMES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.Names.of($L)", byteReader, names.build())
        .build());
    adapter.addField(boolean.class, "strict", Modifier.PRIVATE, Modifier.FINAL);

    List<ApiType> needs = new ArrayList<>();
    model.properties().forEach(p -> JavaTypes.collectAdapterNeeds(p.type(), needs));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("@param moshi resolves the adapters of nested models\n")
        .addJavadoc("@param strict whether a field the spec does not know fails decoding\n")
        .addParameter(JavaTypes.MOSHI, "moshi")
        .addParameter(boolean.class, "strict")
        .addStatement("this.strict = strict");
    Names.Scope fields = new Names.Scope().claim("NAMES").claim("BYTE_NAMES").claim("strict");
    for (ApiType need : needs) {
      addAdapterField(adapter, constructor, need, fields);
    }
    adapter.addMethod(constructor.build());
    adapter.addMethod(fromJson(model, modelClass));
    adapter.addMethod(fromBytes(model, modelClass, byteReader));
    adapter.addMethod(toJson(model, modelClass));
    adapter.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S", "GeneratedJsonAdapter(" + model.className() + ")")
        .build());
    return Docs.file(spec.jsonPackage(), adapter.build());
  }

  private void addAdapterField(TypeSpec.Builder adapter, MethodSpec.Builder constructor, ApiType need,
      Names.Scope fields) {
    String field = types.adapterField(need);
    if (!fields.local(field).equals(field)) {
      throw new IllegalStateException(model(need) + ": adapter field " + field + " is taken");
    }
    if (need instanceof ModelRef ref) {
      ClassName model = types.modelClass(ref.schemaName());
      adapter.addField(ParameterizedTypeName.get(JavaTypes.JSON_ADAPTER, model), field, Modifier.PRIVATE,
          Modifier.FINAL);
      constructor.addStatement("this.$L = moshi.adapter($T.class)", field, model);
    } else {
      Custom custom = (Custom) need;
      TypeName adapterType = JavaTypes.parse(custom.adapterClass());
      adapter.addField(adapterType, field, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = new $T(moshi, strict)", field, adapterType);
    }
  }

  private static String model(ApiType need) {
    return need instanceof ModelRef ref ? "schema " + ref.schemaName() : "adapter " + ((Custom) need).adapterClass();
  }

  private MethodSpec fromJson(ApiModel model, ClassName modelClass) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("fromJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(modelClass)
        .addParameter(JavaTypes.JSON_READER, "reader")
        .addException(IOException.class)
        .beginControlFlow("if (reader.peek() == $T.Token.NULL)", JavaTypes.JSON_READER)
        .addStatement("return reader.nextNull()")
        .endControlFlow();
    Names.Scope scope = readerScope();
    List<String> locals = declareLocals(m, model, scope);
    m.addStatement("reader.beginObject()");
    readFields(m, model, locals, scope, "hasNext", "NAMES", (type, names) -> types.read(type, "reader", names, 0),
        CodeBlock.of("$T.skipUnknownField(reader, this.strict, $S)", types.jsonValues(), model.className()));
    m.addStatement("reader.endObject()");
    m.addStatement("return new $T($L)", modelClass, String.join(", ", locals));
    return m.build();
  }

  /** {@link #fromJson} over a {@code ByteJsonReader}: the same fields, read the same way, or a give-up. */
  private MethodSpec fromBytes(ApiModel model, ClassName modelClass, ClassName byteReader) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("fromBytes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(modelClass)
        .addParameter(byteReader, "reader")
        .beginControlFlow("if (reader.nextIsNull())")
        .addStatement("return null")
        .endControlFlow();
    Names.Scope scope = readerScope();
    List<String> locals = declareLocals(m, model, scope);
    m.addStatement("reader.beginObject()");
    readFields(m, model, locals, scope, "hasNextField", "BYTE_NAMES",
        (type, names) -> types.readBytes(type, "reader", names, 0),
        CodeBlock.of("reader.skipUnknownField(this.strict)"));
    m.addStatement("return new $T($L)", modelClass, String.join(", ", locals));
    return m.build();
  }

  /**
   * The loop over an object's fields: a known name's value is read into its local by {@code read} (given its type and
   * a copy of {@code scope} for lambda parameters), an unknown name is handled by {@code unknown}.
   */
  private static void readFields(MethodSpec.Builder m, ApiModel model, List<String> locals, Names.Scope scope,
      String hasNext, String namesTable, BiFunction<ApiType, Names.Scope, CodeBlock> read, CodeBlock unknown) {
    m.beginControlFlow("while (reader.$L())", hasNext);
    m.beginControlFlow("switch (reader.selectName($L))", namesTable);
    for (int i = 0; i < model.properties().size(); i++) {
      CodeBlock value = read.apply(model.properties().get(i).type(), scope.copy());
      m.addStatement("case $L -> $L = $L", i, locals.get(i), value);
    }
    m.addStatement("default -> $L", unknown);
    m.endControlFlow();
    m.endControlFlow();
  }

  /** The names a reading method's locals must not take: its parameter and the two names tables. */
  private static Names.Scope readerScope() {
    return new Names.Scope().claim("reader").claim("NAMES").claim("BYTE_NAMES");
  }

  /**
   * Declares one local per property, null until read, named after its component; renamed only when that would hide
   * the parameter or a names table.
   */
  private List<String> declareLocals(MethodSpec.Builder m, ApiModel model, Names.Scope scope) {
    List<String> locals = new ArrayList<>();
    for (ApiProperty p : model.properties()) {
      String local = scope.local(ModelEmitter.componentName(p));
      locals.add(local);
      m.addStatement("$T $L = null", types.storedType(p.type()), local);
    }
    return locals;
  }

  private MethodSpec toJson(ApiModel model, ClassName modelClass) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("toJson")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(JavaTypes.JSON_WRITER, "writer")
        .addParameter(modelClass, "value")
        .addException(IOException.class)
        .beginControlFlow("if (value == null)")
        .addStatement("writer.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("writer.beginObject()");
    Names.Scope scope = new Names.Scope().claim("writer").claim("value");
    for (ApiProperty p : model.properties()) {
      m.addStatement("writer.name($S)", p.jsonName());
      m.addStatement("$L", types.write(p.type(), "writer",
          CodeBlock.of("value.$L()", ModelEmitter.componentName(p)), scope.copy(), 0));
    }
    m.addStatement("writer.endObject()");
    return m.build();
  }

  /** The factory that hands out every generated adapter, strict or lenient. */
  JavaFile emitFactory() {
    ClassName factory = ClassName.get(spec.jsonPackage(), "BybitJsonAdapterFactory");
    ClassName type = ClassName.get("java.lang.reflect", "Type");
    ClassName set = ClassName.get("java.util", "Set");
    ClassName annotation = ClassName.get("java.lang.annotation", "Annotation");
    TypeSpec.Builder builder = TypeSpec.classBuilder(factory)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(JavaTypes.JSON_ADAPTER.nestedClass("Factory"))
        .addAnnotation(Docs.generated("spec/openapi.yaml"))
        .addJavadoc("Registers the generated adapter of every model. Strict adapters fail on a field the spec does\n")
        .addJavadoc("not know (contract tests); lenient ones skip it (default).\n")
        .addField(boolean.class, "strict", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(boolean.class, "strict")
            .addStatement("this.strict = strict")
            .build())
        .addMethod(MethodSpec.methodBuilder("lenient")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(factory)
            .addJavadoc("Adapters that skip fields the spec does not know.\n")
            .addStatement("return new $T(false)", factory)
            .build())
        .addMethod(MethodSpec.methodBuilder("strict")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(factory)
            .addJavadoc("Adapters that fail on a field the spec does not know, naming model and field.\n")
            .addStatement("return new $T(true)", factory)
            .build());

    MethodSpec.Builder create = MethodSpec.methodBuilder("create")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JavaTypes.JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(type, "type")
        .addParameter(ParameterizedTypeName.get(set, WildcardTypeName.subtypeOf(annotation)), "annotations")
        .addParameter(JavaTypes.MOSHI, "moshi")
        .beginControlFlow("if (!annotations.isEmpty())")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder classes = CodeBlock.builder();
    for (int i = 0; i < spec.models().size(); i++) {
      ApiModel model = spec.models().get(i);
      create.beginControlFlow("if (type == $T.class)", types.modelClass(model.schemaName()))
          .addStatement("return new $T(moshi, strict)", types.adapterClass(model.schemaName()))
          .endControlFlow();
      classes.add(i == 0 ? "$T.class" : ", $T.class", types.modelClass(model.schemaName()));
    }
    create.addStatement("return null");
    builder.addMethod(create.build());
    builder.addMethod(MethodSpec.methodBuilder("modelClasses")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(set, ParameterizedTypeName.get(ClassName.get(Class.class),
            WildcardTypeName.subtypeOf(Object.class))))
        .addJavadoc("Every model class this factory has an adapter for.\n")
        .addStatement("return $T.of($L)", set, classes.build())
        .build());
    return Docs.file(spec.jsonPackage(), builder.build());
  }
}
