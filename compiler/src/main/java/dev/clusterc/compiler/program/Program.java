package dev.clusterc.compiler.program;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.graph.DependencyGraph;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked cluster: its files, its declarations resolved and bound, its layers and dependency
 * graph, and every diagnostic found. This is what the checkers, the compiler and the language
 * server read.
 */
public final class Program {
  private final List<SourceUnit> units;
  private final Scope scope;
  private final List<Decl> decls;
  private final Map<String, Item.Template> templates;
  private final List<String> ladder;
  private DependencyGraph graph;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Program(List<SourceUnit> units, Scope scope, List<Decl> decls, Map<String, Item.Template> templates, List<String> ladder) {
    this.units = List.copyOf(units);
    this.scope = scope;
    this.decls = List.copyOf(decls);
    this.templates = Map.copyOf(templates);
    this.ladder = List.copyOf(ladder);
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
    return decls.stream().filter(d -> d.kind() == kind).toList();
  }

  public Optional<Decl> cluster() {
    return decls.stream().filter(d -> d.kind() == Kind.CLUSTER).findFirst();
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
    return decls(Kind.COMPONENT).stream().filter(c -> Components.provides(c, capability)).toList();
  }

  public DependencyGraph graph() {
    return graph;
  }

  void graph(DependencyGraph dependencyGraph) {
    this.graph = dependencyGraph;
  }

  /** Every diagnostic, sorted and without duplicates. */
  public List<Diagnostic> diagnostics() {
    return Collections.unmodifiableList(diagnostics);
  }

  void diagnostics(List<Diagnostic> all) {
    diagnostics.clear();
    diagnostics.addAll(all);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
