package io.github.bybitkit.speccheck;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;

/**
 * Reads openapi-diff's structural diff and names the changes that break code written against the released SDK.
 *
 * <p>openapi-diff's own verdict ({@code isIncompatible()}) is not used, because it answers a different question (is
 * a server still compatible with old HTTP clients?): it counts a removed response field only when the field was
 * {@code required} (almost none of Bybit's are), and it counts a new enum value in a response as incompatible,
 * whereas BybitKit decodes unknown values to {@code UNKNOWN}. The rules here, for the SDK's users:
 * <ul>
 *   <li>breaking: an operation removed or renamed; a response, response media type or response field removed; a
 *       parameter (query, header, path or JSON body field) added as required, made required, or removed; the type
 *       the SDK gives a value changed (type, format or {@code x-bybit-type}); an enum value removed (request or response: the SDK's enum types serve both); a {@code oneOf}
 *       form no longer accepted in a request;</li>
 *   <li>not breaking: every addition (operations, optional parameters, response fields, enum values, forms),
 *       descriptions, examples, patterns, ranges, security.</li>
 * </ul>
 * Response fields are named by their JSON path from the body's root: {@code .} between fields, {@code []} for the
 * items of a list, {@code *} for the values of a map (e.g. {@code result.*.available_balance}). The envelope's
 * {@code allOf}, {@code $ref}s and {@code anyOf}s are merged by openapi-diff; {@code oneOf} branches are compared
 * branch by branch and add nothing to the path.
 */
final class BreakingChangeFinder {
  private final Set<BreakingChange> found = new TreeSet<>();

  private BreakingChangeFinder() {}

  /** The breaking changes in {@code diff}, sorted by their text. */
  static List<BreakingChange> find(ChangedOpenApi diff) {
    BreakingChangeFinder finder = new BreakingChangeFinder();
    for (Endpoint removed : diff.getMissingEndpoints()) {
      finder.add(operationName(removed.getOperation(), removed.getMethod(), removed.getPathUrl()),
          "operation removed (" + removed.getMethod() + " " + removed.getPathUrl() + ")");
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      finder.operation(operation);
    }
    return List.copyOf(finder.found);
  }

  private static String operationName(Operation operation, PathItem.HttpMethod method, String path) {
    return operation.getOperationId() != null ? operation.getOperationId() : method + " " + path;
  }

  private void add(String operation, String change) {
    found.add(new BreakingChange(operation, change));
  }

  private void operation(ChangedOperation changed) {
    Operation released = changed.getOldOperation();
    String op = operationName(released, changed.getHttpMethod(), changed.getPathUrl());
    String newId = changed.getNewOperation().getOperationId();
    if (!Objects.equals(released.getOperationId(), newId)) {
      // The generated method is named after the operationId.
      add(op, "operation renamed to " + newId);
    }
    parameters(op, changed.getParameters());
    requestBody(op, changed.getRequestBody());
    responses(op, changed.getApiResponses());
  }

  // ---------------------------------------------------------------- requests

