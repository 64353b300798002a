package io.github.bybitkit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import io.github.bybitkit.metadata.OperationInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validates response bodies against an OpenAPI file with swagger-request-validator. Every error counts (default level
 * resolver), and objects get {@code additionalProperties: false} injected so that a field the spec does not know is
 * reported ({@code validation.response.body.schema.additionalProperties}, naming the field).
 *
 * <p>The spec is loaded with the validator's own loader and options, then adjusted in two ways before the validator
 * sees it, both only ever stricter than the defaults:
 * <ul>
 *   <li>{@link #mergeObjectAllOf}: every response is {@code allOf: [V2Envelope|V5Envelope, {result}]}, and
 *       {@code additionalProperties: false} injected into each part separately rejects every body (the envelope part
 *       forbids {@code result}, the other part the envelope fields). An {@code allOf} whose parts are all plain
 *       object schemas is therefore merged into one object schema: the union of the fields is allowed and nothing
 *       else. Other {@code allOf}s (a decimal that refers to {@code DecimalString} or {@code DecimalNumberOrString})
 *       stay as they are. (The parser's own {@code resolveCombinators} merges every {@code allOf} and in doing so drops
 *       an {@code anyOf} inside one, which would leave {@code BybitRiskLimit.maintain_margin} unchecked.)</li>
 *   <li>{@link #closeObjects}: the validator injects into properties, items and {@code allOf}/{@code anyOf}/
 *       {@code oneOf}, but not into the value schema of a map ({@code additionalProperties: <schema>}, e.g.
 *       getBalances' coin to {@code BybitBalance}), so unknown fields there would pass. The validator's own rule (an
 *       object schema with {@code properties}, no {@code additionalProperties} and no discriminator is closed) is
 *       applied to every response schema, map values included.</li>
 * </ul>
 */
final class SpecValidator {
  private final Path spec;
  private final OpenApiInteractionValidator validator;

  SpecValidator(Path spec) {
    this.spec = spec;
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    OpenAPI api = new OpenApiLoader().loadApi(
        OpenApiInteractionValidator.SpecSource.specUrl(spec.toAbsolutePath().toString()), List.of(), options);
    forEachResponseMedia(api, media -> media.setSchema(mergeObjectAllOf(media.getSchema(), new IdentityHashMap<>())));
    Set<Schema<?>> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    forEachResponseMedia(api, media -> close(media.getSchema(), closed));
    this.validator = OpenApiInteractionValidator.createFor(api).build();
  }

  /** The report on {@code json} as the body of a 200 response of {@code op}. */
  ValidationReport validate200(OperationInfo op, String json) {
    Request.Method method = Request.Method.valueOf(op.httpMethod().name());
    SimpleResponse response = SimpleResponse.Builder.ok()
        .withContentType("application/json")
        .withBody(json)
        .build();
    return validator.validateResponse(op.path(), method, response);
  }

  /** Every message of the report, one per line (nested messages indented), for a failure message. */
  static String describe(ValidationReport report) {
    StringBuilder out = new StringBuilder();
    appendMessages(out, report.getMessages(), "  ");
    return out.toString();
  }

  private static void appendMessages(StringBuilder out, List<ValidationReport.Message> messages, String indent) {
    for (ValidationReport.Message m : messages) {
      out.append(indent).append('[').append(m.getLevel()).append("] ").append(m.getKey()).append(": ")
          .append(m.getMessage());
      m.getContext().flatMap(ValidationReport.MessageContext::getPointers).ifPresent(p ->
          out.append(" (instance ").append(p.getInstance()).append(", schema ").append(p.getSchema()).append(')'));
      out.append('\n');
      for (String info : m.getAdditionalInfo()) {
        out.append(indent).append("    ").append(info).append('\n');
      }
      appendMessages(out, m.getNestedMessages(), indent + "    ");
    }
  }

  // ---------------------------------------------------------------- adjusting the spec

  private static void forEachResponseMedia(OpenAPI api, Consumer<MediaType> action) {
    for (PathItem path : api.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        for (ApiResponse response : operation.getResponses().values()) {
          if (response.getContent() != null) {
            response.getContent().values().forEach(action);
          }
        }
      }
    }
  }

  /**
   * {@code schema} with, at any depth, every {@code allOf} of plain object schemas merged into one object schema
   * (see the class comment). Returns a new schema where it merged, else {@code schema} with its children replaced.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> mergeObjectAllOf(Schema<?> schema, Map<Schema<?>, Schema<?>> done) {
    if (schema == null) {
      return null;
    }
    if (done.containsKey(schema)) {
      return done.get(schema);
    }
    done.put(schema, schema); // a schema that contains itself keeps pointing at the original
    Schema<?> result = schema;
    if (schema.getAllOf() != null && schema.getAllOf().stream().allMatch(SpecValidator::isPlainObject)
        && schema.getAnyOf() == null && schema.getOneOf() == null && schema.getNot() == null
        && schema.getDiscriminator() == null) {
      Schema<Object> merged = new Schema<>();
      merged.setType("object");
      merged.setDescription(schema.getDescription());
      merged.setNullable(schema.getNullable());
      merged.setAdditionalProperties(schema.getAdditionalProperties());
      Map<String, Schema> properties = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      List<Schema<?>> parts = new ArrayList<>();
      parts.add(schema);
      schema.getAllOf().forEach(parts::add);
      for (Schema<?> part : parts) {
        if (part.getProperties() != null) {
          part.getProperties().forEach((name, property) -> {
            if (properties.putIfAbsent(name, property) != null) {
              throw new IllegalStateException("allOf parts both define '" + name + "'; merging them needs allOf");
            }
          });
        }
        if (part.getRequired() != null) {
          required.addAll(part.getRequired());
        }
      }
      merged.setProperties(properties);
      merged.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
      result = merged;
      done.put(schema, merged);
    }
    if (result.getProperties() != null) {
      result.getProperties().replaceAll((name, property) -> mergeObjectAllOf(property, done));
    }
    if (result.getAdditionalProperties() instanceof Schema<?> mapValue) {
      result.setAdditionalProperties(mergeObjectAllOf(mapValue, done));
    }
    if (result.getItems() != null) {
      ((Schema) result).setItems(mergeObjectAllOf(result.getItems(), done));
    }
    for (List<Schema> parts : Arrays.asList(result.getAllOf(), result.getAnyOf(), result.getOneOf())) {
      if (parts != null) {
        parts.replaceAll(part -> mergeObjectAllOf(part, done));
      }
    }
    return result;
  }

  /** An object schema defined by its properties alone, which can be merged with others into one object. */
  private static boolean isPlainObject(Schema<?> schema) {
    return schema != null && (schema.getProperties() != null || "object".equals(schema.getType()))
        && schema.getAllOf() == null && schema.getAnyOf() == null && schema.getOneOf() == null
        && schema.getNot() == null && schema.getDiscriminator() == null && schema.getAdditionalProperties() == null
        && !Boolean.TRUE.equals(schema.getNullable());
  }

  /** Closes every object schema below {@code schema}, map values included (see the class comment). */
  @SuppressWarnings("rawtypes")
  private static void close(Schema<?> schema, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getProperties() != null && schema.getAdditionalProperties() == null
        && schema.getDiscriminator() == null) {
      schema.setAdditionalProperties(Boolean.FALSE);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(s -> close(s, seen));
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> mapValue) {
      close(mapValue, seen);
    }
    close(schema.getItems(), seen);
    for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
        nonNull(schema.getOneOf()))) {
      parts.forEach(s -> close(s, seen));
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> nonNull(List<Schema> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "SpecValidator(" + spec + ")";
  }
}
