package io.github.bybitkit.codegen;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The generator's configuration ({@code generator-config/bybitkit.yaml}): the Java-side facts the spec does not
 * carry. Unknown keys are rejected so a typo cannot silently change nothing.
 */
public record GeneratorConfig(
    String metadataPackage,
    String jsonPackage,
    String transportClass,
    String pageClass,
    Map<String, String> securitySchemes,
    Map<String, TagConfig> tags,
    Map<String, SchemaType> schemaTypes,
    Map<String, OperationConfig> operations) {

  /** Where one spec tag's code goes. */
  public record TagConfig(String packageName, String clientName, String groupName, String groupAccessor) {}

  /** A spec schema mapped onto a hand-written Java type: an enum, or a type with its own adapter. */
  public record SchemaType(String enumClass, String javaType, String adapterClass) {
    public boolean isEnum() {
      return enumClass != null;
    }
  }

  /** How the public method presents the envelope's result. */
  public enum ResultStyle { DIRECT, UNWRAP, PAGE, SERVER_TIME }

  /**
   * Per-operation options; {@code paging} is null for an operation that is not paged, {@code javaMethod} null when
   * the Java method is named after the operationId.
   */
  public record OperationConfig(String javaMethod, Map<String, String> parameterNames, ResultStyle resultStyle,
      String unwrapField, PagingConfig paging, List<OverloadConfig> overloads) {
    static final OperationConfig DEFAULT = new OperationConfig(null, Map.of(), ResultStyle.DIRECT, null, null,
        List.of());
  }

  /**
   * An extra public signature of an operation, for a form an older Java surface had (the seed's): it takes
   * {@code parameters} (Java name to Java type, in order), runs every {@code require} call, and calls the
   * operation's required-parameter method, passing each required parameter either an overload parameter of the same
   * Java name or the result of its {@code convert} call. Calls name a static method of a runtime class.
   */
  public record OverloadConfig(Map<String, String> parameters, Map<String, HelperCall> convert,
      List<HelperCall> require, String description) {}

  /** A static runtime method ({@code pkg.Class.method}) applied to overload parameters, by Java name. */
  public record HelperCall(String method, List<String> arguments) {}

  /** How a paged operation moves from page to page. */
  public enum PagingStyle { PAGE_NUMBER, CURSOR, NEXT_PAGE_CURSOR }

  /**
   * A paged operation's paging parameters, by wire name. {@code page} for {@link PagingStyle#PAGE_NUMBER};
   * {@code cursor}, {@code itemId} (the item field whose value is the next cursor) and optionally {@code direction}
   * for {@link PagingStyle#CURSOR}; {@code limit} (the page size) is optional for both.
   * {@link PagingStyle#NEXT_PAGE_CURSOR}: {@code cursor}, the result fields {@code items} and {@code next} (the next
   * page's cursor), and optionally {@code window}.
   */
  public record PagingConfig(PagingStyle style, String page, String cursor, String direction, String limit,
      String itemId, String items, String next, WindowConfig window) {}

  /**
   * Time windows of a {@link PagingStyle#NEXT_PAGE_CURSOR} operation whose query covers a capped time span: the
   * start and end parameters (wire names) and the longest span Bybit accepts, {@code endTime - startTime}, either at
   * most {@code maxSpan} or, when {@code spanExclusive}, less than it.
   */
  public record WindowConfig(String start, String end, java.time.Duration maxSpan, boolean spanExclusive) {}

  public OperationConfig operation(String operationId) {
    return operations.getOrDefault(operationId, OperationConfig.DEFAULT);
  }

  public Optional<SchemaType> schemaType(String schemaName) {
    return Optional.ofNullable(schemaTypes.get(schemaName));
  }

  public static GeneratorConfig load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object root = new Yaml().load(reader);
      return parse(asMap(root, "the file"), file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read generator config " + file + ": " + e.getMessage(), e);
    }
  }

  static GeneratorConfig parse(Map<String, Object> root, String source) {
    allowOnly(root, source, "metadataPackage", "jsonPackage", "runtime", "securitySchemes", "tags",
        "schemaTypes", "operations");
    Map<String, Object> runtime = asMap(require(root, "runtime", source), "runtime");
    allowOnly(runtime, "runtime", "transport", "pageType");

    Map<String, String> schemes = new LinkedHashMap<>();
    asMap(require(root, "securitySchemes", source), "securitySchemes")
        .forEach((name, scheme) -> schemes.put(name, String.valueOf(scheme)));

    Map<String, TagConfig> tags = new LinkedHashMap<>();
    asMap(require(root, "tags", source), "tags").forEach((tag, value) -> {
      Map<String, Object> t = asMap(value, "tags." + tag);
      allowOnly(t, "tags." + tag, "package", "client", "group", "accessor");
      tags.put(tag, new TagConfig(string(t, "package", "tags." + tag), string(t, "client", "tags." + tag),
          string(t, "group", "tags." + tag), string(t, "accessor", "tags." + tag)));
    });

    Map<String, SchemaType> schemaTypes = new LinkedHashMap<>();
    asMap(root.getOrDefault("schemaTypes", Map.of()), "schemaTypes").forEach((schema, value) -> {
      String where = "schemaTypes." + schema;
      Map<String, Object> s = asMap(value, where);
      allowOnly(s, where, "enum", "type", "adapter");
      if (s.containsKey("enum") == s.containsKey("type") || s.containsKey("type") != s.containsKey("adapter")) {
        throw new IllegalArgumentException(where + " needs either 'enum' or both 'type' and 'adapter'");
      }
      schemaTypes.put(schema, new SchemaType((String) s.get("enum"), (String) s.get("type"),
          (String) s.get("adapter")));
    });

    Map<String, OperationConfig> operations = new LinkedHashMap<>();
    asMap(root.getOrDefault("operations", Map.of()), "operations").forEach((op, value) -> {
      String where = "operations." + op;
      Map<String, Object> o = asMap(value, where);
      allowOnly(o, where, "method", "parameters", "result", "paging", "overloads");
      Map<String, String> names = new LinkedHashMap<>();
      asMap(o.getOrDefault("parameters", Map.of()), where + ".parameters")
          .forEach((wire, java) -> names.put(wire, String.valueOf(java)));
      ResultStyle style = ResultStyle.DIRECT;
      String unwrap = null;
      Object result = o.get("result");
      if ("page".equals(result)) {
        style = ResultStyle.PAGE;
      } else if ("serverTime".equals(result)) {
        style = ResultStyle.SERVER_TIME;
      } else if ("direct".equals(result) || result == null) {
        style = ResultStyle.DIRECT;
      } else if (result instanceof Map<?, ?> r && r.size() == 1 && r.get("unwrap") instanceof String field) {
        style = ResultStyle.UNWRAP;
        unwrap = field;
      } else {
        throw new IllegalArgumentException(
            where + ".result must be direct, page, serverTime or {unwrap: <field>}, was " + result);
      }
      PagingConfig paging = o.containsKey("paging") ? paging(asMap(o.get("paging"), where + ".paging"),
          where + ".paging") : null;
      List<OverloadConfig> overloads = new java.util.ArrayList<>();
      if (o.containsKey("overloads")) {
        if (!(o.get("overloads") instanceof List<?> list)) {
          throw new IllegalArgumentException(where + ".overloads must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
          overloads.add(overload(asMap(list.get(i), where + ".overloads[" + i + "]"), where + ".overloads[" + i + "]"));
        }
      }
      operations.put(op, new OperationConfig(optionalString(o, "method", where), Map.copyOf(names), style, unwrap,
          paging, List.copyOf(overloads)));
    });

    return new GeneratorConfig(string(root, "metadataPackage", source), string(root, "jsonPackage", source),
        string(runtime, "transport", "runtime"), string(runtime, "pageType", "runtime"), Map.copyOf(schemes),
        tags, schemaTypes, operations);
  }

  private static PagingConfig paging(Map<String, Object> p, String where) {
    Object style = p.get("style");
    if ("page-number".equals(style)) {
      allowOnly(p, where, "style", "page", "limit");
      return new PagingConfig(PagingStyle.PAGE_NUMBER, string(p, "page", where), null, null,
          optionalString(p, "limit", where), null, null, null, null);
    }
    if ("cursor".equals(style)) {
      allowOnly(p, where, "style", "cursor", "direction", "limit", "itemId");
      return new PagingConfig(PagingStyle.CURSOR, null, string(p, "cursor", where),
          optionalString(p, "direction", where), optionalString(p, "limit", where), string(p, "itemId", where),
          null, null, null);
    }
    if ("next-page-cursor".equals(style)) {
      allowOnly(p, where, "style", "cursor", "items", "next", "window");
      WindowConfig window = p.containsKey("window") ? window(asMap(p.get("window"), where + ".window"),
          where + ".window") : null;
      return new PagingConfig(PagingStyle.NEXT_PAGE_CURSOR, null, string(p, "cursor", where), null, null, null,
          string(p, "items", where), string(p, "next", where), window);
    }
    throw new IllegalArgumentException(where + ".style must be page-number, cursor or next-page-cursor, was "
        + style);
  }

  /** {@code {start, end, atMost: <ISO-8601 duration>}} or the same with {@code under} for a strict cap. */
  private static WindowConfig window(Map<String, Object> w, String where) {
    allowOnly(w, where, "start", "end", "atMost", "under");
    if (w.containsKey("atMost") == w.containsKey("under")) {
      throw new IllegalArgumentException(where + " needs exactly one of 'atMost' and 'under'");
    }
    boolean exclusive = w.containsKey("under");
    String key = exclusive ? "under" : "atMost";
    String text = string(w, key, where);
    java.time.Duration span;
    try {
      span = java.time.Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(where + "." + key + " must be an ISO-8601 duration such as P7D, was " + text);
    }
    if (span.toMillis() < (exclusive ? 2 : 1)) {
      throw new IllegalArgumentException(where + "." + key + " must leave a window of at least 1 ms, was " + text);
    }
    return new WindowConfig(string(w, "start", where), string(w, "end", where), span, exclusive);
  }

  private static OverloadConfig overload(Map<String, Object> o, String where) {
    allowOnly(o, where, "parameters", "convert", "require", "description");
    Map<String, String> parameters = new LinkedHashMap<>();
    asMap(require(o, "parameters", where), where + ".parameters")
        .forEach((name, type) -> parameters.put(name, String.valueOf(type)));
    Map<String, HelperCall> convert = new LinkedHashMap<>();
    asMap(o.getOrDefault("convert", Map.of()), where + ".convert")
        .forEach((name, call) -> convert.put(name, helperCall(call, where + ".convert." + name)));
    List<HelperCall> requires = new java.util.ArrayList<>();
    Object requireList = o.getOrDefault("require", List.of());
    if (!(requireList instanceof List<?> calls)) {
      throw new IllegalArgumentException(where + ".require must be a list");
    }
    for (int i = 0; i < calls.size(); i++) {
      requires.add(helperCall(calls.get(i), where + ".require[" + i + "]"));
    }
    return new OverloadConfig(parameters, convert, List.copyOf(requires), string(o, "description", where));
  }

  private static HelperCall helperCall(Object value, String where) {
    Map<String, Object> call = asMap(value, where);
    allowOnly(call, where, "method", "arguments");
    if (!(require(call, "arguments", where) instanceof List<?> args) || args.isEmpty()) {
      throw new IllegalArgumentException(where + ".arguments must be a non-empty list of parameter names");
    }
    return new HelperCall(string(call, "method", where), args.stream().map(String::valueOf).toList());
  }

  private static Object require(Map<String, Object> map, String key, String where) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException(where + ": missing '" + key + "'");
    }
    return value;
  }

  private static String string(Map<String, Object> map, String key, String where) {
    if (!(require(map, key, where) instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(where + "." + key + " must be a non-blank string");
    }
    return s;
  }

  private static String optionalString(Map<String, Object> map, String key, String where) {
    return map.containsKey(key) ? string(map, key, where) : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + " must be a mapping, was " + value);
    }
    return (Map<String, Object>) map;
  }

  private static void allowOnly(Map<String, Object> map, String where, String... keys) {
    List<String> allowed = List.of(keys);
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
      }
    }
  }
}
