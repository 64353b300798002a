package io.github.bybitkit.speccheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acknowledged breaking changes of {@code spec/CHANGES.md}. The format, machine-checked:
 * <pre>
 * ## 0.2.0                      a section per spec version (info.version), newest first
 * ### Breaking changes          the only subsection the check reads
 * - `getBalances: response field result.*.available_balance removed` free text after the closing backtick
 * </pre>
 * Each bullet of a "Breaking changes" subsection starts with the text the check prints, verbatim, in backticks.
 * Everything else (other headings, prose, fenced code blocks) is for people and ignored.
 */
final class ChangeLog {
  private static final Pattern VERSION_HEADING = Pattern.compile("^##\\s+v?(\\S+).*$");
  private static final Pattern SUBHEADING = Pattern.compile("^###\\s+(.*?)\\s*$");
  private static final Pattern ACKNOWLEDGEMENT = Pattern.compile("^[-*]\\s+`([^`]+)`.*$");
  private static final Pattern BULLET = Pattern.compile("^[-*]\\s+.*$");
  static final String BREAKING_SUBSECTION = "Breaking changes";

  private final Map<SemanticVersion, Set<String>> acknowledged;
  private final List<String> problems;

  private ChangeLog(Map<SemanticVersion, Set<String>> acknowledged, List<String> problems) {
    this.acknowledged = acknowledged;
    this.problems = problems;
  }

  /** Reads {@code file}; a missing file acknowledges nothing. */
  static ChangeLog read(Path file) throws IOException {
    return Files.exists(file) ? parse(Files.readAllLines(file), file.getFileName().toString()) : parse(List.of(), "");
  }

  static ChangeLog parse(List<String> lines, String fileName) {
    Map<SemanticVersion, Set<String>> acknowledged = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    SemanticVersion version = null;
    boolean inBreaking = false;
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher heading = VERSION_HEADING.matcher(line);
      if (heading.matches()) {
        version = SemanticVersion.isVersion(heading.group(1)) ? SemanticVersion.parse(heading.group(1)) : null;
        inBreaking = false;
        continue;
      }
      Matcher subheading = SUBHEADING.matcher(line);
      if (subheading.matches()) {
        inBreaking = version != null && subheading.group(1).equalsIgnoreCase(BREAKING_SUBSECTION);
        continue;
      }
      if (!inBreaking || !BULLET.matcher(line).matches()) {
        continue;
      }
      Matcher bullet = ACKNOWLEDGEMENT.matcher(line);
      if (bullet.matches()) {
        acknowledged.computeIfAbsent(version, v -> new LinkedHashSet<>()).add(bullet.group(1).strip());
      } else {
        // A typo here would silently acknowledge nothing; say so instead.
        problems.add(fileName + " line " + (i + 1) + ": a breaking change must start with the check's text in "
            + "backticks, e.g. - `getBalances: response field result.*.available_balance removed`; found: " + line);
      }
    }
    return new ChangeLog(acknowledged, problems);
  }

  /** The changes acknowledged in the section of {@code version}. */
  Set<String> acknowledgedIn(SemanticVersion version) {
    return acknowledged.getOrDefault(version, Set.of());
  }

  /** Lines that look like acknowledgements but are not in the format. */
  List<String> problems() {
    return problems;
  }
}
