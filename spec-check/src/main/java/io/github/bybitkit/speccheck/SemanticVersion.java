package io.github.bybitkit.speccheck;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code major.minor.patch} version, as used for {@code info.version} and the files in {@code spec/released/}. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {
  private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
  private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
      .thenComparingInt(SemanticVersion::minor)
      .thenComparingInt(SemanticVersion::patch);

  /** Parses {@code 1.2.3}; throws {@link IllegalArgumentException} naming the text otherwise. */
  public static SemanticVersion parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("not a major.minor.patch version: '" + text + "'");
    }
    return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }

  /** Whether {@code text} is a {@code major.minor.patch} version. */
  public static boolean isVersion(String text) {
    return text != null && FORM.matcher(text.trim()).matches();
  }

  /**
   * The lowest version that may carry breaking changes after this one: the next major version, or, while the major
   * version is 0 (semver's "anything may change" range), the next minor version.
   */
  public SemanticVersion lowestBreakingSuccessor() {
    return major == 0 ? new SemanticVersion(0, minor + 1, 0) : new SemanticVersion(major + 1, 0, 0);
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
