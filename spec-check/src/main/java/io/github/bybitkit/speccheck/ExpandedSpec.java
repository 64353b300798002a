package io.github.bybitkit.speccheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a spec for openapi-diff with every schema {@code $ref} replaced by its own copy of the schema, except the
 * branches of a {@code oneOf}, which become components named after the place they are used.
 *
 * <p>Why: openapi-diff compares a referenced schema only the first time it meets the reference within one response
 * or request (its recursion guard is shared by sibling properties), so a schema used twice in one body, such as
 * {@code BybitPosition} in getPositions (the single form and every list entry's {@code data}), would be checked at one
 * place only. Without references there is nothing to skip. The branches of a {@code oneOf} are the exception:
 * openapi-diff pairs them only by component name and skips a branch without one, so each gets a name made of where it
 * is used and what it was ({@code BybitPosition}, or its index when it was written inline).
 */
final class ExpandedSpec {
  private static final String SCHEMA_REF = "#/components/schemas/";
  /** Separates the unique part of a generated branch name from the part shown to people. */
  static final String BRANCH_NAME_SEPARATOR = "__";

  private final JsonNode schemas;
  private final Map<String, JsonNode> branches = new LinkedHashMap<>();
  private final Deque<String> inlining = new ArrayDeque<>();

  private ExpandedSpec(JsonNode schemas) {
    this.schemas = schemas;
  }

  /** The spec in {@code file}, expanded as described above. */
  static OpenAPI read(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    if (!(root instanceof ObjectNode document)) {
      throw new IllegalArgumentException(file + " is not an OpenAPI document");
    }
    JsonNode components = document.path("components");
    ExpandedSpec expansion = new ExpandedSpec(components.path("schemas"));
    if (document.has("paths")) {
      document.set("paths", expansion.expand(document.get("paths"), "paths"));
    }
    ObjectNode expandedComponents = components instanceof ObjectNode c ? c : document.putObject("components");
    // Shared parameters, request bodies, responses and headers may refer to schemas too.
    for (Map.Entry<String, JsonNode> section : expandedComponents.properties()) {
      if (!section.getKey().equals("schemas")) {
        section.setValue(expansion.expand(section.getValue(), "components/" + section.getKey()));
      }
    }
    ObjectNode branchSchemas = JsonNodeFactory.instance.objectNode();
    expansion.branches.forEach(branchSchemas::set);
    // Only the branches are still referred to; the original schemas now live where they are used.
    expandedComponents.set("schemas", branchSchemas);
    document.set("components", expandedComponents);

    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser()
        .readContents(new ObjectMapper().writeValueAsString(document), null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException("cannot read " + file + ": " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /** The name people see for a oneOf branch component made here. */
  static String branchDisplayName(String componentName) {
    int at = componentName.lastIndexOf(BRANCH_NAME_SEPARATOR);
    return at < 0 ? componentName : componentName.substring(at + BRANCH_NAME_SEPARATOR.length());
  }

  private JsonNode expand(JsonNode node, String site) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, expand(array.get(i), site + "/" + i));
      }
      return array;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    String schemaName = referencedSchema(object);
    if (schemaName != null) {
      return inline(schemaName, site);
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equals("oneOf") && field.getValue() instanceof ArrayNode forms) {
        nameBranches(forms, site + "/oneOf");
      } else {
        field.setValue(expand(field.getValue(), site + "/" + field.getKey()));
      }
    }
    return object;
  }

  private JsonNode inline(String schemaName, String site) {
    if (inlining.contains(schemaName)) {
      throw new IllegalArgumentException("schema " + schemaName + " refers to itself (via " + inlining
          + "); the breaking-change check does not support recursive schemas");
    }
    JsonNode schema = schemas.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + schemaName + " in components/schemas (used at " + site + ")");
    }
    inlining.push(schemaName);
    JsonNode copy = expand(schema.deepCopy(), site);
    inlining.pop();
    return copy;
  }

  private void nameBranches(ArrayNode forms, String site) {
    for (int i = 0; i < forms.size(); i++) {
      JsonNode form = forms.get(i);
      String referenced = form instanceof ObjectNode object ? referencedSchema(object) : null;
      String shown = referenced != null ? referenced : "oneOf[" + i + "]";
      // Schema names end up in $refs; the place's hash keeps them short and free of '/'.
      String name = "Branch_" + hash(site) + BRANCH_NAME_SEPARATOR + shown;
      branches.put(name, expand(form, site + "/" + shown));
      forms.set(i, JsonNodeFactory.instance.objectNode().put("$ref", SCHEMA_REF + name));
    }
  }

  private static String referencedSchema(ObjectNode object) {
    JsonNode ref = object.get("$ref");
    return ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)
        ? ref.asText().substring(SCHEMA_REF.length()) : null;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
