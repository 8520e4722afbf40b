package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;

/** A piece of a string literal. */
public sealed interface StrPart {
  /** Literal text, escapes already resolved. */
  record Text(String text) implements StrPart {}

  /** {@code ${path}}, where path is a name, a parameter or {@code cluster.FIELD}. */
  record Interpolation(String path, SourceSpan span) implements StrPart {}
}
