package io.github.bybitkit.contract;

import io.github.bybitkit.contract.SpecSchemas.Part;
import io.github.bybitkit.contract.SpecSchemas.View;
import io.github.bybitkit.metadata.OperationInfo;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Walks a response body against its operation's response schema and lists every drift, not just the first: fields the
 * spec lacks, JSON types that differ, enum values the spec does not list, required fields that are missing, and values
 * outside a pattern, format ({@code date-time}, {@code date}, {@code int32}, {@code int64}) or range.
 *
 * <p>Schema rules, as swagger-request-validator applies them to the same spec (see {@link SpecValidator}):
 * {@code $ref} is followed; {@code allOf} parts all apply and their properties merge into one object; a value matches
 * an {@code anyOf}/{@code oneOf} if it matches a branch, and otherwise the drift of the closest branch is reported (one
 * whose type fits, then the one with the fewest findings); {@code nullable} on any part allows null; an object with
 * properties is closed unless {@code additionalProperties} says otherwise, and a map's values are checked against
 * its value schema. One rule is BybitKit's own: {@code x-bybit-type: void} allows only null, or {@code {}} where
 * the schema also says {@code type: object}.
 */
final class DriftAnalyzer {
  private static final int EXAMPLE_LENGTH = 80;

  private final SpecSchemas spec;

  DriftAnalyzer(SpecSchemas spec) {
    this.spec = spec;
  }

  /** Every drift of {@code body} as a 200 response of {@code op}. */
  List<Drift> analyze(OperationInfo op, String file, Json body) {
    List<Finding> findings = new ArrayList<>();
    check(spec.response200(op), body, "$", findings);
    return findings.stream()
        .map(f -> new Drift(op.operationId(), file, f.kind(), f.path(), f.example(), f.expected()))
        .toList();
  }

  private record Finding(Drift.Kind kind, String path, String example, String expected) {}

  private void check(Schema<?> schema, Json value, String path, List<Finding> out) {
    View view = spec.view(schema);
    if (value instanceof Json.Null) {
      if (!view.nullable() && !view.types().containsAll(SpecSchemas.ANY_TYPE)) {
        out.add(new Finding(Drift.Kind.TYPE, path, "null", "spec: " + view.describeTypes() + ", not nullable"
            + named(view)));
      }
      return;
    }
    if ("void".equals(view.bybitType())) {
      // Carries nothing: null, or {} where the schema says it is an object (the v2 server time's result).
      boolean typedObject = view.allows("object") && !view.types().containsAll(SpecSchemas.ANY_TYPE);
      boolean emptyObject = value instanceof Json.Obj o && o.fields().isEmpty();
      if (!(typedObject && emptyObject)) {
        out.add(new Finding(Drift.Kind.TYPE, path, example(value), "spec: nothing (x-bybit-type: void): null"
            + (typedObject ? " or {}" : "")));
      }
      return;
    }
    if (!view.allows(value.typeName())) {
      out.add(new Finding(Drift.Kind.TYPE, path, value.typeName() + " " + example(value),
          "spec: " + view.describeTypes() + named(view)));
      return;
    }
    for (Part part : view.parts) {
      checkScalar(part.schema(), value, path, out);
      checkBranches(part.schema(), value, path, out);
    }
    if (value instanceof Json.Obj object) {
      checkObject(view, object, path, out);
    } else if (value instanceof Json.Arr array) {
      Schema<?> items = view.items();
      if (items != null) {
        for (int i = 0; i < array.items().size(); i++) {
          check(items, array.items().get(i), Json.itemPath(path, i), out);
        }
      }
    }
  }

  private void checkObject(View view, Json.Obj object, String path, List<Finding> out) {
    for (Map.Entry<String, Json> field : object.fields().entrySet()) {
      String fieldPath = Json.fieldPath(path, field.getKey());
      Schema<?> schema = view.field(field.getKey());
      if (schema != null) {
        check(schema, field.getValue(), fieldPath, out);
      } else if (view.isClosed()) {
        out.add(new Finding(Drift.Kind.UNKNOWN_FIELD, fieldPath, example(field.getValue()),
            "spec: " + (view.name() != null ? view.name() : "the object") + " has no such property"));
      }
    }
    for (String required : view.required()) {
      if (!object.fields().containsKey(required)) {
        out.add(new Finding(Drift.Kind.MISSING_REQUIRED, Json.fieldPath(path, required), "absent",
            "spec: required" + named(view)));
      }
    }
  }

