package io.github.bybitkit.speccheck;

/**
 * One incompatible difference between the released spec and the current one, in plain words.
 *
 * @param operation the operationId in the released spec (or {@code METHOD /path} when it has none)
 * @param change what changed, e.g. {@code response field result.*.available_balance removed}
 */
public record BreakingChange(String operation, String change) implements Comparable<BreakingChange> {
  /** The text that the report prints and that {@code spec/CHANGES.md} lists to acknowledge the change. */
  public String id() {
    return operation + ": " + change;
  }

  @Override
  public int compareTo(BreakingChange other) {
    return id().compareTo(other.id());
  }

  @Override
  public String toString() {
    return id();
  }
}
