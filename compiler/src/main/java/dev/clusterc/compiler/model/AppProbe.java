package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * An app's {@code probe http PATH [port NAME]}: the readiness, liveness and startup check.
 *
 * @param path the path, or {@code null} when it did not bind
 * @param port the named port, or {@code null} when none is named (or the name did not bind)
 * @param namesPort whether {@code port NAME} is written, even when the name did not bind
 * @param span the whole entry
 */
public record AppProbe(String path, Typed.Sym port, boolean namesPort, SourceSpan span) {
  static AppProbe of(BoundEntry entry) {
    return new AppProbe(entry.str("path").orElse(null), NamedPort.of(entry), NamedPort.written(entry), entry.entry().span());
  }
}
