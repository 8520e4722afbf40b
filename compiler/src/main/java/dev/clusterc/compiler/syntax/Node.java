package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;

/** Anything in the syntax tree: it knows where it came from. */
public interface Node {
  SourceSpan span();
}