  /** A value matches an anyOf/oneOf if one branch has no finding; else the closest branch's findings count. */
  @SuppressWarnings("rawtypes")
  private void checkBranches(Schema<?> part, Json value, String path, List<Finding> out) {
    List<Schema> branches = View.branches(part);
    if (branches.isEmpty()) {
      return;
    }
    List<List<Finding>> results = new ArrayList<>();
    for (Schema branch : branches) {
      List<Finding> findings = new ArrayList<>();
      check(branch, value, path, findings);
      if (findings.isEmpty()) {
        return;
      }
      results.add(findings);
    }
    Comparator<List<Finding>> closest = Comparator
        .comparing((List<Finding> f) -> f.size() == 1 && f.get(0).kind() == Drift.Kind.TYPE && f.get(0).path()
            .equals(path))
        .thenComparing(List::size);
    out.addAll(results.stream().min(closest).orElseThrow());
  }

  private static void checkScalar(Schema<?> schema, Json value, String path, List<Finding> out) {
    if (schema.getEnum() != null && !schema.getEnum().isEmpty() && !inEnum(schema.getEnum(), value)) {
      out.add(new Finding(Drift.Kind.ENUM, path, example(value), "spec lists " + schema.getEnum()));
    }
    if (value instanceof Json.Str s) {
      checkString(schema, s.value(), path, out);
    } else if (value instanceof Json.Num n) {
      checkNumber(schema, n, path, out);
    }
  }

  private static boolean inEnum(List<?> values, Json value) {
    for (Object allowed : values) {
      if (value instanceof Json.Str s && allowed instanceof String text && text.equals(s.value())) {
        return true;
      }
      if (value instanceof Json.Num n && allowed instanceof Number number
          && new BigDecimal(number.toString()).compareTo(n.value()) == 0) {
        return true;
      }
    }
    return false;
  }

  private static void checkString(Schema<?> schema, String text, String path, List<Finding> out) {
    String pattern = schema.getPattern();
    if (pattern != null) {
      boolean matches;
      try {
        matches = Pattern.compile(pattern).matcher(text).find(); // JSON Schema patterns are not anchored
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("The spec's pattern " + pattern + " is not a valid regex", e);
      }
      if (!matches) {
        out.add(new Finding(Drift.Kind.VALUE, path, quote(text), "spec: pattern " + pattern));
      }
    }
    String format = schema.getFormat();
    if ("date-time".equals(format) && !parses(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME))) {
      out.add(new Finding(Drift.Kind.VALUE, path, quote(text), "spec: format date-time (RFC 3339)"));
    } else if ("date".equals(format) && !parses(() -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE))) {
      out.add(new Finding(Drift.Kind.VALUE, path, quote(text), "spec: format date (yyyy-MM-dd)"));
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void checkNumber(Schema<?> schema, Json.Num number, String path, List<Finding> out) {
    BigDecimal value = number.value();
    BigDecimal min = schema.getMinimum();
    if (min != null) {
      boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMinimum());
      if (exclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0) {
        out.add(new Finding(Drift.Kind.VALUE, path, number.literal(), "spec: minimum " + min
            + (exclusive ? " (exclusive)" : "")));
      }
    }
    BigDecimal max = schema.getMaximum();
    if (max != null) {
      boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMaximum());
      if (exclusive ? value.compareTo(max) >= 0 : value.compareTo(max) > 0) {
        out.add(new Finding(Drift.Kind.VALUE, path, number.literal(), "spec: maximum " + max
            + (exclusive ? " (exclusive)" : "")));
      }
    }
    String format = schema.getFormat();
    if (("int32".equals(format) && !fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE))
        || ("int64".equals(format) && !fits(value, Long.MIN_VALUE, Long.MAX_VALUE))) {
      out.add(new Finding(Drift.Kind.VALUE, path, number.literal(), "spec: format " + format));
    }
  }

  private static boolean fits(BigDecimal value, long min, long max) {
    return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  private static String named(View view) {
    return view.name() != null ? " (" + view.name() + ")" : "";
  }

  private static String example(Json value) {
    return value.shortText(EXAMPLE_LENGTH);
  }

  private static String quote(String text) {
    return new Json.Str(text).shortText(EXAMPLE_LENGTH);
  }

  @Override
  public String toString() {
    return "DriftAnalyzer(" + spec + ")";
  }
}
