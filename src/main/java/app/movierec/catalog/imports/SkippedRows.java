package app.movierec.catalog.imports;

import java.util.ArrayList;
import java.util.List;

/** The rows an import with {@link OnError#SKIP} left out: how many, and the first few reasons. */
public final class SkippedRows {

  static final int KEPT_EXAMPLES = 5;

  private long count;
  private final List<String> examples = new ArrayList<>();

  void add(String problem) {
    count++;
    if (examples.size() < KEPT_EXAMPLES) {
      examples.add(problem);
    }
  }

  public long count() {
    return count;
  }

  public List<String> examples() {
    return List.copyOf(examples);
  }

  @Override
  public String toString() {
    return count == 0
        ? "no rows skipped"
        : count + " rows skipped, first: " + String.join("; ", examples);
  }
}
