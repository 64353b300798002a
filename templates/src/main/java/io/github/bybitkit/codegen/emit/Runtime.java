package io.github.bybitkit.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiSpec;

/**
 * Names of the hand-written runtime classes the generated code calls. Internal ones live in the package of the
 * configured transport class ({@code runtime.transport} in generator-config), public ones next to the page type,
 * the metadata for tools in {@code metadataPackage}, beside the generated registry.
 */
final class Runtime {
  final ClassName transport;
  final ClassName page;
  final ClassName endpoint;
  final ClassName authScheme;
  final ClassName envelopeKind;
  final ClassName v2Response;
  final ClassName v5Response;
  final ClassName checks;
  final ClassName secrets;
  final ClassName httpMethod;
  final ClassName operationInfo;
  final ClassName parameterInfo;
  final ClassName operations;
  final ClassName resultAdapters;
  final ClassName frozenList;
  final ClassName requestOptions;

  Runtime(ApiSpec spec) {
    transport = ClassName.bestGuess(spec.transportClass());
    page = ClassName.bestGuess(spec.pageClass());
    String pkg = transport.packageName();
    endpoint = ClassName.get(pkg, "BybitEndpoint");
    String metadata = spec.metadataPackage();
    authScheme = ClassName.get(metadata, "AuthScheme");
    envelopeKind = ClassName.get(metadata, "EnvelopeKind");
    httpMethod = ClassName.get(metadata, "HttpMethod");
    v2Response = ClassName.get(pkg, "V2Response");
    v5Response = ClassName.get(pkg, "V5Response");
    checks = ClassName.get(pkg, "Checks");
    secrets = ClassName.get(pkg, "Secrets");
    operationInfo = ClassName.get(metadata, "OperationInfo");
    parameterInfo = ClassName.get(metadata, "ParameterInfo");
    operations = ClassName.get(metadata, "BybitOperations");
    resultAdapters = ClassName.get(spec.jsonPackage(), "BybitResultAdapters");
    frozenList = ClassName.get(spec.jsonPackage(), "FrozenList");
    requestOptions = ClassName.get(page.packageName(), "RequestOptions");
  }

  /** {@code V2Response<T>} or {@code V5Response<T>}. */
  TypeName envelope(ApiOperation op, TypeName result) {
    return ParameterizedTypeName.get(op.envelope() == ApiOperation.Envelope.V2 ? v2Response : v5Response, result);
  }
}
