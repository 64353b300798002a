package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOperation.HttpMethod;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiOverload;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiTag;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The public client of a tag: for every operation a sync method and an {@code ...Async} twin returning a
 * {@code CompletableFuture} of the same type; a request record with a builder when the operation has optional
 * parameters, plus overloads that take only the required ones. Every parameter is checked before anything is sent.
 */
final class ClientEmitter {
  private static final ClassName FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  private final JavaTypes types;
  private final Runtime runtime;
  private final RetrofitEmitter retrofit;
  private final PagingEmitter paging;
  private final ClassName apiException;
  private final ClassName baseException;
  private final ClassName rateLimitException;
  private ClassName currentClient;

  ClientEmitter(JavaTypes types, Runtime runtime, RetrofitEmitter retrofit) {
    this.types = types;
    this.runtime = runtime;
    this.retrofit = retrofit;
    this.paging = new PagingEmitter(types, runtime);
    this.apiException = ClassName.get(runtime.page.packageName(), "BybitApiException");
    this.baseException = ClassName.get(runtime.page.packageName(), "BybitException");
    this.rateLimitException = ClassName.get(runtime.page.packageName(), "BybitRateLimitException");
  }

  static ClassName requestName(ApiTag tag, ApiOperation op) {
    return ClassName.get(tag.packageName(), Names.requestRecord(op.javaMethod()));
  }

  // ------------------------------------------------------------------ client

