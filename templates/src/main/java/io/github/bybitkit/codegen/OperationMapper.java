package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.GeneratorConfig.OperationConfig;
import io.github.bybitkit.codegen.ir.ApiOperation;
import io.github.bybitkit.codegen.ir.ApiOverload;
import io.github.bybitkit.codegen.ir.ApiOperation.AuthScheme;
import io.github.bybitkit.codegen.ir.ApiOperation.Envelope;
import io.github.bybitkit.codegen.ir.ApiOperation.HttpMethod;
import io.github.bybitkit.codegen.ir.ApiOperation.ResultShape;
import io.github.bybitkit.codegen.ir.ApiPaging;
import io.github.bybitkit.codegen.ir.ApiParameter;
import io.github.bybitkit.codegen.ir.ApiParameter.Bound;
import io.github.bybitkit.codegen.ir.ApiProperty;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.IJsonSchemaValidationProperties;

/**
 * One operation: HTTP method, parameters with their Java names and checks, auth scheme, envelope, result shape,
 * paging, deprecation and configured overloads, each failure naming the operation or config key.
 */
final class OperationMapper {
  private final GeneratorConfig config;
  private final Map<String, CodegenModel> modelsByClass;
  private final TypeMapper types;
  private final ModelMapper models;
  private final PagingMapper pagingMapper;

  OperationMapper(GeneratorConfig config, Map<String, CodegenModel> modelsByClass, TypeMapper types,
      ModelMapper models, PagingMapper paging) {
    this.config = config;
    this.modelsByClass = modelsByClass;
    this.types = types;
    this.models = models;
    this.pagingMapper = paging;
  }

  ApiOperation mapOperation(CodegenOperation op) {
    String id = op.operationId;
    HttpMethod method = httpMethodOf(op);
    if (op.externalDocs == null || op.externalDocs.getUrl() == null) {
      throw new IllegalArgumentException(id + ": needs externalDocs with the url of Bybit's documentation");
    }
    OperationConfig opConfig = config.operation(id);

    List<ApiParameter> parameters = new ArrayList<>();
    if (!op.pathParams.isEmpty() || !op.headerParams.isEmpty() || !op.formParams.isEmpty()) {
      throw new IllegalArgumentException(id + ": only query parameters and JSON bodies are supported");
    }
    for (CodegenParameter p : op.queryParams) {
      parameters.add(parameter(p, p.baseName, p.vendorExtensions, p.isEnumRef, p.required, p.unescapedDescription,
          opConfig, id, id + " parameter " + p.baseName, ApiParameter.Location.QUERY));
    }
    if (op.bodyParam != null) {
      if (method != HttpMethod.POST) {
        throw new IllegalArgumentException(id + ": a request body needs POST");
      }
      for (CodegenProperty p : op.bodyParam.vars) {
        parameters.add(parameter(p, p.baseName, p.vendorExtensions, p.isEnumRef, p.required, p.unescapedDescription,
            opConfig, id, id + " body field " + p.baseName, ApiParameter.Location.BODY));
      }
    }
    for (String wire : opConfig.parameterNames().keySet()) {
      if (parameters.stream().noneMatch(p -> p.wireName().equals(wire))) {
        throw new IllegalArgumentException(id + ": generator config renames parameter " + wire
            + ", which the operation does not have");
      }
    }
    checkParameterNames(parameters, id);

    CodegenModel response = modelsByClass.get(op.returnBaseType);
    if (response == null) {
      throw new IllegalArgumentException(id + ": needs a JSON response schema for 200");
    }
    Envelope envelope = envelopeOf(response, id);
    CodegenProperty result = response.allVars.stream().filter(v -> v.baseName.equals("result")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + ": the response schema has no 'result' property"));
    ApiType resultType = types.typeOf(result, result.vendorExtensions, result.isEnumRef, id + " result");

