package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.syntax.Value;

/** The optional {@code port NAME} of a route or probe, shared by {@link AppRoute} and {@link AppProbe}. */
final class NamedPort {
  private NamedPort() {}

  /** The named port, or {@code null}. */
  static Typed.Sym of(BoundEntry entry) {
    return entry.get("port").filter(Typed.Sym.class::isInstance).map(Typed.Sym.class::cast).orElse(null);
  }

  /** Whether the entry writes {@code port NAME}, even one that did not bind (that was reported). */
  static boolean written(BoundEntry entry) {
    if (entry.get("port").isPresent()) {
      return true;
    }
    return entry.entry().args().stream().skip(1).anyMatch(a -> a instanceof Value.Word w && w.text().equals("port"));
  }
}