  JavaFile emit(ApiTag tag) {
    ClassName client = ClassName.get(tag.packageName(), tag.clientName());
    currentClient = client;
    ClassName api = RetrofitEmitter.interfaceName(tag);
    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Docs.generated("spec/openapi.yaml, tag " + tag.name()))
        .addJavadoc("$L\n\n", Docs.text(tag.description()).isEmpty() ? "Operations of tag " + tag.name() + "."
            : Docs.text(tag.description()))
        .addJavadoc("<p>Thread-safe; get it from {@code BybitClient}. Every method checks its parameters before\n")
        .addJavadoc("anything is sent and throws {@link IllegalArgumentException} naming the parameter.\n")
        .addField(FieldSpec.builder(runtime.transport, "transport", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(api, "api", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(runtime.requestOptions, "options", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Used by the group class; applications get the client from {@code BybitClient}.\n\n")
            .addJavadoc("@param options what every call of this client uses instead of the client-wide defaults\n")
            .addParameter(runtime.transport, "transport")
            .addParameter(runtime.requestOptions, "options")
            .addStatement("this.transport = transport")
            .addStatement("this.api = transport.create($T.class)", api)
            .addStatement("this.options = $T.requireNonNull(options, $S)", ClassName.get("java.util", "Objects"),
                "options")
            .build())
        .addMethod(MethodSpec.methodBuilder("withOptions")
            .addModifiers(Modifier.PUBLIC)
            .returns(client)
            .addParameter(runtime.requestOptions, "options")
            .addJavadoc("A view of this client whose calls use {@code options} (receive window, timeout) instead of\n")
            .addJavadoc("the client-wide defaults. Cheap: it shares the connection pool and everything else.\n\n")
            .addJavadoc("@param options the options; {@link $T#defaults()} restores the client-wide ones\n",
                runtime.requestOptions)
            .addJavadoc("@return the view; this client is unchanged\n")
            .addStatement("return new $T(transport, options)", client)
            .build());

    for (ApiOperation op : tag.operations()) {
      if (op.hasOptionalParameters()) {
        ClassName request = requestName(tag, op);
        List<ParameterSpec> requestParam = List.of(ParameterSpec.builder(request, "request").build());
        addPair(type, op, requestParam, callOf(op, "request", null));
        // Overloads with only the required parameters build the request record.
        List<ParameterSpec> required = parameters(op.requiredParameters(), true);
        CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", request);
        for (ApiParameter p : op.requiredParameters()) {
          build.add(".$L($L)", p.javaName(), p.javaName());
        }
        build.add(".build()");
        addOverloads(type, op, required, build.build(), request);
        type.addMethod(callFromRequest(op, request));
      } else {
        List<ParameterSpec> params = parameters(op.parameters(), true);
        addPair(type, op, params, callOf(op, null, params));
        type.addMethod(callFromParameters(op, params));
      }
      for (ApiOverload overload : op.overloads()) {
        addConfiguredOverload(type, op, overload);
      }
      if (needsMapper(op)) {
        type.addMethod(resultMapper(op));
      }
      if (op.paging() != null) {
        paging.addMethods(type, tag, op, parameters(op.requiredParameters(), true));
      }
    }
    return Docs.file(tag.packageName(), type.build());
  }

  private List<ParameterSpec> parameters(List<ApiParameter> params, boolean primitives) {
    List<ParameterSpec> specs = new ArrayList<>();
    for (ApiParameter p : params) {
      specs.add(ParameterSpec.builder(parameterType(p, primitives), p.javaName()).build());
    }
    return specs;
  }

  /** Required integers, longs and booleans are primitives in method signatures: they cannot be absent. */
  TypeName parameterType(ApiParameter p, boolean primitives) {
    TypeName type = types.javaType(p.type());
    if (primitives && p.required() && p.type() instanceof Scalar s
        && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.LONG || s.kind() == ScalarKind.BOOLEAN)) {
      return type.unbox();
    }
    return type;
  }

  private CodeBlock callOf(ApiOperation op, String requestVar, List<ParameterSpec> params) {
    CodeBlock.Builder args = CodeBlock.builder();
    if (requestVar != null) {
      args.add("$L", requestVar);
    } else {
      for (int i = 0; i < params.size(); i++) {
        args.add(i == 0 ? "$N" : ", $N", params.get(i));
      }
    }
    return CodeBlock.of("$L($L)", Names.callMethod(op.javaMethod()), args.build());
  }

  /** The sync method and its async twin, both delegating to the private {@code ...Call} builder. */
  private void addPair(TypeSpec.Builder type, ApiOperation op, List<ParameterSpec> params, CodeBlock call) {
    TypeName result = publicResult(op);
    boolean serverTime = op.resultShape() instanceof ResultShape.ServerTime;
    CodeBlock mapped = serverTime ? CodeBlock.of("this.transport.executeServerTime($L)", call)
        : needsMapper(op) ? CodeBlock.of("$L(this.transport.execute($L))", Names.resultMapper(op.javaMethod()), call)
        : CodeBlock.of("this.transport.execute($L)", call);
    MethodSpec.Builder sync = MethodSpec.methodBuilder(op.javaMethod())
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(params)
        .addJavadoc(javadoc(op, params, false));
    if (result.equals(TypeName.VOID)) {
      sync.addStatement("$L", mapped);
    } else {
      sync.addStatement("return $L", mapped);
    }
    type.addMethod(Docs.deprecate(sync, op).build());

    // The mapper runs inside the transport's future: thenApply would wrap exceptions and lose cancellation.
    CodeBlock async = serverTime ? CodeBlock.of("this.transport.executeServerTimeAsync($L)", call)
        : needsMapper(op)
        ? CodeBlock.of("this.transport.executeAsync($L, $T::$L)", call, currentClient,
            Names.resultMapper(op.javaMethod()))
        : CodeBlock.of("this.transport.executeAsync($L)", call);
    type.addMethod(Docs.deprecate(MethodSpec.methodBuilder(Names.asyncMethod(op.javaMethod()))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(FUTURE, result.box()))
        .addParameters(params)
        .addJavadoc(javadoc(op, params, true))
        .addStatement("return $L", async), op)
        .build());
  }

