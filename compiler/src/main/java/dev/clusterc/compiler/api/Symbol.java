package dev.clusterc.compiler.api;

import dev.clusterc.compiler.source.SourceSpan;

/**
 * Something a name can refer to: a declaration of the sources or of the standard library, a
 * template, or a template's parameter.
 *
 * @param keyword the kind keyword ({@code volume}), or {@code template} or {@code parameter}
 * @param span the whole declaration, for an editor to show
 * @param selection the name in it, where "go to definition" puts the cursor
 */
public record Symbol(String keyword, String name, SourceSpan span, SourceSpan selection) {}
