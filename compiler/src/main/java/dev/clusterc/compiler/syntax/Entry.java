package dev.clusterc.compiler.syntax;

import dev.clusterc.compiler.source.SourceSpan;
import java.util.List;

/** {@code KEYWORD value… [{ entries }]}: one entry of a block; {@code block} may be {@code null}. */
public record Entry(SourceSpan span, Name key, List<Value> args, Block block) implements Node {}
