package dev.clusterc.compiler.program;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.files.ReferencedFiles;
import dev.clusterc.compiler.graph.DependencyGraph;
import dev.clusterc.compiler.load.Scope;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked cluster: its model (files, declarations resolved and bound, layers), its dependency
 * graph, the secret and {@code manifests} files it names as read, and every diagnostic found. This
 * is what the checkers and the emitters read. Checkers see it before its diagnostics are known;
 * {@link #withDiagnostics} makes the finished one.
 */
public final class Program {
  private final ClusterModel model;
  private final DependencyGraph graph;
  private final ReferencedFiles files;
  private final List<Diagnostic> diagnostics;

  public Program(ClusterModel model, DependencyGraph graph, ReferencedFiles files) {
    this(model, graph, files, List.of());
  }

  private Program(ClusterModel model, DependencyGraph graph, ReferencedFiles files, List<Diagnostic> diagnostics) {
    this.model = model;
    this.graph = graph;
    this.files = files;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The same program with its diagnostics, sorted and without duplicates. */
  public Program withDiagnostics(List<Diagnostic> sorted) {
    return new Program(model, graph, files, sorted);
  }

  public ClusterModel model() {
    return model;
  }

  /** The cluster's own files (not the standard library). */
  public List<SourceUnit> units() {
    return model.units();
  }

  public Scope scope() {
    return model.scope();
  }

  /** Every declaration taking part: the sources' and the standard-library components in use, in source order. */
  public List<Decl> decls() {
    return model.decls();
  }

  public List<Decl> decls(Kind kind) {
    return model.decls(kind);
  }

  public Optional<Decl> cluster() {
    return model.cluster();
  }

  /** The templates by name, the sources' over the standard library's. */
  public Map<String, Item.Template> templates() {
    return model.templates();
  }

  /** The layer ladder, lowest first. */
  public List<String> ladder() {
    return model.ladder();
  }

  /** The position of a layer on the ladder, or -1. */
  public int layerIndex(String layer) {
    return model.layerIndex(layer);
  }

  /** The components that provide a capability ({@code gateway-class:cilium}), in use. */
  public List<Decl> providers(String capability) {
    return model.providers(capability);
  }

  public DependencyGraph graph() {
    return graph;
  }

  /** What analysis read of the secret and {@code manifests} files the declarations name. */
  public ReferencedFiles files() {
    return files;
  }

  /** Every diagnostic, sorted and without duplicates. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
