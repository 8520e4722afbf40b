package dev.clusterc.compiler.api;

import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * Something a name can refer to: a declaration of the sources or of the standard library, a
 * template, or a template's parameter.
 *
 * @param keyword the kind keyword ({@code volume}), or {@code template} or {@code parameter}
 * @param span the whole declaration, for an editor to show
 * @param selection the name in it, where "go to definition" puts the cursor
 */
public record Symbol(String keyword, String name, SourceSpan span, SourceSpan selection) {

  /** The kind of declaration, empty for a template or a parameter. */
  public Optional<Kind> kind() {
    return Kind.of(keyword);
  }
}
