package io.github.bybitkit.contract;

import io.github.bybitkit.metadata.OperationInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The response schemas of {@code spec/openapi.yaml}, with {@code $ref}s kept (so reports can name schemas) and
 * resolved here, and {@code allOf}s flattened into {@link View}s. Parsed with swagger-parser, which
 * swagger-request-validator brings.
 */
final class SpecSchemas {
  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  private final Path file;
  private final OpenAPI api;

  SpecSchemas(Path file) {
    this.file = file;
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(file.toAbsolutePath().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("Cannot parse " + file + ": " + result.getMessages());
    }
    this.api = result.getOpenAPI();
  }

  /** The schema of a 200 {@code application/json} response of {@code op}. */
  Schema<?> response200(OperationInfo op) {
    PathItem item = api.getPaths().get(op.path());
    Operation operation = item == null ? null
        : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.httpMethod().name()));
    ApiResponse response = operation == null ? null : operation.getResponses().get("200");
    MediaType media = response == null || response.getContent() == null ? null
        : response.getContent().get("application/json");
    if (media == null || media.getSchema() == null) {
      throw new IllegalStateException("No 200 application/json response for " + op.operationId() + " in " + file);
    }
    return media.getSchema();
  }

  /** The component schemas by name. */
  Map<String, Schema<?>> components() {
    Map<String, Schema<?>> all = new LinkedHashMap<>();
    api.getComponents().getSchemas().forEach(all::put);
    return all;
  }

  /** The named schema {@code $ref} points at. */
  Schema<?> component(String ref) {
    if (!ref.startsWith(COMPONENT_PREFIX)) {
      throw new IllegalStateException("Unsupported $ref " + ref + " in " + file);
    }
    Schema<?> target = api.getComponents().getSchemas().get(ref.substring(COMPONENT_PREFIX.length()));
    if (target == null) {
      throw new IllegalStateException("Dangling $ref " + ref + " in " + file);
    }
    return target;
  }

  /** Every response schema of every operation, inline ones included, each once. */
  List<Schema<?>> responseSchemas() {
    List<Schema<?>> all = new ArrayList<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation operation : item.readOperations()) {
        for (ApiResponse response : operation.getResponses().values()) {
          if (response.getContent() != null) {
            response.getContent().values().forEach(m -> all.add(m.getSchema()));
          }
        }
      }
    }
    return all;
  }

  /**
   * Every property of every object schema reachable from {@code roots}, with the name of the schema that declares it
   * ({@code (inline)} for one without a name).
   */
  List<Property> properties(List<Schema<?>> roots) {
    List<Property> found = new ArrayList<>();
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Schema<?> root : roots) {
      collectProperties(root, "(inline)", seen, found);
    }
    return found;
  }

  /** A property of an object schema. */
  record Property(String owner, String name, Schema<?> schema) {}

  @SuppressWarnings("rawtypes")
  private void collectProperties(Schema<?> schema, String name, Set<Schema<?>> seen, List<Property> found) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      collectProperties(component(ref), ref.substring(ref.lastIndexOf('/') + 1), seen, found);
      return;
    }
    if (!seen.add(schema)) {
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((propertyName, property) -> {
        found.add(new Property(name, propertyName, property));
        collectProperties(property, "(inline)", seen, found);
      });
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> value) {
      collectProperties(value, "(inline)", seen, found);
    }
    collectProperties(schema.getItems(), "(inline)", seen, found);
    for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
        nonNull(schema.getOneOf()))) {
      parts.forEach(p -> collectProperties(p, "(inline)", seen, found));
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> nonNull(List<Schema> list) {
    return list == null ? List.of() : list;
  }

  // ---------------------------------------------------------------- views

  /**
   * A schema as seen by a value: its {@code $ref} followed and its {@code allOf} parts (at any depth) listed side by
   * side, since a value must match every one of them.
   */
  View view(Schema<?> schema) {
    List<Part> parts = new ArrayList<>();
    flatten(schema, null, parts, Collections.newSetFromMap(new IdentityHashMap<>()));
    return new View(this, parts);
  }

  /** One part of a {@link View}, with the component name it came from (null when inline). */
  record Part(String name, Schema<?> schema) {}

  @SuppressWarnings("rawtypes")
  private void flatten(Schema<?> schema, String name, List<Part> parts, Set<Schema<?>> seen) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String ref = schema.get$ref();
      flatten(component(ref), ref.substring(ref.lastIndexOf('/') + 1), parts, seen);
      return;
    }
    if (!seen.add(schema)) {
      return;
    }
    parts.add(new Part(name, schema));
    if (schema.getAllOf() != null) {
      for (Schema part : schema.getAllOf()) {
        flatten(part, null, parts, seen);
      }
    }
  }

  /** Every JSON type, by its spec name ({@code number} includes {@code integer}), in the order messages use. */
  static final List<String> ANY_TYPE = List.of("number", "integer", "string", "boolean", "object", "array");

  /** A flattened schema; see {@link SpecSchemas#view}. */
  static final class View {
    private final SpecSchemas spec;
    final List<Part> parts;

    View(SpecSchemas spec, List<Part> parts) {
      this.spec = spec;
      this.parts = List.copyOf(parts);
    }

    /** The first component name among the parts, for messages; null when all parts are inline. */
    String name() {
      return parts.stream().map(Part::name).filter(n -> n != null).findFirst().orElse(null);
    }

    boolean nullable() {
      return parts.stream().anyMatch(p -> Boolean.TRUE.equals(p.schema().getNullable()));
    }

    /** {@code x-bybit-type} of any part, or null. */
    String bybitType() {
      for (Part p : parts) {
        Map<String, Object> extensions = p.schema().getExtensions();
        if (extensions != null && extensions.get("x-bybit-type") instanceof String type) {
          return type;
        }
      }
      return null;
    }

    /** Whether a value here is a date-time: {@code format: date-time} or {@code x-bybit-type: rfc3339}. */
    boolean isDateTime() {
      return "rfc3339".equals(bybitType())
          || parts.stream().anyMatch(p -> "date-time".equals(p.schema().getFormat()));
    }

    /** The allowed JSON types (see {@link #ANY_TYPE}); every type when no part restricts them. */
    Set<String> types() {
      Set<String> allowed = new LinkedHashSet<>(ANY_TYPE);
      for (Part p : parts) {
        Set<String> own = ownTypes(p.schema());
        if (own != null) {
          allowed.retainAll(own);
        }
      }
      return allowed;
    }

    /** Whether a value of the JSON type {@code typeName} (as {@link Json#typeName()} gives it) is allowed. */
    boolean allows(String typeName) {
      Set<String> allowed = types();
      return allowed.contains(typeName) || ("integer".equals(typeName) && allowed.contains("number"));
    }

    @SuppressWarnings("rawtypes")
    private Set<String> ownTypes(Schema<?> schema) {
      if (schema.getType() != null) {
        return switch (schema.getType()) {
          case "number" -> Set.of("number", "integer");
          default -> Set.of(schema.getType());
        };
      }
      List<Schema> branches = branches(schema);
      if (!branches.isEmpty()) {
        Set<String> union = new LinkedHashSet<>();
        for (Schema branch : branches) {
          union.addAll(spec.view(branch).types());
        }
        return union;
      }
      if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
        return Set.of("object");
      }
      if (schema.getItems() != null) {
        return Set.of("array");
      }
      return null;
    }

    /** The {@code anyOf} or {@code oneOf} branches of a part (our spec never puts both on one schema). */
    @SuppressWarnings("rawtypes")
    static List<Schema> branches(Schema<?> schema) {
      List<Schema> branches = new ArrayList<>();
      if (schema.getAnyOf() != null) {
        branches.addAll(schema.getAnyOf());
      }
      if (schema.getOneOf() != null) {
        branches.addAll(schema.getOneOf());
      }
      return branches;
    }

    /**
     * This view with, for every part that has branches, the first branch that allows a value of {@code typeName}
     * added: what the schema says about such a value.
     */
    @SuppressWarnings("rawtypes")
    View forType(String typeName) {
      List<Part> selected = new ArrayList<>(parts);
      for (Part p : parts) {
        for (Schema branch : branches(p.schema())) {
          View branchView = spec.view(branch);
          if (branchView.allows(typeName)) {
            selected.addAll(branchView.forType(typeName).parts);
            break;
          }
        }
      }
      return new View(spec, selected);
    }

    /** The properties of all parts (the first part naming a property wins). */
    @SuppressWarnings("rawtypes")
    Map<String, Schema<?>> properties() {
      Map<String, Schema<?>> all = new LinkedHashMap<>();
      for (Part p : parts) {
        Map<String, Schema> own = p.schema().getProperties();
        if (own != null) {
          own.forEach(all::putIfAbsent);
        }
      }
      return all;
    }

    Set<String> required() {
      Set<String> all = new LinkedHashSet<>();
      for (Part p : parts) {
        if (p.schema().getRequired() != null) {
          all.addAll(p.schema().getRequired());
        }
      }
      return all;
    }

    /**
     * The schema of fields not among {@link #properties()}: a schema (a map's values), {@code Boolean.TRUE} (anything)
     * or null (no other field allowed when there are properties; see {@link #isClosed()}).
     */
    Object additionalProperties() {
      for (Part p : parts) {
        Object additional = p.schema().getAdditionalProperties();
        if (additional instanceof Schema<?> || Boolean.TRUE.equals(additional)) {
          return additional;
        }
      }
      return null;
    }

    /**
     * Whether fields other than the properties are drift. As in {@link SpecValidator}: an object schema with
     * properties and no {@code additionalProperties} is closed; one without properties is free-form.
     */
    boolean isClosed() {
      return additionalProperties() == null && parts.stream().anyMatch(p -> p.schema().getProperties() != null);
    }

    /** The schema of a field: a property, else the map value schema, else null. */
    Schema<?> field(String name) {
      Schema<?> property = properties().get(name);
      if (property != null) {
        return property;
      }
      return additionalProperties() instanceof Schema<?> value ? value : null;
    }

    /** The item schema of an array, or null. */
    Schema<?> items() {
      return parts.stream().map(p -> p.schema().getItems()).filter(i -> i != null).findFirst().orElse(null);
    }

    /** The allowed types as the spec would say them, e.g. {@code number or string}. */
    String describeTypes() {
      Set<String> types = new LinkedHashSet<>(types());
      if (types.contains("number")) {
        types.remove("integer");
      }
      if (types.containsAll(List.of("number", "string", "boolean", "object", "array"))) {
        return "any type";
      }
      return types.isEmpty() ? "no type (contradictory schema)" : String.join(" or ", types);
    }
  }

  @Override
  public String toString() {
    return "SpecSchemas(" + file + ")";
  }
}
