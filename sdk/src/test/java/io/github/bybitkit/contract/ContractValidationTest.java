package io.github.bybitkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.report.ValidationReport;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded response under {@code spec/recorded/<operationId>/} is a valid 200 body of that operation in
 * {@code spec/openapi.yaml}, fields the spec does not know included; and recorded responses and operations cover
 * each other.
 */
class ContractValidationTest {
  private static SpecValidator validator;

  @BeforeAll
  static void loadSpec() {
    validator = new SpecValidator(Recorded.openApiFile());
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedResponseMatchesTheSpec() {
    return Recorded.all().stream()
        .map(r -> DynamicTest.dynamicTest(r.displayName(), r.path().toUri(), () -> assertMatchesSpec(r)));
  }

  private static void assertMatchesSpec(Recorded recorded) {
    OperationInfo op = operation(recorded);
    ValidationReport report = validator.validate200(op, recorded.json());
    if (report.hasErrors()) {
      fail(recorded.displayName() + " is not a valid 200 response of " + op.httpMethod() + " " + op.path()
          + " in spec/openapi.yaml:\n" + SpecValidator.describe(report));
    }
  }

  private static OperationInfo operation(Recorded recorded) {
    try {
      return BybitOperations.byId(recorded.operationId());
    } catch (IllegalArgumentException e) {
      return fail(recorded.displayName() + ": directory " + recorded.operationId()
          + " is not an operationId of spec/openapi.yaml", e);
    }
  }

  @Test
  void everyOperationHasARecordedResponse() {
    Set<String> recorded = Recorded.all().stream().map(Recorded::operationId).collect(Collectors.toSet());
    List<String> missing = BybitOperations.all().stream()
        .map(OperationInfo::operationId)
        .filter(id -> !recorded.contains(id))
        .toList();
    assertEquals(List.of(), missing, "operations without a recorded response under spec/recorded/<operationId>/");
  }

  @Test
  void everyRecordedDirectoryIsAnOperation() {
    Set<String> known = BybitOperations.all().stream().map(OperationInfo::operationId).collect(Collectors.toSet());
    List<String> unknown = Recorded.operationDirs().stream()
        .map(dir -> dir.getFileName().toString())
        .filter(name -> !known.contains(name))
        .toList();
    assertEquals(List.of(), unknown, "directories under spec/recorded/ that are not operations of the spec");
  }

  /** A file that is not {@code *.json} would be silently left out of the contract tests. */
  @Test
  void recordedDirectoriesHoldOnlyJsonFiles() throws IOException {
    Set<String> others = new TreeSet<>();
    for (Path dir : Recorded.operationDirs()) {
      try (Stream<Path> entries = Files.list(dir)) {
        entries.filter(p -> !(Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")))
            .forEach(p -> others.add(Recorded.recordedDir().relativize(p).toString()));
      }
    }
    assertTrue(others.isEmpty(), "entries under spec/recorded/<operationId>/ that are not .json files: " + others);
  }
}
