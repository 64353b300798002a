package io.github.bybitkit.speccheck;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a {@link CompatibilityCheck}. It passes when every breaking change is acknowledged and nothing else
 * is wrong (a missing version bump, a malformed {@code spec/CHANGES.md} or {@code spec/released/}).
 *
 * @param spec the spec checked
 * @param changeLog the change log that acknowledges breaking changes
 * @param baseline the released spec it was compared with (null when none was found)
 * @param breaking every breaking change found, acknowledged or not
 * @param unacknowledged the breaking changes that the change log does not list for the spec's version
 * @param problems everything else that fails the check, in plain words
 * @param advice how to fix it ("" when it passed)
 */
public record CompatibilityReport(Path spec, Path changeLog, Path baseline, List<BreakingChange> breaking,
    List<BreakingChange> unacknowledged, List<String> problems, String advice) {

  public CompatibilityReport {
    breaking = List.copyOf(breaking);
    unacknowledged = List.copyOf(unacknowledged);
    problems = List.copyOf(problems);
  }

  public boolean passed() {
    return unacknowledged.isEmpty() && problems.isEmpty();
  }

  /** The report for people: what fails and how to fix it. */
  public String message() {
    if (passed()) {
      return spec + ": no unacknowledged breaking change against " + baseline
          + (breaking.isEmpty() ? "" : " (" + breaking.size() + " acknowledged)");
    }
    StringBuilder text = new StringBuilder("Breaking-change check of ").append(spec).append(" against ")
        .append(baseline).append(" failed.\n");
    if (!unacknowledged.isEmpty()) {
      text.append("Breaking changes that ").append(changeLog).append(" does not acknowledge (code written against the"
          + " released SDK may stop compiling or working):\n");
      text.append(bullets(unacknowledged.stream().map(BreakingChange::id).toList()));
    }
    if (!problems.isEmpty()) {
      text.append("Problems:\n").append(bullets(problems));
    }
    return text.append(advice).toString();
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "  - " + line + "\n").collect(Collectors.joining());
  }
}
