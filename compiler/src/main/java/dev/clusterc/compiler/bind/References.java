package dev.clusterc.compiler.bind;

import dev.clusterc.compiler.schema.Kind;
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
}
