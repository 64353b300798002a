package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.bybitkit.codegen.Names;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOperation.HttpMethod;
import io.github.bybitkit.codegen.ir.ApiPaging;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiTag;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import javax.lang.model.element.Modifier;

/**
 * The transport layer: one Retrofit interface per tag, one method per operation, annotated with the facts the
 * runtime needs ({@code @BybitEndpoint}: operation id, signing scheme, envelope) and a {@code @Tag} parameter for
 * the caller's {@code RequestOptions}. Query parameters are typed;
 * the runtime's converter writes decimals plain, enums as their wire value and dates as yyyy-MM-dd. A POST takes its
 * JSON body as a map built by the client.
 */
final class RetrofitEmitter {
  static final ClassName CALL = ClassName.get("retrofit2", "Call");
  private static final ClassName GET = ClassName.get("retrofit2.http", "GET");
  private static final ClassName POST = ClassName.get("retrofit2.http", "POST");
  private static final ClassName QUERY = ClassName.get("retrofit2.http", "Query");
  private static final ClassName BODY = ClassName.get("retrofit2.http", "Body");
  private static final ClassName TAG = ClassName.get("retrofit2.http", "Tag");

  private final JavaTypes types;
  private final Runtime runtime;

  RetrofitEmitter(JavaTypes types, Runtime runtime) {
    this.types = types;
    this.runtime = runtime;
  }

  static ClassName interfaceName(ApiTag tag) {
    return ClassName.get(tag.transportPackage(), tag.retrofitName());
  }

  /** {@code Map<String, Object>}: a POST's JSON body, built by the client in spec order. */
  static TypeName bodyType() {
    return ParameterizedTypeName.get(JavaTypes.MAP, JavaTypes.STRING, ClassName.get(Object.class));
  }

  /** The type a query parameter has at the transport: epoch seconds travel as a number. */
  TypeName queryType(ApiType type) {
    if (type instanceof Scalar s && s.kind() == ScalarKind.INSTANT_EPOCH_SECONDS) {
      return ClassName.get(Long.class);
    }
    return types.javaType(type);
  }

  /** The cursor of a next-page-cursor operation goes on the wire as Bybit sent it (and is signed so). */
  static boolean isSentAsReceived(ApiOperation op, ApiParameter p) {
    return op.paging() instanceof ApiPaging.NextPageCursor c && c.cursor().wireName().equals(p.wireName());
  }

  TypeName callType(ApiOperation op) {
    return ParameterizedTypeName.get(CALL, runtime.envelope(op, types.javaType(op.resultType())));
  }

  JavaFile emit(ApiTag tag) {
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(interfaceName(tag))
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Docs.generated("spec/openapi.yaml, tag " + tag.name()))
        .addJavadoc("Retrofit transport of the {@code $L} operations. Applications use {@link $T} instead.\n",
            tag.name(), ClassName.get(tag.packageName(), tag.clientName()));
    for (ApiOperation op : tag.operations()) {
      MethodSpec.Builder method = MethodSpec.methodBuilder(op.operationId())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(callType(op))
          .addJavadoc("$L $L\n", op.httpMethod(), Docs.escape(op.path()))
          .addAnnotation(AnnotationSpec.builder(runtime.endpoint)
              .addMember("operationId", "$S", op.operationId())
              .addMember("auth", "$T.$L", runtime.authScheme, op.authScheme().name())
              .addMember("envelope", "$T.$L", runtime.envelopeKind, op.envelope())
              .build())
          // Relative path, so a base URL with a path prefix (a proxy, a test server) keeps it.
          .addAnnotation(AnnotationSpec.builder(op.httpMethod() == HttpMethod.GET ? GET : POST)
              .addMember("value", "$S", op.path().substring(1))
              .build());
      // Parameter names are not API here; they only have to be distinct, with the spec's names kept where they can.
      Names.Scope scope = new Names.Scope();
      if (op.httpMethod() == HttpMethod.POST) {
        method.addParameter(ParameterSpec.builder(bodyType(), scope.local("body"))
            .addAnnotation(BODY)
            .build());
      } else {
        for (ApiParameter p : op.parameters()) {
          AnnotationSpec.Builder query = AnnotationSpec.builder(QUERY).addMember("value", "$S", p.wireName());
          if (isSentAsReceived(op, p)) {
            // Bybit hands out cursors already percent-encoded; encoding them again would send a different cursor.
            query.addMember("encoded", "true");
          }
          method.addParameter(ParameterSpec.builder(queryType(p.type()), scope.local(p.javaName()))
              .addAnnotation(query.build())
              .build());
        }
      }
      // The caller's per-call options ride on the OkHttp request, where signing and the transport read them.
      method.addParameter(ParameterSpec.builder(runtime.requestOptions, scope.local("options")).addAnnotation(TAG)
          .build());
      api.addMethod(method.build());
    }
    return Docs.file(tag.transportPackage(), api.build());
  }
}