    ApiPaging paging = opConfig.paging() == null ? null
        : pagingMapper.paging(opConfig.paging(), op, method, parameters, resultType, id);
    ApiOperation mapped = new ApiOperation(id, javaMethodOf(opConfig, id), method, op.path,
        IrMapper.clean(op.summary), IrMapper.clean(op.unescapedNotes), op.externalDocs.getUrl(), authOf(op),
        envelope, List.copyOf(parameters), resultType, IrMapper.clean(result.unescapedDescription),
        resultShape(opConfig, resultType, id), paging, replacementOf(op, id), overloads(opConfig, parameters, id));
    if (mapped.resultShape() instanceof ResultShape.ServerTime
        && (method != HttpMethod.GET || !parameters.isEmpty() || mapped.authScheme() != AuthScheme.NONE)) {
      // Time sync calls it when signed requests are being refused: it must need nothing but a GET.
      throw new IllegalArgumentException(id + ": a serverTime operation must be a public GET without parameters");
    }
    return mapped;
  }

  /**
   * Parameter Java names are method parameters, builder methods and request record components: they must differ,
   * and a request record (an operation with optional parameters) already has {@code builder()} and
   * {@code toBuilder()}.
   */
  private static void checkParameterNames(List<ApiParameter> parameters, String id) {
    boolean record = parameters.stream().anyMatch(p -> !p.required());
    Map<String, String> seen = new HashMap<>();
    for (ApiParameter p : parameters) {
      String other = seen.putIfAbsent(p.javaName(), p.wireName());
      if (other != null) {
        throw new IllegalArgumentException(id + ": parameters " + other + " and " + p.wireName()
            + " both give the Java name " + p.javaName() + "; rename one under operations." + id + ".parameters");
      }
      if (record && (p.javaName().equals("builder") || p.javaName().equals("toBuilder"))) {
        throw new IllegalArgumentException(id + ": parameter " + p.wireName() + " gives the Java name "
            + p.javaName() + ", which the request record already has as a method; rename it under operations."
            + id + ".parameters");
      }
    }
  }

  private static HttpMethod httpMethodOf(CodegenOperation op) {
    String method = op.httpMethod.toUpperCase(java.util.Locale.ROOT);
    try {
      return HttpMethod.valueOf(method);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op.operationId + ": only GET and POST are supported, not " + method);
    }
  }

  /** The public method's name: the configured one, else the operationId. */
  private static String javaMethodOf(OperationConfig opConfig, String id) {
    String name = opConfig.javaMethod();
    if (name == null) {
      // The operationId also names the Retrofit method and the registry constant, so it must be a Java name.
      if (!SourceVersion.isIdentifier(id) || SourceVersion.isKeyword(id) || !Character.isLowerCase(id.charAt(0))) {
        throw new IllegalArgumentException(id + ": operationId is not a Java method name starting in lower case");
      }
      return id;
    }
    if (!javax.lang.model.SourceVersion.isIdentifier(name) || javax.lang.model.SourceVersion.isKeyword(name)
        || !Character.isLowerCase(name.charAt(0))) {
      throw new IllegalArgumentException(id + ": generator config method " + name
          + " is not a Java method name starting in lower case");
    }
    return name;
  }

  /**
   * The configured extra signatures. Each must give every required parameter of the operation (passed through by
   * Java name or converted) and use only its own parameters; a signature that clashes fails the SDK's compilation.
   */
  private static List<ApiOverload> overloads(OperationConfig opConfig, List<ApiParameter> parameters, String id) {
    List<ApiOverload> overloads = new ArrayList<>();
    List<ApiParameter> required = parameters.stream().filter(ApiParameter::required).toList();
    for (GeneratorConfig.OverloadConfig o : opConfig.overloads()) {
      String where = id + ": generator config overload (" + String.join(", ", o.parameters().keySet()) + ")";
      List<ApiOverload.Parameter> own = new ArrayList<>();
      o.parameters().forEach((name, type) -> {
        if (!javax.lang.model.SourceVersion.isName(name)) {
          throw new IllegalArgumentException(where + ": parameter name " + name + " is not a Java name");
        }
        own.add(new ApiOverload.Parameter(name, type));
      });
      List<ApiOverload.Argument> arguments = new ArrayList<>();
      for (ApiParameter p : required) {
        GeneratorConfig.HelperCall convert = o.convert().get(p.javaName());
        if (convert != null) {
          arguments.add(new ApiOverload.Argument(null, call(convert, o, where)));
        } else if (o.parameters().containsKey(p.javaName())) {
          arguments.add(new ApiOverload.Argument(p.javaName(), null));
        } else {
          throw new IllegalArgumentException(where + ": gives no value for the required parameter " + p.javaName());
        }
      }
      for (String converted : o.convert().keySet()) {
        if (required.stream().noneMatch(p -> p.javaName().equals(converted))) {
          throw new IllegalArgumentException(where + ": converts " + converted
              + ", which is not a required parameter of the operation");
        }
      }
      List<ApiOverload.Call> checks = o.require().stream().map(c -> call(c, o, where)).toList();
      overloads.add(new ApiOverload(List.copyOf(own), checks, List.copyOf(arguments), IrMapper.clean(o.description())));
    }
    return List.copyOf(overloads);
  }

  private static ApiOverload.Call call(GeneratorConfig.HelperCall call, GeneratorConfig.OverloadConfig o,
      String where) {
    int dot = call.method().lastIndexOf('.');
    if (dot <= 0 || !javax.lang.model.SourceVersion.isName(call.method())) {
      throw new IllegalArgumentException(where + ": " + call.method() + " is not a qualified static method name");
    }
    for (String argument : call.arguments()) {
      if (!o.parameters().containsKey(argument)) {
        throw new IllegalArgumentException(where + ": " + call.method() + " takes " + argument
            + ", which is not a parameter of the overload");
      }
    }
    return new ApiOverload.Call(call.method().substring(0, dot), call.method().substring(dot + 1),
        call.arguments());
  }

  /**
   * What replaces a {@code deprecated: true} operation: its {@code x-bybit-replacement} text, required so that the
   * generated {@code @deprecated} tag tells users what to call instead. Null for an operation that is not deprecated.
   */
  private static String replacementOf(CodegenOperation op, String id) {
    Object replacement = op.vendorExtensions.get("x-bybit-replacement");
    if (!op.isDeprecated) {
      if (replacement != null) {
        throw new IllegalArgumentException(id + ": x-bybit-replacement is only for operations with deprecated: true");
      }
      return null;
    }
    if (!(replacement instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(id
          + ": deprecated: true needs x-bybit-replacement saying what to use instead");
    }
    return text.strip();
  }

  /** A query parameter or body field; both kinds of openapi-generator object expose the same schema facts. */
  private ApiParameter parameter(IJsonSchemaValidationProperties p, String wireName, Map<String, Object> extensions,
      boolean isEnumRef, boolean required, String description, OperationConfig opConfig, String operationId,
      String where, ApiParameter.Location location) {
    ApiType type = types.typeOf(p, extensions, isEnumRef, where);
    if (!isParameterType(type)) {
      throw new IllegalArgumentException(where + ": a parameter must be text, a number, a boolean, a date, epoch "
          + "seconds or an enum, not " + type);
    }
    boolean epochMillis = Boolean.TRUE.equals(extensions.get(IrMapper.EPOCH_MILLIS_EXTENSION));
    if (epochMillis && !(type instanceof Scalar s && (s.kind() == ScalarKind.LONG || s.kind() == ScalarKind.INT))) {
      throw new IllegalArgumentException(where + ": " + IrMapper.EPOCH_MILLIS_EXTENSION
          + " is for integer parameters (Unix milliseconds), not " + type);
    }
    return new ApiParameter(wireName, javaName(wireName, opConfig, operationId), type, required,
        IrMapper.clean(description),
        bound(p.getMinimum(), p.getExclusiveMinimum()), bound(p.getMaximum(), p.getExclusiveMaximum()),
        Boolean.TRUE.equals(extensions.get(IrMapper.NONZERO_EXTENSION)), epochMillis, location);
  }

  /** The types the client checks, the transport sends and the registry describes as a wire form. */
  private static boolean isParameterType(ApiType type) {
    if (type instanceof EnumRef) {
      return true;
    }
    return type instanceof Scalar s && switch (s.kind()) {
      case STRING, INT, LONG, BOOLEAN, DECIMAL_NUMBER, DECIMAL_STRING, DECIMAL_EITHER, LOCAL_DATE,
          INSTANT_EPOCH_SECONDS -> true;
      case INSTANT_RFC3339, LOCAL_DATE_TIME, VOID -> false;
    };
  }

  private AuthScheme authOf(CodegenOperation op) {
    if (op.authMethods == null || op.authMethods.isEmpty()) {
      return AuthScheme.NONE;
    }
    if (op.authMethods.size() != 1) {
      throw new IllegalArgumentException(op.operationId + ": needs at most one security scheme");
    }
    String scheme = op.authMethods.get(0).name;
    String auth = config.securitySchemes().get(scheme);
    if (auth == null) {
      throw new IllegalArgumentException(op.operationId + ": security scheme " + scheme
          + " has no entry under 'securitySchemes'");
    }
    try {
      return AuthScheme.valueOf(auth);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("generator config securitySchemes." + scheme + ": " + auth
          + " is not one of " + java.util.Arrays.toString(AuthScheme.values()));
    }
  }

  private static Envelope envelopeOf(CodegenModel response, String id) {
    Set<String> names = new HashSet<>();
    response.allVars.forEach(v -> names.add(v.baseName));
    if (names.contains("ret_code")) {
      return Envelope.V2;
    }
    if (names.contains("retCode")) {
      return Envelope.V5;
    }
    throw new IllegalArgumentException(id + ": the response is neither a v2 (ret_code) nor a v5 (retCode) envelope");
  }

  private ResultShape resultShape(OperationConfig opConfig, ApiType resultType, String id) {
    return switch (opConfig.resultStyle()) {
      case DIRECT -> new ResultShape.Direct();
      case UNWRAP -> {
        ApiProperty field = models.resultField(resultType, opConfig.unwrapField(), id, true);
        yield new ResultShape.Unwrap(field);
      }
      case PAGE -> new ResultShape.Page(models.resultField(resultType, "data", id, true),
          models.resultField(resultType, "current_page", id, true), models.resultField(resultType, "last_page", id,
              false));
      case SERVER_TIME -> new ResultShape.ServerTime();
    };
  }

  private static String javaName(String wireName, OperationConfig opConfig, String operationId) {
    String name = opConfig.parameterNames().getOrDefault(wireName, Names.javaName(wireName));
    if (!SourceVersion.isName(name) || !Names.safe(name).equals(name)) {
      throw new IllegalArgumentException(operationId + ": parameter " + wireName + " gives the Java name " + name
          + ", which is not usable; rename it under operations." + operationId + ".parameters");
    }
    return name;
  }

  private static Bound bound(String value, boolean exclusive) {
    return value == null ? null : new Bound(new BigDecimal(value), exclusive);
  }
}
