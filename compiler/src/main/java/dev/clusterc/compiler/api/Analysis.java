package dev.clusterc.compiler.api;

import dev.clusterc.compiler.check.AcceptanceFix;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.format.FormattedEdit;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.GraphRenderer;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One analysis of a cluster, immutable: its diagnostics (sorted, each once) and the source documents
 * read, and, from them, the dependency graph and the compile. The checked program behind it stays
 * inside the compiler; callers ask this object, never the program.
 */
public final class Analysis {
  private final Program program;
  private final Path workingDirectory;
  private final List<Diagnostic> diagnostics;
  private Navigator navigator;
  /** The emission behind {@link #objects}, made on first use; empty when the cluster does not compile. */
  private Optional<DeclarationObjects> objects;
  /** Whether each document is as {@code fmt} leaves it, asked once per analysis by {@link #laidOut}. */
  private final Map<SourceFile, Boolean> formatted = new ConcurrentHashMap<>();

  /** Over documents whose paths are relative to the process's working directory. */
  Analysis(Program program) {
    this(program, Path.of(""));
  }

  /** @param workingDirectory the directory the documents' paths are relative to */
  Analysis(Program program, Path workingDirectory) {
    this.program = program;
    this.workingDirectory = workingDirectory;
    this.diagnostics = program.diagnostics();
  }

  /**
   * The position queries over this analysis (what is at a position, definition, references,
   * outline, completion context); answers on broken documents too. Made on first use: the command
   * line never asks.
   */
  public synchronized Navigator navigator() {
    if (navigator == null) {
      navigator = new Navigator(program, workingDirectory);
    }
    return navigator;
  }

  /** Every diagnostic, sorted by file and position, without duplicates. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The cluster's own source documents as analysed (overlays included), not the standard library's. */
  public List<SourceFile> documents() {
    return program.units().stream().map(SourceUnit::file).toList();
  }

  /**
   * The engine the cluster's {@code gitops} block names, {@code flux}, {@code argocd} or
   * {@code clusterc}; empty without one (or without a cluster). Known before compiling, so a caller
   * can decide how to deliver without rendering a chart.
   */
  public Optional<String> gitops() {
    return program.cluster().flatMap(c -> Cluster.of(program.model())).map(Cluster::gitops).map(GitOps::engine);
  }

  /** The name of the cluster declared, if one is. */
  public Optional<String> clusterName() {
    return program.cluster().map(d -> d.name());
  }

  /**
   * What {@code compile} would still refuse although the checks pass (two units applying one
   * object): only emitting shows it, so {@code check} asks for it to report what compile would.
   * Empty when the analysis has errors already.
   */
  public List<Diagnostic> compileRefusals() {
    return ManifestCompiler.refusals(program);
  }

  /** The dependency graph grouped by layer, as Mermaid text; empty for a cluster with errors. */
  public Optional<String> mermaidGraph() {
    return hasErrors() ? Optional.empty() : Optional.of(GraphRenderer.mermaid(program));
  }

  /** The dependency graph grouped by layer, as Graphviz DOT text; empty for a cluster with errors. */
  public Optional<String> dotGraph() {
    return hasErrors() ? Optional.empty() : Optional.of(GraphRenderer.dot(program));
  }

  /**
   * Compiles this analysis: without errors, the compiled cluster and the warnings; with errors, or
   * when compiling refuses (two units would apply one object), the diagnostics and no cluster.
   */
  public CompileResult compile() {
    return compile(Delivery.DECLARED);
  }

  /**
   * {@link #compile()} for {@code delivery}: {@link Delivery#DIRECT} renders every chart into plain
   * objects and makes no Flux or Argo CD object, whatever the cluster's {@code gitops} says.
   */
  public CompileResult compile(Delivery delivery) {
    if (hasErrors() || program.cluster().isEmpty()) {
      return new CompileResult(diagnostics, null);
    }
    Compilation compilation;
    try {
      compilation = delivery == Delivery.DIRECT ? ManifestCompiler.compileDirect(program) : ManifestCompiler.compile(program);
    } catch (CompileRefusedException e) {
      return new CompileResult(merged(diagnostics, e.diagnostics()), null);
    }
    return new CompileResult(diagnostics, new CompiledCluster(compilation, delivery, gitops().orElse(null)));
  }

  private static List<Diagnostic> merged(List<Diagnostic> first, List<Diagnostic> second) {
    List<Diagnostic> all = new ArrayList<>(new LinkedHashSet<>(first));
    second.stream().filter(d -> !all.contains(d)).forEach(all::add);
    all.sort(Diagnostic.ORDER);
    return all;
  }

  /**
   * The edit that accepts {@code diagnostic} with {@code allow [CODE] because "…"} (a placeholder
   * reason for the user to replace), in the declaration it is reported in (for a finding a template
   * made, the declaration a note names as taking it), or in the cluster for a cluster-wide finding
   * and, as a last resort, for one in no declaration (the title then says it accepts every finding
   * of the code); empty for a code {@code allow} cannot accept, a finding accepted already, or no
   * place to write it. A plain edit: {@link #laidOut(Fix)} lays it out for a formatted file. Asked
   * on demand, not one of {@link Diagnostic#fixes()}: an accepted finding stays, as a warning that
   * says so.
   */
  public Optional<Fix> acceptFix(Diagnostic diagnostic) {
    return AcceptanceFix.of(program, diagnostic);
  }

  /**
   * What the compiler knows about the document at {@code path} (as diagnostics print it) that its
   * text does not say — derived host names, defaults not written, each declaration's layer — in
   * text order; empty for a document the analysis does not hold.
   */
  public List<InlayFact> inlayFacts(String path) {
    return new InlayFacts(program).of(path);
  }

  /**
   * The Kubernetes objects a declaration compiles to, by kind, namespace and name: the Flux
   * Kustomization (or Argo CD Application) applying its unit, the secret files it includes as they
   * are, then what its emitter writes, in apply order. An empty list for a declaration that
   * compiles to no object (a node, a template); empty (not known) when the analysis has errors or
   * declares no cluster, when emitting the declaration refuses, and, for the cluster itself, whose
   * objects a whole compile makes, when compiling refuses. {@code symbol} names the declaration (by
   * its name, or by the {@code use} of a standard-library component). Declarations are emitted one
   * at a time, each on its first call (milliseconds, where a whole compile of a large cluster takes
   * a second), and no chart is rendered (no network): a component of a cluster without
   * {@code gitops} lists none of its chart's objects, and a clash between units, which only a
   * whole compile finds, is not looked for.
   */
  public Optional<List<ObjectRef>> objects(Symbol symbol) {
    Optional<DeclarationObjects> compiled;
    synchronized (this) {
      if (objects == null) {
        objects = DeclarationObjects.of(program);
      }
      compiled = objects;
    }
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    return FactsBuilder.declaration(program, symbol).map(compiled.get()::of).orElse(Optional.of(List.of()));
  }

  /**
   * {@code fix} laid out as {@code fmt} would leave each file it touches ({@link Documents#laidOut}),
   * checking whether a document is formatted once per analysis however many fixes an editor shows.
   */
  public Fix laidOut(Fix fix) {
    return Documents.laidOut(fix, file -> formatted.computeIfAbsent(file, FormattedEdit::isFormatted));
  }
}
