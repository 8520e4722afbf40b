package dev.clusterc.compiler.load;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The declarations of a cluster, one namespace per kind: names are unique per kind. */
public final class Scope {
  private final Map<Kind, Map<String, Decl>> byKind = new EnumMap<>(Kind.class);

  /** Adds a declaration; returns the one already there under that kind and name, if any. */
  Optional<Decl> add(Decl decl) {
    Map<String, Decl> names = byKind.computeIfAbsent(decl.kind(), k -> new TreeMap<>());
    Decl existing = names.putIfAbsent(decl.name(), decl);
    return Optional.ofNullable(existing);
  }

  public Optional<Decl> lookup(Kind kind, String name) {
    return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name));
  }

  /** Every declaration of any kind with this name, in kind order. */
  public List<Decl> lookupAnyKind(String name) {
    List<Decl> found = new ArrayList<>();
    for (Map<String, Decl> names : byKind.values()) {
      Decl decl = names.get(name);
      if (decl != null) {
        found.add(decl);
      }
    }
    return found;
  }

  public List<String> names(Kind kind) {
    return new ArrayList<>(byKind.getOrDefault(kind, Map.of()).keySet());
  }

  public List<String> allNames() {
    List<String> names = new ArrayList<>();
    byKind.values().forEach(m -> names.addAll(m.keySet()));
    return names;
  }
}
