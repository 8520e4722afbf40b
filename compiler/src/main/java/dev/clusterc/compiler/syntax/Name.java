package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;

/** An identifier as written: a kind, a declaration's name, an entry keyword or a map key. */
public record Name(SourceSpan span, String text) implements Node {
  @Override
  public String toString() {
    return text;
  }
}