  /** Overloads with only the required parameters; they build the request record. */
  private void addOverloads(TypeSpec.Builder type, ApiOperation op, List<ParameterSpec> params, CodeBlock build,
      ClassName request) {
    TypeName result = publicResult(op);
    CodeBlock.Builder paramList = CodeBlock.builder();
    for (int i = 0; i < params.size(); i++) {
      paramList.add(i == 0 ? "$T" : ", $T", params.get(i).type());
    }
    MethodSpec.Builder sync = MethodSpec.methodBuilder(op.javaMethod())
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(params)
        .addJavadoc("$L, with only the required parameters.\n\n", Docs.text(summary(op)))
        .addJavadoc(paramDocs(op, params))
        .addJavadoc("@return $L\n", returnDoc(op))
        .addJavadoc("@see #$L($T)\n", op.javaMethod(), request);
    if (result.equals(TypeName.VOID)) {
      sync.addStatement("$L($L)", op.javaMethod(), build);
    } else {
      sync.addStatement("return $L($L)", op.javaMethod(), build);
    }
    type.addMethod(Docs.deprecate(sync, op).build());
    type.addMethod(Docs.deprecate(MethodSpec.methodBuilder(Names.asyncMethod(op.javaMethod()))
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(FUTURE, result.box()))
        .addParameters(params)
        .addJavadoc("Asynchronous {@link #$L($L)}.\n\n", op.javaMethod(), paramList.build())
        .addJavadoc(paramDocs(op, params))
        .addJavadoc("@return completes as {@link #$L($T)} returns or throws\n", op.javaMethod(), request)
        .addStatement("return $L($L)", Names.asyncMethod(op.javaMethod()), build), op)
        .build());
  }

  /**
   * An extra signature from generator-config: its checks run first (nothing is sent when one throws), then it calls
   * the method that takes the required parameters. Sync and async alike.
   */
  private void addConfiguredOverload(TypeSpec.Builder type, ApiOperation op, ApiOverload overload) {
    List<ParameterSpec> params = new ArrayList<>();
    CodeBlock.Builder paramTypes = CodeBlock.builder();
    for (ApiOverload.Parameter p : overload.parameters()) {
      TypeName javaType = overloadType(p.javaType());
      params.add(ParameterSpec.builder(javaType, p.name()).build());
      paramTypes.add(params.size() == 1 ? "$T" : ", $T", javaType);
    }
    CodeBlock.Builder requiredTypes = CodeBlock.builder();
    List<ApiParameter> required = op.requiredParameters();
    for (int i = 0; i < required.size(); i++) {
      requiredTypes.add(i == 0 ? "$T" : ", $T", parameterType(required.get(i), true));
    }
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < overload.arguments().size(); i++) {
      ApiOverload.Argument a = overload.arguments().get(i);
      args.add(i == 0 ? "" : ", ");
      args.add(a.passedParameter() != null ? CodeBlock.of("$L", a.passedParameter()) : helperCall(a.conversion()));
    }
    TypeName result = publicResult(op);
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("$L, in an older form.\n\n<p>$L\n\n", Docs.text(summary(op)), Docs.text(overload.description()));
    for (ParameterSpec p : params) {
      doc.add("@param $N see the description\n", p);
    }
    CodeBlock syncDoc = doc.build().toBuilder()
        .add("@return as {@link #$L($L)} returns\n", op.javaMethod(), requiredTypes.build())
        .add("@throws IllegalArgumentException when the values cannot be sent in this form (nothing is sent)\n")
        .add("@see #$L($L)\n", op.javaMethod(), requiredTypes.build())
        .build();
    for (boolean async : new boolean[] {false, true}) {
      String name = async ? Names.asyncMethod(op.javaMethod()) : op.javaMethod();
      MethodSpec.Builder m = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .returns(async ? ParameterizedTypeName.get(FUTURE, result.box()) : result)
          .addParameters(params);
      if (async) {
        m.addJavadoc("Asynchronous {@link #$L($L)}.\n\n", op.javaMethod(), paramTypes.build());
        for (ParameterSpec p : params) {
          m.addJavadoc("@param $N see {@link #$L($L)}\n", p, op.javaMethod(), paramTypes.build());
        }
        m.addJavadoc("@return completes as {@link #$L($L)} returns or throws\n", Names.asyncMethod(op.javaMethod()),
            requiredTypes.build());
        m.addJavadoc("@throws IllegalArgumentException when the values cannot be sent in this form (nothing is sent)\n");
      } else {
        m.addJavadoc(syncDoc);
      }
      for (ApiOverload.Call check : overload.checks()) {
        m.addStatement("$L", helperCall(check));
      }
      if (!async && result.equals(TypeName.VOID)) {
        m.addStatement("$L($L)", name, args.build());
      } else {
        m.addStatement("return $L($L)", name, args.build());
      }
      type.addMethod(Docs.deprecate(m, op).build());
    }
  }

  private static CodeBlock helperCall(ApiOverload.Call call) {
    return CodeBlock.of("$T.$L($L)", ClassName.bestGuess(call.className()), call.methodName(),
        String.join(", ", call.parameterNames()));
  }

  /** A Java type as generator-config writes it: a primitive, String, BigDecimal or a qualified class name. */
  private static TypeName overloadType(String javaType) {
    return switch (javaType) {
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "boolean" -> TypeName.BOOLEAN;
      case "String" -> ClassName.get(String.class);
      case "BigDecimal" -> ClassName.get("java.math", "BigDecimal");
      default -> ClassName.bestGuess(javaType);
    };
  }

  private MethodSpec callFromRequest(ApiOperation op, ClassName request) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(Names.callMethod(op.javaMethod()))
        .addModifiers(Modifier.PRIVATE)
        .returns(retrofit.callType(op))
        .addParameter(request, "request")
        .addStatement("$T.required($S, $S, request)", runtime.checks, op.operationId(), "request");
    return finishCall(m, op, new Names.Scope().claim("request"), p -> CodeBlock.of("request.$L()", p.javaName()));
  }

  private MethodSpec callFromParameters(ApiOperation op, List<ParameterSpec> params) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(Names.callMethod(op.javaMethod()))
        .addModifiers(Modifier.PRIVATE)
        .returns(retrofit.callType(op))
        .addParameters(params);
    for (ApiParameter p : op.parameters()) {
      boolean primitive = parameterType(p, true).isPrimitive();
      CheckEmitter.addChecks(m::addStatement, runtime, op, p, CodeBlock.of("$L", p.javaName()), primitive);
    }
    Names.Scope scope = new Names.Scope();
    params.forEach(p -> scope.claim(p.name()));
    return finishCall(m, op, scope, p -> CodeBlock.of("$L", p.javaName()));
  }

  /**
   * Builds the Retrofit call from the parameters' values. The client's fields are qualified with {@code this}, and
   * the body map gets a name no parameter has, so a parameter named {@code api}, {@code options} or {@code body}
   * changes nothing.
   */
  private MethodSpec finishCall(MethodSpec.Builder m, ApiOperation op, Names.Scope scope,
      Function<ApiParameter, CodeBlock> valueOf) {
    if (op.httpMethod() == HttpMethod.POST) {
      String body = scope.local("body");
      m.addStatement("$T $L = new $T<>()", RetrofitEmitter.bodyType(), body, LINKED_HASH_MAP);
      for (ApiParameter p : op.parameters()) {
        CodeBlock value = valueOf.apply(p);
        CodeBlock put = CodeBlock.of("$L.put($S, $L)", body, p.wireName(), bodyValue(p.type(), value));
        if (p.required()) {
          m.addStatement("$L", put);
        } else {
          m.beginControlFlow("if ($L != null)", value).addStatement("$L", put).endControlFlow();
        }
      }
      return m.addStatement("return this.api.$L($L, this.options)", op.operationId(), body).build();
    }
    CodeBlock.Builder args = CodeBlock.builder();
    for (ApiParameter p : op.parameters()) {
      args.add("$L, ", queryValue(p, valueOf.apply(p)));
    }
    return m.addStatement("return this.api.$L($Lthis.options)", op.operationId(), args.build()).build();
  }

  private static CodeBlock queryValue(ApiParameter p, CodeBlock value) {
    if (p.type() instanceof Scalar s && s.kind() == ScalarKind.INSTANT_EPOCH_SECONDS) {
      return p.required() ? CodeBlock.of("$L.getEpochSecond()", value)
          : CodeBlock.of("$L == null ? null : $L.getEpochSecond()", value, value);
    }
    return value;
  }

  /** A JSON body value in the form the spec gives it on the wire. */
  private static CodeBlock bodyValue(ApiType type, CodeBlock value) {
    if (type instanceof EnumRef e) {
      return e.integerWire() ? CodeBlock.of("$T.valueOf($L.wireValue())", Integer.class, value)
          : CodeBlock.of("$L.wireValue()", value);
    }
    if (type instanceof Scalar s) {
      return switch (s.kind()) {
        case DECIMAL_STRING, DECIMAL_EITHER -> CodeBlock.of("$L.toPlainString()", value);
        case INSTANT_EPOCH_SECONDS -> CodeBlock.of("$L.getEpochSecond()", value);
        case INSTANT_RFC3339, LOCAL_DATE, LOCAL_DATE_TIME -> CodeBlock.of("$L.toString()", value);
        default -> value;
      };
    }
    throw new IllegalArgumentException("unsupported body field type " + type);
  }

  private MethodSpec resultMapper(ApiOperation op) {
    TypeName wire = types.javaType(op.resultType());
    MethodSpec.Builder m = MethodSpec.methodBuilder(Names.resultMapper(op.javaMethod()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(publicResult(op))
        .addParameter(wire, "result");
    if (op.resultShape() instanceof ResultShape.Direct) {
      // A collection result Bybit sent as null is returned empty, like unwrapped and paged ones.
      m.addStatement("return result == null ? $T.of() : result", JavaTypes.rawClass(wire));
    } else if (op.resultShape() instanceof ResultShape.Unwrap u) {
      m.addStatement("return result == null || result.$1L() == null ? $2T.of() : result.$1L()",
          u.field().javaName(), JavaTypes.LIST);
    } else {
      ResultShape.Page page = (ResultShape.Page) op.resultShape();
      CodeBlock last = page.lastPage() == null ? CodeBlock.of("null")
          : CodeBlock.of("result == null ? null : result.$L()", page.lastPage().javaName());
      m.addStatement("return $T.of(result == null ? null : result.$L(), $L, result == null ? null : result.$L())",
          runtime.page, page.currentPage().javaName(), last, page.data().javaName());
    }
    return m.build();
  }

  /** Whether the result passes through a generated mapper: shaped results, and collections (null -> empty). */
  private boolean needsMapper(ApiOperation op) {
    if (op.resultShape() instanceof ResultShape.ServerTime) {
      return false;
    }
    if (!(op.resultShape() instanceof ResultShape.Direct)) {
      return true;
    }
    TypeName raw = JavaTypes.rawClass(types.javaType(op.resultType()));
    return raw.equals(JavaTypes.LIST) || raw.equals(JavaTypes.MAP);
  }

  /** What the public method returns, after result shaping. */
  TypeName publicResult(ApiOperation op) {
    if (op.resultShape() instanceof ResultShape.Unwrap u) {
      return types.javaType(u.field().type());
    }
    if (op.resultShape() instanceof ResultShape.Page p) {
      ApiType item = ((ListOf) p.data().type()).item();
      return ParameterizedTypeName.get(runtime.page, types.javaType(item));
    }
    if (op.resultShape() instanceof ResultShape.ServerTime) {
      return ClassName.get("java.time", "Instant");
    }
    if (op.resultType() instanceof Scalar s && s.kind() == ScalarKind.VOID) {
      return TypeName.VOID;
    }
    return types.javaType(op.resultType());
  }

  // ------------------------------------------------------------------ Javadoc

  private static String summary(ApiOperation op) {
    return op.summary() == null ? op.javaMethod() : op.summary();
  }

  private String returnDoc(ApiOperation op) {
    if (op.resultShape() instanceof ResultShape.Unwrap) {
      return "the records of the requested page; empty when there are none";
    }
    if (op.resultShape() instanceof ResultShape.Page) {
      return "the requested page; its data is empty when there are no records";
    }
    if (op.resultShape() instanceof ResultShape.ServerTime) {
      return "Bybit's clock when it answered, from the response envelope";
    }
    if (publicResult(op).equals(TypeName.VOID)) {
      return null;
    }
    String text = Docs.text(op.resultDescription());
    return text.isEmpty() ? "the result Bybit sent" : text;
  }

  private CodeBlock paramDocs(ApiOperation op, List<ParameterSpec> params) {
    CodeBlock.Builder doc = CodeBlock.builder();
    for (ParameterSpec spec : params) {
      if (spec.name().equals("request")) {
        doc.add("@param request the parameters; build them with {@code builder()}\n");
        continue;
      }
      ApiParameter p = op.parameters().stream().filter(x -> x.javaName().equals(spec.name())).findFirst().orElseThrow();
      doc.add("@param $L $L (wire name $L)\n", p.javaName(), Docs.orField(p.description(), p.wireName()),
          Docs.code(p.wireName()));
    }
    return doc.build();
  }

  private CodeBlock javadoc(ApiOperation op, List<ParameterSpec> params, boolean async) {
    CodeBlock.Builder doc = CodeBlock.builder();
    if (async) {
      doc.add("Asynchronous {@link #$L}: $L.\n\n", signature(op, params), Docs.text(summary(op)));
      doc.add("<p>The future completes with the same result, or exceptionally with the same exception the\n");
      doc.add("synchronous method throws (not wrapped). Cancelling it cancels the HTTP call.\n\n");
    } else {
      doc.add("$L.\n\n", Docs.text(summary(op)));
      String description = Docs.text(op.description());
      if (!description.isEmpty()) {
        doc.add("<p>$L\n\n", description);
      }
      doc.add("<p>$L $L$L.\n\n", op.httpMethod(), Docs.code(op.path()), switch (op.authScheme()) {
        case NONE -> ", public: sent unsigned";
        case V2_SIGNED -> ", signed with the v2 scheme";
        case V5_SIGNED -> ", signed with the v5 scheme";
      });
    }
    doc.add(paramDocs(op, params));
    String returns = returnDoc(op);
    if (async) {
      doc.add("@return the future result$L\n", returns == null ? " (null on success)" : ": " + returns);
    } else if (returns != null) {
      doc.add("@return $L\n", returns);
    }
    if (!async) {
      doc.add("@throws $T when Bybit answers with a non-zero return code\n", apiException);
      doc.add("@throws $T when a rate limit is hit (10006, 10018, HTTP 403 or 429)\n", rateLimitException);
      doc.add("@throws $T when the request fails or the response cannot be read (see its subclasses)\n",
          baseException);
    }
    doc.add("@throws IllegalArgumentException when a parameter is missing or out of range (nothing is sent)\n");
    doc.add("@see <a href=\"$L\">Bybit API documentation: $L</a>\n", Docs.attribute(op.docsUrl()),
        Docs.text(summary(op)));
    return doc.build();
  }

  private static CodeBlock signature(ApiOperation op, List<ParameterSpec> params) {
    CodeBlock.Builder types = CodeBlock.builder();
    for (int i = 0; i < params.size(); i++) {
      types.add(i == 0 ? "$T" : ", $T", params.get(i).type());
    }
    return CodeBlock.of("$L($L)", op.javaMethod(), types.build());
  }

  // ------------------------------------------------------------------ request records

  JavaFile emitRequest(ApiTag tag, ApiOperation op) {
    ClassName request = requestName(tag, op);
    ClassName builder = request.nestedClass("Builder");
    ClassName client = ClassName.get(tag.packageName(), tag.clientName());
    MethodSpec.Builder canonical = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    TypeSpec.Builder b = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; required parameters are checked by {@link #build()}.\n", request)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    CodeBlock.Builder args = CodeBlock.builder();
    // toBuilder() lets paging (and callers) derive a request that differs in one parameter.
    MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("@return a new builder holding this request's values, for a copy that differs in some of them\n");
    Names.Scope toBuilderScope = new Names.Scope();
    op.parameters().forEach(p -> toBuilderScope.claim(p.javaName()));
    String copy = toBuilderScope.local("builder");
    toBuilder.addStatement("$T $L = new $T()", builder, copy, builder);
    StringBuilder doc = new StringBuilder();
    doc.append("Parameters of {@link ").append(client.simpleName()).append('#').append(op.javaMethod())
        .append('(').append(request.simpleName()).append(")}: ").append(Docs.text(summary(op)))
        .append(".\n\n<p>Build one with {@link #builder()}. The constructor checks every parameter, so an invalid")
        .append(" request cannot exist.\n\n");
    for (int i = 0; i < op.parameters().size(); i++) {
      ApiParameter p = op.parameters().get(i);
      TypeName type = types.javaType(p.type());
      canonical.addParameter(type, p.javaName());
      CheckEmitter.addChecks(canonical::addStatement, runtime, op, p, CodeBlock.of("$L", p.javaName()), false);
      doc.append("@param ").append(p.javaName()).append(' ').append(Docs.orField(p.description(), p.wireName()))
          .append(p.required() ? " Required." : " Optional.").append(" Wire name ").append(Docs.code(p.wireName()))
          .append(".\n");
      b.addField(type, p.javaName(), Modifier.PRIVATE);
      b.addMethod(MethodSpec.methodBuilder(p.javaName())
          .addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addParameter(parameterType(p, true), p.javaName())
          .addJavadoc("$L$L\n\n@param $L the value$L\n@return this builder\n",
              Docs.orField(p.description(), p.wireName()), p.required() ? " Required." : " Optional.",
              p.javaName(), p.required() ? "" : ", or null to leave it out")
          .addStatement("this.$L = $L", p.javaName(), p.javaName())
          .addStatement("return this")
          .build());
      args.add(i == 0 ? "$L" : ", $L", p.javaName());
      toBuilder.addStatement("$L.$L = this.$L", copy, p.javaName(), p.javaName());
    }
    b.addMethod(MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(request)
        .addJavadoc("@return the request\n@throws IllegalArgumentException naming the first missing or invalid parameter\n")
        .addStatement("return new $T($L)", request, args.build())
        .build());

    TypeSpec record = TypeSpec.recordBuilder(request)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Docs.generated("spec/openapi.yaml, operation " + op.operationId()))
        .addJavadoc("$L", doc.toString().stripTrailing() + "\n")
        .recordConstructor(canonical.build())
        .addMethod(MethodSpec.methodBuilder("builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addJavadoc("@return an empty builder\n")
            .addStatement("return new $T()", builder)
            .build())
        .addMethod(toBuilder.addStatement("return $L", copy).build())
        .addType(b.build())
        .build();
    return Docs.file(tag.packageName(), record);
  }

}
