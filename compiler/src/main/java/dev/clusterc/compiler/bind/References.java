package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceFile;
import java.util.List;
import java.util.Optional;

/** How the binder resolves a name written where a declaration of some kind is expected. */
public interface References {
  Optional<Decl> lookup(Kind kind, String name);

  List<Decl> lookupAnyKind(String name);

  List<String> names(Kind kind);

  List<String> allNames();

  /** A hint for a name that is declared but not turned on (a std component without {@code use}), or {@code null}. */
  String notInUseHint(Kind kind, String name);

  /** The fix that turns such a name on ({@code use NAME} in {@code file}), when {@link #notInUseHint} gives a hint. */
  default Optional<Fix> notInUseFix(Kind kind, String name, SourceFile file) {
    return Optional.empty();
  }
}
