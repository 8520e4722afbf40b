package dev.clusterc.compiler.model;

import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Insertions;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;
import java.util.Optional;

/**
 * The fix for a standard-library component that is needed but not in use: a {@code use NAME}
 * line in the file that needs it (after its other {@code use} lines). The binder offers it for a
 * reference to the component, the provider check for a capability only it provides.
 */
public final class UseInsertion {
  private UseInsertion() {}

  /** The fix adding {@code use component} to {@code file}, when {@code file} is one of {@code units}. */
  public static Optional<Fix> fix(List<SourceUnit> units, SourceFile file, String component) {
    return units.stream().filter(u -> u.file().equals(file)).findFirst()
        .map(unit -> new Fix("add `use " + component + "`", List.of(Insertions.item(unit, "use " + component))));
  }
}