  private void parameters(String op, ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter added : parameters.getIncreased()) {
      if (Boolean.TRUE.equals(added.getRequired())) {
        add(op, "new required parameter " + added.getName());
      }
    }
    for (Parameter removed : parameters.getMissing()) {
      add(op, "parameter " + removed.getName() + " removed");
    }
    for (ChangedParameter parameter : parameters.getChanged()) {
      if (parameter.isChangeRequired() && Boolean.TRUE.equals(parameter.getNewParameter().getRequired())) {
        add(op, "parameter " + parameter.getName() + " became required");
      }
      if (parameter.getSchema() != null) {
        requestSchema(op, parameter.getName(), parameter.getSchema());
      }
    }
  }

  private void requestBody(String op, ChangedRequestBody body) {
    if (body == null) {
      return;
    }
    RequestBody released = body.getOldRequestBody();
    RequestBody current = body.getNewRequestBody();
    if (released == null && current != null && Boolean.TRUE.equals(current.getRequired())) {
      add(op, "new required request body");
    } else if (released != null && current == null) {
      add(op, "request body removed");
    } else if (body.isChangeRequired() && current != null && Boolean.TRUE.equals(current.getRequired())) {
      add(op, "request body became required");
    }
    ChangedContent content = body.getContent();
    if (content == null) {
      return;
    }
    for (String mediaType : content.getMissing().keySet()) {
      add(op, "request body " + mediaType + " no longer accepted");
    }
    for (ChangedMediaType mediaType : content.getChanged().values()) {
      if (mediaType.getSchema() != null) {
        requestSchema(op, "", mediaType.getSchema());
      }
    }
  }

  /** A request's fields are the SDK's parameters, so they are called parameters; {@code path} "" is the body. */
  private void requestSchema(String op, String path, ChangedSchema schema) {
    String subject = path.isEmpty() ? "request body" : "parameter " + path;
    if (schema.isChangedType()) {
      changedType(op, subject, schema);
      return;
    }
    removedEnumValues(op, subject, schema.getEnumeration());
    Collection<String> releasedFields = keys(schema.getOldSchema());
    Collection<String> required = listOrEmpty(schema.getNewSchema() == null ? null : schema.getNewSchema().getRequired());
    for (String field : schema.getIncreasedProperties().keySet()) {
      if (required.contains(field)) {
        add(op, "new required parameter " + join(path, field));
      }
    }
    for (String field : schema.getMissingProperties().keySet()) {
      add(op, "parameter " + join(path, field) + " removed");
    }
    if (schema.getRequired() != null) {
      for (String field : schema.getRequired().getIncreased()) {
        if (releasedFields.contains(field) && !schema.getMissingProperties().containsKey(field)) {
          add(op, "parameter " + join(path, field) + " became required");
        }
      }
    }
    schema.getChangedProperties().forEach((field, changed) -> requestSchema(op, join(path, field), changed));
    if (schema.getItems() != null) {
      requestSchema(op, path + "[]", schema.getItems());
    }
    if (schema.getAddProp() != null) {
      requestSchema(op, join(path, "*"), schema.getAddProp());
    }
    ChangedOneOfSchema oneOf = schema.getOneOfSchema();
    if (oneOf != null) {
      for (String form : oneOf.getMissing().keySet()) {
        add(op, subject + " no longer accepts the form " + ExpandedSpec.branchDisplayName(form));
      }
      oneOf.getChanged().values().forEach(branch -> requestSchema(op, path, branch));
    }
  }

  // ---------------------------------------------------------------- responses

  private void responses(String op, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    for (String status : responses.getMissing().keySet()) {
      add(op, "response " + status + " removed");
    }
    for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
      String status = response.getKey();
      ChangedContent content = response.getValue().getContent();
      if (content == null) {
        continue;
      }
      for (String mediaType : content.getMissing().keySet()) {
        add(op, "response " + status + " " + mediaType + " removed");
      }
      // Bybit answers 200 with an envelope; other statuses are named so that their fields are told apart.
      String prefix = "200".equals(status) ? "response" : "response " + status;
      for (ChangedMediaType mediaType : content.getChanged().values()) {
        if (mediaType.getSchema() != null) {
          responseSchema(op, prefix, "", mediaType.getSchema());
        }
      }
    }
  }

  private void responseSchema(String op, String prefix, String path, ChangedSchema schema) {
    String subject = path.isEmpty() ? prefix + " body" : prefix + " field " + path;
    if (schema.isChangedType()) {
      changedType(op, subject, schema);
      return;
    }
    removedEnumValues(op, subject, schema.getEnumeration());
    for (String field : schema.getMissingProperties().keySet()) {
      add(op, prefix + " field " + join(path, field) + " removed");
    }
    schema.getChangedProperties().forEach((field, changed) -> responseSchema(op, prefix, join(path, field), changed));
    if (schema.getItems() != null) {
      responseSchema(op, prefix, path + "[]", schema.getItems());
    }
    if (schema.getAddProp() != null) {
      responseSchema(op, prefix, join(path, "*"), schema.getAddProp());
    }
    if (schema.getOneOfSchema() != null) {
      // A form no longer sent is not breaking for a reader; changes inside the forms still are.
      schema.getOneOfSchema().getChanged().values().forEach(branch -> responseSchema(op, prefix, path, branch));
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * openapi-diff flags any change of {@code type} or {@code format} and compares nothing below it; only a change of
   * the type the SDK gives the value breaks anything (a number that may now also come as a string stays a decimal).
   */
  private void changedType(String op, String subject, ChangedSchema schema) {
    String released = typeOf(schema.getOldSchema());
    String current = typeOf(schema.getNewSchema());
    if (!released.equals(current)) {
      add(op, subject + " changed type from " + released + " to " + current);
    }
  }

  private void removedEnumValues(String op, String subject, ChangedEnum<?> enumeration) {
    if (enumeration != null && !enumeration.getMissing().isEmpty()) {
      add(op, subject + " no longer allows " + enumeration.getMissing().stream()
          .map(String::valueOf).collect(Collectors.joining(", ")));
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static Collection<String> keys(Schema<?> schema) {
    return schema == null || schema.getProperties() == null ? List.of() : schema.getProperties().keySet();
  }

  private static <T> Collection<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * The type as the SDK sees it, by the spec's conventions: {@code x-bybit-type} when present (decimal, epoch-seconds,
   * rfc3339, ...), {@code decimal} for {@code type: number} (a BigDecimal), otherwise type and format.
   */
  private static String typeOf(Schema<?> schema) {
    if (schema == null) {
      return "nothing";
    }
    Object bybitType = schema.getExtensions() == null ? null : schema.getExtensions().get("x-bybit-type");
    if (bybitType != null) {
      return bybitType.toString();
    }
    if ("number".equals(schema.getType())) {
      return "decimal";
    }
    List<String> parts = new ArrayList<>();
    parts.add(schema.getType() != null ? schema.getType() : "untyped");
    if (schema.getFormat() != null) {
      parts.add("(" + schema.getFormat() + ")");
    }
    return String.join(" ", parts);
  }
}
