package io.github.bybitkit.codegen;

import io.github.bybitkit.codegen.GeneratorConfig.OperationConfig;
import io.github.bybitkit.codegen.GeneratorConfig.PagingConfig;
import io.github.bybitkit.codegen.GeneratorConfig.PagingStyle;
import io.github.bybitkit.codegen.GeneratorConfig.SchemaType;
import io.github.bybitkit.codegen.GeneratorConfig.TagConfig;
import io.github.bybitkit.codegen.ir.ApiModel;
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
import io.github.bybitkit.codegen.ir.ApiSpec;
import io.github.bybitkit.codegen.ir.ApiTag;
import io.github.bybitkit.codegen.ir.ApiType;
import io.github.bybitkit.codegen.ir.ApiType.Custom;
import io.github.bybitkit.codegen.ir.ApiType.EnumRef;
import io.github.bybitkit.codegen.ir.ApiType.ListOf;
import io.github.bybitkit.codegen.ir.ApiType.MapOf;
import io.github.bybitkit.codegen.ir.ApiType.ModelRef;
import io.github.bybitkit.codegen.ir.ApiType.Scalar;
import io.github.bybitkit.codegen.ir.ApiType.ScalarKind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.IJsonSchemaValidationProperties;

/**
 * Maps openapi-generator's {@link CodegenModel}s and {@link CodegenOperation}s to BybitKit's IR. This is the only
 * class that knows openapi-generator's model; everything after it works on {@link ApiSpec}. It fails loudly, naming
 * the schema or operation, on anything the emitters would not render faithfully.
 */
public final class IrMapper {
  static final String TYPE_EXTENSION = "x-bybit-type";
  static final String NONZERO_EXTENSION = "x-bybit-nonzero";
  static final String SECRET_EXTENSION = "x-bybit-secret";

  private final GeneratorConfig config;
  private final Map<String, CodegenModel> modelsByClass = new HashMap<>();
  private final Map<String, CodegenModel> modelsBySchema = new HashMap<>();

  public IrMapper(GeneratorConfig config, List<CodegenModel> models) {
    this.config = config;
    for (CodegenModel model : models) {
      modelsByClass.put(model.classname, model);
      modelsBySchema.put(model.name, model);
    }
  }

  /** Maps the operations (grouped by tag, in spec order) and every model they reach. */
  public ApiSpec map(List<CodegenOperation> operations) {
    Set<String> envelopeClasses = new HashSet<>();
    Map<String, List<ApiOperation>> byTag = new LinkedHashMap<>();
    Map<String, String> tagDescriptions = new HashMap<>();
    for (CodegenOperation op : operations) {
      if (op.tags == null || op.tags.size() != 1) {
        throw new IllegalArgumentException(op.operationId + ": needs exactly one tag");
      }
      String tag = op.tags.get(0).getName();
      if (!config.tags().containsKey(tag)) {
        throw new IllegalArgumentException(op.operationId + ": tag " + tag + " has no entry under 'tags' in the generator config");
      }
      tagDescriptions.putIfAbsent(tag, clean(op.tags.get(0).getDescription()));
      envelopeClasses.add(op.returnBaseType);
      if (op.bodyParam != null) {
        envelopeClasses.add(op.bodyParam.dataType);
      }
      byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(mapOperation(op));
    }
    Map<Envelope, String> clocks = new HashMap<>();
    byTag.values().stream().flatMap(List::stream)
        .filter(op -> op.resultShape() instanceof ResultShape.ServerTime)
        .forEach(op -> {
          String other = clocks.putIfAbsent(op.envelope(), op.operationId());
          if (other != null) {
            throw new IllegalArgumentException(op.operationId() + ": " + other + " already gives the "
                + op.envelope() + " server time; time sync needs one clock per envelope");
          }
        });
    byTag.forEach((tag, ops) -> {
      Map<String, String> methods = new HashMap<>();
      for (ApiOperation op : ops) {
        String other = methods.putIfAbsent(op.javaMethod(), op.operationId());
        if (other != null) {
          throw new IllegalArgumentException(op.operationId() + ": Java method " + op.javaMethod() + " is already "
              + other + "'s in tag " + tag + "; give one of them another name under operations.<id>.method");
        }
      }
    });
    for (String configured : config.operations().keySet()) {
      if (operations.stream().noneMatch(op -> op.operationId.equals(configured))) {
        throw new IllegalArgumentException("generator config names operation " + configured + ", which the spec does not have");
      }
    }

    Map<String, String> packageBySchema = assignPackages(byTag, envelopeClasses);
    List<ApiModel> models = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(packageBySchema).entrySet()) {
      models.add(mapModel(modelsBySchema.get(entry.getKey()), entry.getValue()));
    }

