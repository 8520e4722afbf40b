package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/** {@code { entries }}; {@code closed} is false when the closing brace is missing. */
public record Block(SourceSpan span, List<Entry> entries, boolean closed) implements Node {}
