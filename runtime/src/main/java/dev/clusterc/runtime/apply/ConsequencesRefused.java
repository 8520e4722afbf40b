package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.inventory.Consequence;
import java.util.List;
import java.util.stream.Collectors;

/** An apply refused before its first write: the consequences it would have without their flags. */
public final class ConsequencesRefused extends RuntimeException {
  private final transient List<Consequence> consequences;

  public ConsequencesRefused(List<Consequence> consequences) {
    super("apply refused, nothing was written: " + consequences.stream().map(Consequence::toString)
        .collect(Collectors.joining("; ")));
    this.consequences = List.copyOf(consequences);
  }

  public List<Consequence> consequences() {
    return consequences;
  }
}
