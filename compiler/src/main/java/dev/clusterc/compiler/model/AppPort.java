package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * One {@code port NAME NUMBER} of an app, as written: the Service exposes it and routes and probes
 * reach the app through it.
 *
 * @param label the name as written, also when it did not bind (for messages)
 * @param name the name, or {@code null} when it did not bind
 * @param number the number, or {@code null} when it did not bind
 * @param span the whole entry
 */
public record AppPort(String label, Typed.Sym name, Typed.Int number, SourceSpan span) {
  static AppPort of(BoundEntry entry) {
    Typed.Sym name = entry.get("name").filter(Typed.Sym.class::isInstance).map(Typed.Sym.class::cast).orElse(null);
    Typed.Int number = entry.get("number").filter(Typed.Int.class::isInstance).map(Typed.Int.class::cast).orElse(null);
    return new AppPort(name != null ? name.value() : entry.firstArgument(), name, number, entry.entry().span());
  }

  /** Whether both the name and the number bound, so that the port can be emitted. */
  public boolean bound() {
    return name != null && number != null;
  }

  /** The port number, for a {@link #bound()} port. */
  public int port() {
    return Math.toIntExact(number.value());
  }
}
