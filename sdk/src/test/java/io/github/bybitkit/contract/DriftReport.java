package io.github.bybitkit.contract;

import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.metadata.OperationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the {@link DriftAnalyzer} and the {@link RoundTrip} over every recorded response of a directory laid out as
 * {@code <operationId>/*.json} and reports every drift: as a Markdown report grouped by operation, kind and path, and
 * as a short console summary.
 */
final class DriftReport {
  private static final int FILES_SHOWN = 3;

  private final Path specFile;
  private final Path recordedDir;
  private final List<Recorded> files;
  private final List<Drift> drifts;

  private DriftReport(Path specFile, Path recordedDir, List<Recorded> files, List<Drift> drifts) {
    this.specFile = specFile;
    this.recordedDir = recordedDir;
    this.files = files;
    this.drifts = List.copyOf(drifts);
  }

  /** Checks every {@code <recordedDir>/<operationId>/*.json} against {@code specFile} and the generated model. */
  static DriftReport run(Path specFile, Path recordedDir) {
    SpecSchemas spec = new SpecSchemas(specFile);
    DriftAnalyzer analyzer = new DriftAnalyzer(spec);
    RoundTrip roundTrip = new RoundTrip(spec);
    List<Recorded> files = Recorded.all(recordedDir);
    List<Drift> drifts = new ArrayList<>();
    for (Recorded file : files) {
      OperationInfo op;
      try {
        op = BybitOperations.byId(file.operationId());
      } catch (IllegalArgumentException e) {
        drifts.add(new Drift(file.operationId(), file.fileName(), Drift.Kind.UNREADABLE, "$", "the file",
            "no operation " + file.operationId() + " in the spec"));
        continue;
      }
      Json body;
      try {
        body = Json.parse(file.json());
      } catch (IllegalArgumentException e) {
        drifts.add(new Drift(file.operationId(), file.fileName(), Drift.Kind.UNREADABLE, "$", "the file",
            e.getMessage()));
        continue;
      }
      drifts.addAll(analyzer.analyze(op, file.fileName(), body));
      drifts.addAll(roundTrip.check(op, file.fileName(), file.json()));
    }
    return new DriftReport(specFile, recordedDir, files, drifts);
  }

  List<Drift> drifts() {
    return drifts;
  }

  // ---------------------------------------------------------------- console

  /** A few lines: what was checked, drift counts per operation and kind, where the report is. */
  String summary(Path reportFile) {
    StringBuilder out = new StringBuilder();
    out.append("Drift report: ").append(counted(files.size(), "recorded response")).append(" of ")
        .append(counted(operations().size(), "operation")).append(" in ").append(recordedDir).append('\n');
    if (drifts.isEmpty()) {
      out.append("  no drift\n");
    }
    byOperation().forEach((operationId, ofOperation) -> {
      out.append("  ").append(operationId).append(": ");
      out.append(countsByKind(ofOperation).entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().description)
          .collect(Collectors.joining(", ")));
      out.append('\n');
    });
    out.append("Report: ").append(reportFile.toAbsolutePath()).append('\n');
    return out.toString();
  }

  // ---------------------------------------------------------------- Markdown

  /** Writes the Markdown report, creating the directory. */
  void write(Path reportFile) {
    try {
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.writeString(reportFile, markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + reportFile, e);
    }
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Drift report\n\n");
    md.append("Spec: `").append(fromRepositoryRoot(specFile)).append("`  \n");
    md.append("Recorded responses: `").append(fromRepositoryRoot(recordedDir)).append("`, ")
        .append(counted(files.size(), "file")).append(" of ").append(counted(operations().size(), "operation"))
        .append("\n\n");
    md.append(drifts.isEmpty() ? "**No drift.**\n\n" : "**" + counted(drifts.size(), "finding") + " in "
        + counted(byOperation().size(), "operation") + ".**\n\n");
    md.append("Each finding: where (JSON path; `[*]` stands for every array index), an example value as recorded, "
        + "what the spec says or what the generated model wrote back, how often it was seen and in which files. "
        + "Kinds: ");
    md.append(Arrays.stream(Drift.Kind.values()).map(k -> "*" + k.column + "*: " + k.description)
        .collect(Collectors.joining("; "))).append(".\n\n");
    md.append("How to act on it: `generated-sources-readme.md`, \"When Bybit changes its API\".\n\n");

    md.append("## Summary\n\n| Operation | Files |");
    for (Drift.Kind kind : Drift.Kind.values()) {
      md.append(' ').append(kind.column).append(" |");
    }
    md.append("\n|---|---|");
    md.append("---|".repeat(Drift.Kind.values().length)).append('\n');
    Map<String, List<Drift>> byOperation = byOperation();
    for (String operationId : operations()) {
      List<Drift> ofOperation = byOperation.getOrDefault(operationId, List.of());
      Map<Drift.Kind, Integer> counts = countsByKind(ofOperation);
      md.append("| ").append(operationId).append(" | ").append(fileCount(operationId)).append(" |");
      for (Drift.Kind kind : Drift.Kind.values()) {
        md.append(' ').append(counts.getOrDefault(kind, 0)).append(" |");
      }
      md.append('\n');
    }
    List<String> uncovered = BybitOperations.all().stream().map(OperationInfo::operationId)
        .filter(id -> !operations().contains(id)).sorted().toList();
    if (!uncovered.isEmpty()) {
      md.append("\nOperations of the spec without a recorded response here: ").append(String.join(", ", uncovered))
          .append(".\n");
    }

    byOperation.forEach((operationId, ofOperation) -> {
      md.append("\n## ").append(operationId).append("\n");
      Map<Drift.Kind, List<Drift>> byKind = new EnumMap<>(Drift.Kind.class);
      ofOperation.forEach(d -> byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d));
      byKind.forEach((kind, ofKind) -> {
        md.append("\n### ").append(capitalized(kind.description)).append(" (").append(ofKind.size()).append(")\n\n");
        md.append("| Path | Example | Spec or model | Seen | Files |\n|---|---|---|---|---|\n");
        Map<String, List<Drift>> byPath = new LinkedHashMap<>();
        ofKind.forEach(d -> byPath.computeIfAbsent(wildcardIndexes(d.path()), p -> new ArrayList<>()).add(d));
        byPath.forEach((path, atPath) -> {
          Drift first = atPath.get(0);
          Set<String> fileNames = atPath.stream().map(Drift::file).collect(Collectors.toCollection(
              LinkedHashSet::new));
          md.append("| ").append(code(path)).append(" | ").append(code(first.example())).append(" | ")
              .append(cell(first.expected())).append(" | ").append(atPath.size()).append(" | ")
              .append(cell(shortList(fileNames))).append(" |\n");
        });
      });
    });
    return md.toString();
  }

  // ---------------------------------------------------------------- helpers

  /** Operation directories that hold files, sorted. */
  private List<String> operations() {
    return files.stream().map(Recorded::operationId).distinct().sorted().toList();
  }

  private long fileCount(String operationId) {
    return files.stream().filter(f -> f.operationId().equals(operationId)).count();
  }

  private Map<String, List<Drift>> byOperation() {
    Map<String, List<Drift>> grouped = new TreeMap<>();
    drifts.forEach(d -> grouped.computeIfAbsent(d.operationId(), k -> new ArrayList<>()).add(d));
    return grouped;
  }

  private static Map<Drift.Kind, Integer> countsByKind(List<Drift> drifts) {
    Map<Drift.Kind, Integer> counts = new EnumMap<>(Drift.Kind.class);
    drifts.forEach(d -> counts.merge(d.kind(), 1, Integer::sum));
    return counts;
  }

  /** {@code $.result[0].data[12].x} as {@code $.result[*].data[*].x}: one line for every item of a list. */
  static String wildcardIndexes(String path) {
    return path.replaceAll("\\[[0-9]+]", "[*]");
  }

  /** {@code path} relative to the repository root when it is inside it: the report reads the same on every machine. */
  private Path fromRepositoryRoot(Path path) {
    Path root = specFile.toAbsolutePath().getParent().getParent();
    Path absolute = path.toAbsolutePath().normalize();
    return root != null && absolute.startsWith(root) ? root.relativize(absolute) : absolute;
  }

  private static String shortList(Set<String> names) {
    List<String> list = List.copyOf(names);
    if (list.size() <= FILES_SHOWN) {
      return String.join(", ", list);
    }
    return String.join(", ", list.subList(0, FILES_SHOWN)) + " and " + (list.size() - FILES_SHOWN) + " more";
  }

  private static String counted(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A Markdown code span that survives backticks and pipes in the text. */
  private static String code(String text) {
    return "`` " + text.replace("|", "\\|") + " ``";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  @Override
  public String toString() {
    return "DriftReport(" + recordedDir + ", " + drifts.size() + " drifts)";
  }
}
