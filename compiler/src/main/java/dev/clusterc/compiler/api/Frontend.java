package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Binder;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Interpolation;
import dev.clusterc.compiler.bind.References;
import dev.clusterc.compiler.bind.SourcedEntry;
import dev.clusterc.compiler.check.Acceptances;
import dev.clusterc.compiler.check.Checker;
import dev.clusterc.compiler.check.Checkers;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.diag.Fix;
import dev.clusterc.compiler.files.ReferencedFiles;
import dev.clusterc.compiler.files.ReferencedFilesReader;
import dev.clusterc.compiler.graph.DependencyGraph;
import dev.clusterc.compiler.load.Collector;
import dev.clusterc.compiler.load.Loader;
import dev.clusterc.compiler.load.Scope;
import dev.clusterc.compiler.load.SyntaxErrors;
import dev.clusterc.compiler.load.TemplateExpander;
import dev.clusterc.compiler.load.Workspace;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.UseInsertion;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Layers;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceFile;
import dev.clusterc.compiler.syntax.Item;
import dev.clusterc.compiler.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The front end: load → parse → collect → expand templates → bind → layer → graph → read the
 * files declarations name → check. Every pass appends to one list of diagnostics; nothing throws
 * on bad input. Reading the secret and {@code manifests} files here, not when emitting, is what
 * makes {@code check} report every problem {@code compile} would.
 *
 * <p>This is the pass driver behind {@link ClusterCompiler}, not part of the door: it hands out the
 * internal {@link Program}. It is public for the compiler's own tests, which check and emit
 * programs directly; callers outside the compiler use {@link ClusterCompiler}.
 */
public final class Frontend {
  private Frontend() {}

  /** Checks the cluster at {@code root}, a directory of {@code .cluster} files or one file. */
  public static Program check(Path root, Workspace workspace) throws IOException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Consumer<Diagnostic> report = diagnostics::add;
    List<SourceUnit> units = new Loader(workspace, report).load(root);
    units.forEach(u -> diagnostics.addAll(u.diagnostics()));
    return analyze(units, diagnostics, workspace.workingDirectory());
  }

  /**
   * Checks already-parsed units as one cluster, their paths relative to the process's working
   * directory (as the command line reads them).
   */
  public static Program analyze(List<SourceUnit> units, List<Diagnostic> diagnostics) {
    return analyze(units, diagnostics, Path.of(""));
  }

  /**
   * Checks already-parsed units as one cluster (the language server and tests start here).
   *
   * @param workingDirectory the directory the units' paths are relative to: files that
   *     declarations name ({@code sops}, {@code sealed}, {@code manifests}) are found through it
   */
  public static Program analyze(List<SourceUnit> units, List<Diagnostic> diagnostics, Path workingDirectory) {
    Consumer<Diagnostic> report = diagnostics::add;
    Collector collector = new Collector(report);
    collector.collect(units);
    References references = references(collector, units);

    TemplateExpander expander = new TemplateExpander(collector.templates, references, report);
    for (SourceUnit unit : units) {
      unit.items().stream().filter(Item.Template.class::isInstance).map(Item.Template.class::cast)
          .forEach(expander::checkDefinition);
    }
    List<Decl> decls = new ArrayList<>(collector.decls);
    decls.sort(Comparator.comparing((Decl d) -> d.isStd() ? 1 : 0)
        .thenComparing(d -> d.site().file().path())
        .thenComparingInt(d -> d.site().start()));
    for (Decl decl : decls) {
      decl.entries(expander.expand(decl));
    }

    Binder binder = new Binder(references, report);
    SyntaxErrors syntaxErrors = new SyntaxErrors(diagnostics);
    Optional<Decl> cluster = decls.stream().filter(d -> d.kind() == Kind.CLUSTER).findFirst();
    cluster.ifPresent(c -> bind(binder, c, path -> null, syntaxErrors));
    Interpolation clusterFields = clusterFields(cluster);
    for (Decl decl : decls) {
      if (decl.kind() != Kind.CLUSTER) {
        bind(binder, decl, clusterFields, syntaxErrors);
      }
    }

    List<String> ladder = Layers.ladder(cluster, report);
    Layers.assign(decls, ladder, report);
    ClusterModel model = new ClusterModel(units, collector.scope, decls, collector.templates, ladder);
    DependencyGraph graph = DependencyGraph.of(model);
    ReferencedFiles files = ReferencedFilesReader.read(model, workingDirectory.toAbsolutePath().normalize(),
        decl -> syntaxErrors.within(decl.source().span()), report);
    Program program = new Program(model, graph, files);
    for (Checker checker : Checkers.all()) {
      checker.check(program, report);
    }
    return program.withDiagnostics(sorted(Acceptances.apply(program, diagnostics)));
  }

  private static void bind(Binder binder, Decl decl, Interpolation fields, SyntaxErrors syntaxErrors) {
    Interpolation base = path -> path.equals("name") ? decl.name() : fields.resolve(path);
    boolean broken = syntaxErrors.within(decl.source().span());
    decl.body(binder.bind(Schemas.of(decl.kind()), decl.entries(), decl.label(), decl.site(), base, !broken));
    Item.Use use = decl.use();
    if (use != null && use.body() != null) {
      List<SourcedEntry> entries = use.body().entries().stream().map(e -> new SourcedEntry(e, Map.of())).toList();
      decl.useBody(binder.bind(Schemas.USE, entries, "`use " + decl.name() + "`", use.name().span(), base));
    }
  }

  private static Interpolation clusterFields(Optional<Decl> cluster) {
    return path -> {
      if (cluster.isEmpty() || !path.startsWith("cluster.")) {
        return null;
      }
      String field = path.substring("cluster.".length());
      if (field.equals("name")) {
        return cluster.get().name();
      }
      return cluster.get().body() == null ? null : cluster.get().body().str(field).orElse(null);
    };
  }

  private static References references(Collector collector, List<SourceUnit> units) {
    Scope scope = collector.scope;
    return new References() {
      @Override
      public Optional<Decl> lookup(Kind kind, String name) {
        return scope.lookup(kind, name);
      }

      @Override
      public List<Decl> lookupAnyKind(String name) {
        return scope.lookupAnyKind(name);
      }

      @Override
      public List<String> names(Kind kind) {
        return scope.names(kind);
      }

      @Override
      public List<String> allNames() {
        return scope.allNames();
      }

      @Override
      public String notInUseHint(Kind kind, String name) {
        boolean std = (kind == null || kind == Kind.COMPONENT) && collector.isStdComponent(name);
        return std ? "`" + name + "` is a standard-library component that is not in use: add `use " + name + "`" : null;
      }

      @Override
      public Optional<Fix> notInUseFix(Kind kind, String name, SourceFile file) {
        return notInUseHint(kind, name) == null ? Optional.empty() : UseInsertion.fix(units, file, name);
      }
    };
  }

  /** Sorted by file and position, without exact duplicates. */
  static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    List<Diagnostic> copy = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    copy.sort(Diagnostic.ORDER);
    return copy;
  }
}
