package io.github.bybitkit.speccheck;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Compares a spec with the newest released one ({@code <releasedDir>/<version>.yaml}, highest version) and checks
 * that every breaking change is acknowledged in the change log under the spec's {@code info.version}, and that this
 * version is a breaking bump (next major; next minor while the major version is 0). Additions need nothing.
 */
public final class CompatibilityCheck {
  private CompatibilityCheck() {}

  /** Runs the check on files; {@code changeLogFile} may be missing (it then acknowledges nothing). */
  public static CompatibilityReport run(Path specFile, Path releasedFolder, Path changeLogFile) throws IOException {
    Path spec = specFile.toAbsolutePath().normalize();
    Path releasedDir = releasedFolder.toAbsolutePath().normalize();
    Path changeLog = changeLogFile.toAbsolutePath().normalize();
    List<String> problems = new ArrayList<>();
    Optional<Map.Entry<SemanticVersion, Path>> newest = newestRelease(releasedDir, problems);
    if (newest.isEmpty()) {
      problems.add("no released spec in " + releasedDir + " (expected <major.minor.patch>.yaml, e.g. 0.1.0.yaml)");
      return new CompatibilityReport(spec, changeLog, null, List.of(), List.of(), problems, "");
    }
    SemanticVersion releasedVersion = newest.get().getKey();
    Path baseline = newest.get().getValue();

    OpenAPI released = ExpandedSpec.read(baseline);
    OpenAPI current = ExpandedSpec.read(spec);
    String releasedInfoVersion = released.getInfo() == null ? null : released.getInfo().getVersion();
    if (!releasedVersion.toString().equals(releasedInfoVersion)) {
      problems.add(baseline + " says info.version " + releasedInfoVersion + "; a released spec is named after its"
          + " version");
    }
    String currentInfoVersion = current.getInfo() == null ? null : current.getInfo().getVersion();
    if (!SemanticVersion.isVersion(currentInfoVersion)) {
      problems.add(spec + ": info.version '" + currentInfoVersion + "' is not major.minor.patch");
      return new CompatibilityReport(spec, changeLog, baseline, List.of(), List.of(), problems, "");
    }
    SemanticVersion version = SemanticVersion.parse(currentInfoVersion);
    if (version.compareTo(releasedVersion) < 0) {
      problems.add(spec + ": info.version " + version + " is older than the released " + releasedVersion);
    }

    List<BreakingChange> breaking = breakingChanges(released, current);
    ChangeLog log = ChangeLog.read(changeLog);
    problems.addAll(log.problems());
    Set<String> acknowledged = log.acknowledgedIn(version);
    List<BreakingChange> unacknowledged = breaking.stream().filter(c -> !acknowledged.contains(c.id())).toList();
    SemanticVersion lowestAllowed = releasedVersion.lowestBreakingSuccessor();
    boolean bumped = version.compareTo(lowestAllowed) >= 0;
    if (!breaking.isEmpty() && unacknowledged.isEmpty() && !bumped) {
      problems.add("the breaking changes are acknowledged, but info.version " + version + " is not a breaking bump"
          + " after the released " + releasedVersion + ": it must be " + lowestAllowed + " or later");
    }
    String advice = unacknowledged.isEmpty() ? "" : advice(changeLog, bumped ? version : lowestAllowed, unacknowledged);
    return new CompatibilityReport(spec, changeLog, baseline, breaking, unacknowledged, problems, advice);
  }

  /** The breaking changes from {@code released} to {@code current}, both read by {@link ExpandedSpec}. */
  static List<BreakingChange> breakingChanges(OpenAPI released, OpenAPI current) {
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(released, current);
    return BreakingChangeFinder.find(diff);
  }

  private static Optional<Map.Entry<SemanticVersion, Path>> newestRelease(Path dir, List<String> problems)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    TreeMap<SemanticVersion, Path> releases = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : null;
        if (stem != null && SemanticVersion.isVersion(stem)) {
          releases.put(SemanticVersion.parse(stem), file);
        } else {
          problems.add(file + ": only <major.minor.patch>.yaml files belong in " + dir);
        }
      }
    }
    return Optional.ofNullable(releases.lastEntry());
  }

  private static String advice(Path changeLog, SemanticVersion version, List<BreakingChange> unacknowledged) {
    String lines = unacknowledged.stream().map(c -> "- `" + c.id() + "`").collect(Collectors.joining("\n"));
    return "Undo the change, or acknowledge it: set info.version in the spec to " + version + " (or later) and list"
        + " each change in " + changeLog + ", in backticks exactly as printed above, saying why after it:\n\n"
        + "## " + version + "\n\n### " + ChangeLog.BREAKING_SUBSECTION + "\n" + lines + "\n";
  }
}
