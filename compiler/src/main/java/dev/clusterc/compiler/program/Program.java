package dev.clusterc.compiler.program;

import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.ReferencedFiles;
import dev.clusterc.compiler.graph.DependencyGraph;
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

/**
 * A checked cluster: its files, its declarations resolved and bound, its layers and dependency
 * graph, the secret and {@code manifests} files it names as read, and every diagnostic found. This is what the checkers, the compiler and the language
 * server read.
 */
public final class Program {
  private final List<SourceUnit> units;
  private final Scope scope;
  private final List<Decl> decls;
  private final Map<String, Item.Template> templates;
  private final List<String> ladder;
  private final Map<Kind, List<Decl>> byKind = new EnumMap<>(Kind.class);
  private final Map<String, List<Decl>> providersByCapability = new HashMap<>();
  private DependencyGraph graph;
  private ReferencedFiles files = ReferencedFiles.NONE;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  Program(List<SourceUnit> units, Scope scope, List<Decl> decls, Map<String, Item.Template> templates, List<String> ladder) {
    this.units = List.copyOf(units);
    this.scope = scope;
    this.decls = List.copyOf(decls);
    this.templates = Map.copyOf(templates);
    this.ladder = List.copyOf(ladder);
    for (Decl decl : this.decls) {
      byKind.computeIfAbsent(decl.kind(), k -> new ArrayList<>()).add(decl);
      if (decl.kind() == Kind.COMPONENT) {
        for (String capability : Components.capabilities(decl)) {
          providersByCapability.computeIfAbsent(capability, k -> new ArrayList<>()).add(decl);
        }
      }
    }
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

  public DependencyGraph graph() {
    return graph;
  }

  void graph(DependencyGraph dependencyGraph) {
    this.graph = dependencyGraph;
  }

  /** What analysis read of the secret and {@code manifests} files the declarations name. */
  public ReferencedFiles files() {
    return files;
  }

  void files(ReferencedFiles read) {
    this.files = read;
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
