package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * One {@code route HOST via GATEWAY [port NAME]} of an app.
 *
 * @param host the host as written, or {@code null} when it did not bind
 * @param gateway the gateway, or {@code null} when the reference did not bind or resolve
 * @param port the named port, or {@code null} when none is named (or the name did not bind)
 * @param namesPort whether {@code port NAME} is written, even when the name did not bind
 * @param span the whole entry
 */
public record AppRoute(Typed.Str host, Decl gateway, Typed.Sym port, boolean namesPort, SourceSpan span) {
  static AppRoute of(BoundEntry entry) {
    return new AppRoute(
        entry.get("host").filter(Typed.Str.class::isInstance).map(Typed.Str.class::cast).orElse(null),
        entry.ref("gateway").orElse(null),
        NamedPort.of(entry),
        NamedPort.written(entry),
        entry.entry().span());
  }
}
