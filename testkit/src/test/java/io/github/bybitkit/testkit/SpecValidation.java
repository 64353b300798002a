package io.github.bybitkit.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Validates the fake's answers against {@code spec/openapi.yaml}: JSON types, patterns, formats, enums and required
 * fields. Fields the spec does not know are not reported here (allOf envelopes make the validator's own check
 * unusable); the clients in the tests decode strictly, which fails on them.
 */
final class SpecValidation {
  private final OpenApiInteractionValidator validator;

  SpecValidation() {
    Path spec = Path.of(System.getProperty("bybitkit.specDir", "../spec"), "openapi.yaml").toAbsolutePath();
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toString())
        .withResolveCombinators(false) // merging allOf would drop the anyOf of decimal fields from the checks
        .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
        .build();
  }

  /** The problems of {@code body} as a 200 answer of the operation at {@code method path}, "" when none. */
  String problems(String method, String path, String body) {
    SimpleResponse response = SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build();
    ValidationReport report = validator.validateResponse(path,
        Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response);
    StringBuilder out = new StringBuilder();
    append(out, report.getMessages(), "");
    return out.toString();
  }

  private static void append(StringBuilder out, List<ValidationReport.Message> messages, String indent) {
    for (ValidationReport.Message message : messages) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        out.append(indent).append(message.getKey()).append(": ").append(message.getMessage()).append('\n');
        message.getAdditionalInfo().forEach(info -> out.append(indent).append("  ").append(info).append('\n'));
        append(out, message.getNestedMessages(), indent + "  ");
      }
    }
  }
}