    List<ApiTag> tags = new ArrayList<>();
    byTag.forEach((tag, ops) -> {
      TagConfig t = config.tags().get(tag);
      tags.add(new ApiTag(tag, tagDescriptions.get(tag), t.packageName(), t.clientName(), t.groupName(), t.groupAccessor(), List.copyOf(ops)));
    });
    return new ApiSpec(List.copyOf(models), List.copyOf(tags), config.internalPackage(), config.jsonPackage(),
        config.transportClass(), config.pageClass());
  }

  // ------------------------------------------------------------------ operations

  private ApiOperation mapOperation(CodegenOperation op) {
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
        throw new IllegalArgumentException(id + ": generator config renames parameter " + wire + ", which the operation does not have");
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
    ApiType resultType = typeOf(result, result.vendorExtensions, result.isEnumRef, id + " result");

    ApiPaging paging = opConfig.paging() == null ? null
        : paging(opConfig.paging(), op, method, parameters, resultType, id);
    ApiOperation mapped = new ApiOperation(id, javaMethodOf(opConfig, id), method, op.path, clean(op.summary), clean(op.unescapedNotes),
        op.externalDocs.getUrl(), authOf(op), envelope, List.copyOf(parameters), resultType,
        clean(result.unescapedDescription), resultShape(opConfig, resultType, id), paging, replacementOf(op, id),
        overloads(opConfig, parameters, id));
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
      overloads.add(new ApiOverload(List.copyOf(own), checks, List.copyOf(arguments), clean(o.description())));
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
      throw new IllegalArgumentException(id + ": deprecated: true needs x-bybit-replacement saying what to use instead");
    }
    return text.strip();
  }

  /** A query parameter or body field; both kinds of openapi-generator object expose the same schema facts. */
  private ApiParameter parameter(IJsonSchemaValidationProperties p, String wireName, Map<String, Object> extensions,
      boolean isEnumRef, boolean required, String description, OperationConfig opConfig, String operationId,
      String where, ApiParameter.Location location) {
    ApiType type = typeOf(p, extensions, isEnumRef, where);
    if (!isParameterType(type)) {
      throw new IllegalArgumentException(where + ": a parameter must be text, a number, a boolean, a date, epoch "
          + "seconds or an enum, not " + type);
    }
    return new ApiParameter(wireName, javaName(wireName, opConfig, operationId), type, required, clean(description),
        bound(p.getMinimum(), p.getExclusiveMinimum()), bound(p.getMaximum(), p.getExclusiveMaximum()),
        Boolean.TRUE.equals(extensions.get(NONZERO_EXTENSION)), location);
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

  private static boolean containsVoid(ApiType type) {
    if (type instanceof ListOf l) {
      return containsVoid(l.item());
    }
    if (type instanceof MapOf m) {
      return containsVoid(m.value());
    }
    return type instanceof Scalar s && s.kind() == ScalarKind.VOID;
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
        ApiProperty field = resultField(resultType, opConfig.unwrapField(), id, true);
        yield new ResultShape.Unwrap(field);
      }
      case PAGE -> new ResultShape.Page(resultField(resultType, "data", id, true),
          resultField(resultType, "current_page", id, true), resultField(resultType, "last_page", id, false));
      case SERVER_TIME -> new ResultShape.ServerTime();
    };
  }

  private ApiProperty resultField(ApiType resultType, String jsonName, String id, boolean mandatory) {
    if (!(resultType instanceof ModelRef ref)) {
      throw new IllegalArgumentException(id + ": result shaping needs the result to be a model");
    }
    CodegenModel model = modelsBySchema.get(ref.schemaName());
    for (CodegenProperty p : model.vars) {
      if (p.baseName.equals(jsonName)) {
        ApiProperty property = mapProperty(p, model.name);
        if (jsonName.equals("data") || jsonName.equals(config.operation(id).unwrapField())) {
          if (!(property.type() instanceof ListOf)) {
            throw new IllegalArgumentException(id + ": result field " + jsonName + " must be an array");
          }
        } else if (!(property.type() instanceof Scalar s && s.kind() == ScalarKind.INT)) {
          throw new IllegalArgumentException(id + ": result field " + jsonName + " must be an integer");
        }
        return property;
      }
    }
    if (mandatory) {
      throw new IllegalArgumentException(id + ": result model " + model.name + " has no field " + jsonName);
    }
    return null;
  }

  // ------------------------------------------------------------------ paging

  private ApiPaging paging(PagingConfig paging, CodegenOperation op, HttpMethod method,
      List<ApiParameter> parameters, ApiType resultType, String id) {
    if (method != HttpMethod.GET) {
      throw new IllegalArgumentException(id + ": paging needs a GET operation, not " + method);
    }
    ApiParameter limit = null;
    Integer defaultLimit = null;
    if (paging.limit() != null) {
      limit = pagingParameter(parameters, paging.limit(), "limit", id);
      requireInt(limit, "limit", id);
      defaultLimit = defaultLimit(op, limit, id);
    }
    if (paging.style() == PagingStyle.PAGE_NUMBER) {
      ApiParameter page = pagingParameter(parameters, paging.page(), "page", id);
      requireInt(page, "page", id);
      requireOptional(page, "page", id);
      if (!(resultType instanceof ModelRef)) {
        throw new IllegalArgumentException(id + ": page-number paging needs the result to be a model with a 'data' list");
      }
      return new ApiPaging.PageNumber(page, limit, defaultLimit, resultField(resultType, "data", id, true),
          resultField(resultType, "current_page", id, false), resultField(resultType, "last_page", id, false));
    }
    ApiParameter cursor = pagingParameter(parameters, paging.cursor(), "cursor", id);
    requireOptional(cursor, "cursor", id);
    ApiParameter direction = paging.direction() == null ? null
        : pagingParameter(parameters, paging.direction(), "direction", id);
    if (!(resultType instanceof ListOf list && list.item() instanceof ModelRef item)) {
      throw new IllegalArgumentException(id + ": cursor paging needs the result to be a list of models");
    }
    CodegenModel model = modelsBySchema.get(item.schemaName());
    ApiProperty itemId = model.vars.stream().filter(v -> v.baseName.equals(paging.itemId())).findFirst()
        .map(v -> mapProperty(v, model.name))
        .orElseThrow(() -> new IllegalArgumentException(id + ": paging.itemId names " + paging.itemId()
            + ", which the item schema " + model.name + " does not have"));
    if (!itemId.type().equals(cursor.type())) {
      throw new IllegalArgumentException(id + ": the cursor " + cursor.wireName() + " and the item id "
          + model.name + "." + itemId.jsonName() + " must have the same type");
    }
    return new ApiPaging.Cursor(cursor, direction, limit, defaultLimit, item, itemId);
  }

  private static ApiParameter pagingParameter(List<ApiParameter> parameters, String wireName, String role, String id) {
    return parameters.stream().filter(p -> p.wireName().equals(wireName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + ": paging." + role + " names parameter " + wireName
            + ", which the operation does not have"));
  }

  private static void requireInt(ApiParameter p, String role, String id) {
    if (!(p.type() instanceof Scalar s && s.kind() == ScalarKind.INT)) {
      throw new IllegalArgumentException(id + ": paging." + role + " parameter " + p.wireName() + " must be an integer");
    }
  }

  /** The paging parameter is left out of the first request when the caller leaves it out, so it must be optional. */
  private static void requireOptional(ApiParameter p, String role, String id) {
    if (p.required()) {
      throw new IllegalArgumentException(id + ": paging." + role + " parameter " + p.wireName() + " must be optional");
    }
  }

  /** The spec's {@code default} of the page-size parameter: the page size Bybit uses when none is sent. */
  private static Integer defaultLimit(CodegenOperation op, ApiParameter limit, String id) {
    String text = op.queryParams.stream().filter(p -> p.baseName.equals(limit.wireName())).findFirst()
        .map(p -> clean(p.defaultValue)).orElse(null);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(id + ": the default of " + limit.wireName() + " must be a positive integer, was " + text);
  }

  // ------------------------------------------------------------------ models

  /** Every model reachable from an operation, with the package of the tag that reaches it. */
  private Map<String, String> assignPackages(Map<String, List<ApiOperation>> byTag, Set<String> envelopeClasses) {
    Map<String, String> packageBySchema = new LinkedHashMap<>();
    byTag.forEach((tag, ops) -> {
      String modelPackage = config.tags().get(tag).packageName() + ".model";
      Deque<String> pending = new ArrayDeque<>();
      for (ApiOperation op : ops) {
        collectModels(op.resultType(), pending);
        op.parameters().forEach(p -> collectModels(p.type(), pending));
      }
      Set<String> seen = new HashSet<>();
      while (!pending.isEmpty()) {
        String schema = pending.pop();
        if (!seen.add(schema)) {
          continue;
        }
        String previous = packageBySchema.putIfAbsent(schema, modelPackage);
        if (previous != null && !previous.equals(modelPackage)) {
          throw new IllegalArgumentException("schema " + schema + " is used by two tags (" + previous + ", "
              + modelPackage + "); give each tag its own schema");
        }
        for (CodegenProperty p : modelsBySchema.get(schema).vars) {
          collectModels(mapProperty(p, schema).type(), pending);
        }
      }
    });

    for (CodegenModel model : modelsBySchema.values()) {
      boolean handledElsewhere = envelopeClasses.contains(model.classname)
          || config.schemaType(model.name).isPresent()
          || model.vendorExtensions.containsKey(TYPE_EXTENSION)
          || isEnvelopeSchema(model);
      if (!handledElsewhere && !packageBySchema.containsKey(model.name)) {
        throw new IllegalArgumentException("schema " + model.name + " is not used by any operation");
      }
    }
    return packageBySchema;
  }

  private static boolean isEnvelopeSchema(CodegenModel model) {
    return model.name.equals("V2Envelope") || model.name.equals("V5Envelope");
  }

  private void collectModels(ApiType type, Deque<String> into) {
    if (type instanceof ModelRef ref) {
      into.push(ref.schemaName());
    } else if (type instanceof ListOf list) {
      collectModels(list.item(), into);
    } else if (type instanceof MapOf map) {
      collectModels(map.value(), into);
    } else if (type instanceof Custom custom) {
      customReferences(custom).forEach(into::push);
    }
  }

  /** The generated models a hand-written type's schema refers to (its oneOf members), so they are emitted too. */
  private List<String> customReferences(Custom custom) {
    List<String> refs = new ArrayList<>();
    config.schemaTypes().forEach((schema, mapped) -> {
      if (custom.javaType().equals(mapped.javaType())) {
        CodegenModel model = modelsBySchema.get(schema);
        if (model == null) {
          throw new IllegalArgumentException("generator config maps schema " + schema + ", which the spec does not have");
        }
        for (String imported : model.imports) {
          CodegenModel target = modelsByClass.get(imported);
          if (target != null && config.schemaType(target.name).isEmpty()) {
            refs.add(target.name);
          }
        }
      }
    });
    return refs;
  }

  private ApiModel mapModel(CodegenModel model, String packageName) {
    if (!model.oneOf.isEmpty() || !model.anyOf.isEmpty() || model.isEnum || model.isArray || model.isMap) {
      throw new IllegalArgumentException("schema " + model.name
          + " is a composition, enum or container; map it to a hand-written type under 'schemaTypes'");
    }
    if (!model.name.equals(model.classname)) {
      throw new IllegalArgumentException("schema " + model.name + " would become class " + model.classname
          + "; give the schema a name that is a Java class name");
    }
    List<ApiProperty> properties = new ArrayList<>();
    // A record's members: its components, and for an enum field also the decoding accessor next to the raw one.
    Map<String, String> members = new HashMap<>();
    for (CodegenProperty p : model.vars) {
      ApiProperty property = mapProperty(p, model.name);
      List<String> names = property.type() instanceof EnumRef
          ? List.of(property.javaName(), Names.rawComponent(property.javaName())) : List.of(property.javaName());
      for (String name : names) {
        String other = members.putIfAbsent(name, p.baseName);
        if (other != null) {
          throw new IllegalArgumentException("schema " + model.name + ": fields " + other + " and " + p.baseName
              + " both give the Java name " + name);
        }
      }
      properties.add(property);
    }
    return new ApiModel(model.name, model.classname, packageName, clean(model.unescapedDescription),
        List.copyOf(properties));
  }

  private ApiProperty mapProperty(CodegenProperty p, String schema) {
    String javaName = Names.javaName(p.baseName);
    if (!SourceVersion.isName(javaName)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " gives the Java name "
          + javaName + ", which is not usable");
    }
    ApiType type = typeOf(p, p.vendorExtensions, p.isEnumRef, "schema " + schema + " field " + p.baseName);
    if (containsVoid(type)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " is "
          + TYPE_EXTENSION + ": void; only an operation's result can be");
    }
    if (type instanceof ListOf l && l.item() instanceof EnumRef || type instanceof MapOf m && m.value() instanceof EnumRef) {
      // A record keeps an enum field's raw text; there is no raw form for a collection of them.
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName
          + " is a list or map of enums, which is not supported; make it a list of strings");
    }
    boolean secret = Boolean.TRUE.equals(p.vendorExtensions.get(SECRET_EXTENSION));
    if (secret && !(type instanceof Scalar s && s.kind() == ScalarKind.STRING)) {
      throw new IllegalArgumentException("schema " + schema + ": field " + p.baseName + " is " + SECRET_EXTENSION
          + " but not a string; only text can be masked");
    }
    return new ApiProperty(p.baseName, javaName, type, clean(p.unescapedDescription), p.required, secret);
  }

  // ------------------------------------------------------------------ types

  private ApiType typeOf(IJsonSchemaValidationProperties p, Map<String, Object> extensions, boolean isEnumRef,
      String where) {
    Object extension = extensions == null ? null : extensions.get(TYPE_EXTENSION);
    if (extension != null) {
      return switch (String.valueOf(extension)) {
        case "decimal" -> new Scalar(p.getIsString() ? ScalarKind.DECIMAL_STRING
            : p.getIsNumber() ? ScalarKind.DECIMAL_NUMBER : ScalarKind.DECIMAL_EITHER);
        case "epoch-seconds" -> new Scalar(ScalarKind.INSTANT_EPOCH_SECONDS);
        case "local-date-time" -> new Scalar(ScalarKind.LOCAL_DATE_TIME);
        case "rfc3339" -> new Scalar(ScalarKind.INSTANT_RFC3339);
        case "void" -> new Scalar(ScalarKind.VOID);
        default -> throw new IllegalArgumentException(where + ": unknown " + TYPE_EXTENSION + " '" + extension + "'");
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

  // ------------------------------------------------------------------ helpers

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

  /** Trims the spec's text and drops openapi-generator's "null"/empty placeholders. */
  static String clean(String text) {
    if (text == null || text.isBlank() || text.equals("null")) {
      return null;
    }
    return Objects.requireNonNull(text).strip();
  }
}
