package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.load.Scope;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cluster as bound declarations, before anything is derived from them: its files, its
 * declarations by kind, its templates, its layer ladder and the components that provide each
 * capability. The rules, the dependency graph and the file readers work from this; the analysed
 * {@code Program} adds the graph, the files read and the diagnostics on top.
 */
public final class ClusterModel {
  private final List<SourceUnit> units;
  private final Scope scope;
  private final List<Decl> decls;
  private final Map<String, Item.Template> templates;
  private final List<String> ladder;
  private final Map<Kind, List<Decl>> byKind = new EnumMap<>(Kind.class);
  private final Map<String, List<Decl>> providersByCapability = new HashMap<>();

  public ClusterModel(List<SourceUnit> units, Scope scope, List<Decl> decls, Map<String, Item.Template> templates,
      List<String> ladder) {
    this.units = List.copyOf(units);
    this.scope = scope;
    this.decls = List.copyOf(decls);
    this.templates = Map.copyOf(templates);
    this.ladder = List.copyOf(ladder);
    for (Decl decl : this.decls) {
      byKind.computeIfAbsent(decl.kind(), k -> new ArrayList<>()).add(decl);
      if (decl.kind() == Kind.COMPONENT) {
        for (String capability : Component.of(this, decl).provides()) {
          providersByCapability.computeIfAbsent(capability, k -> new ArrayList<>()).add(decl);
        }
      }
    }
  }

  /**
   * The lowered record of a declaration ({@code App}, {@code Volume}, …), made by {@code lower} the
   * first time it is asked for and kept: every default is resolved once per analysis. Records have
   * a static {@code of(ClusterModel, Decl)} that calls this.
   */
  public synchronized <T> T lowered(Decl decl, Class<T> type, Function<Decl, T> lower) {
    Object record = decl.lowered(type);
    if (record == null) {
      record = lower.apply(decl);
      decl.lowered(type, record);
    }
    return type.cast(record);
  }

  /** The cluster's own files (not the standard library). */
  public List<SourceUnit> units() {
    return units;
  }

  public Scope scope() {
    return scope;
  }

  /** Every declaration taking part: the sources' and the standard-library components in use, in source order. */
  public List<Decl> decls() {
    return decls;
  }

  public List<Decl> decls(Kind kind) {
    return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
  }

  public Optional<Decl> cluster() {
    return decls(Kind.CLUSTER).stream().findFirst();
  }

  /** The templates by name, the sources' over the standard library's. */
  public Map<String, Item.Template> templates() {
    return templates;
  }

  /** The layer ladder, lowest first. */
  public List<String> ladder() {
    return ladder;
  }

  /** The position of a layer on the ladder, or -1. */
  public int layerIndex(String layer) {
    return layer == null ? -1 : ladder.indexOf(layer);
  }

  /** The components that provide a capability ({@code gateway-class:cilium}), in use. */
  public List<Decl> providers(String capability) {
    return Collections.unmodifiableList(providersByCapability.getOrDefault(capability, List.of()));
  }
}
