package dev.clusterc.compiler.graph;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.source.SourceSpan;

/**
 * {@code from} needs {@code to} first. {@code span} is where the need is written (the mount, the
 * route, the {@code depends-on}); {@code reason} says it in words ("mounts", "routes through").
 */
public record Edge(Decl from, Decl to, String reason, SourceSpan span) {
  @Override
  public String toString() {
    return from.label() + " → " + to.label();
  }
}
