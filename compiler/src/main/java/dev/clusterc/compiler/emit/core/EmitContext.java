package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.DatabaseReaders;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What every emitter shares: the checked program, the metadata every object carries, where each
 * kind's objects live, and the unit of any declaration.
 *
 * <p>Namespaces are {@link Namespaces}'s rules.
 */
public final class EmitContext {
  public static final String SOURCE_ANNOTATION = "clusterc.dev/source";

  private final Program program;
  private final Path sourceBase;
  private final Map<Decl, Unit> units = new IdentityHashMap<>();
  private final Map<String, String> relativePaths = new HashMap<>();
  private final Namespaces namespaces;
  private final ChartRenderer charts;
  private final Deployer deployer;
  private final List<Diagnostic> refusals = new ArrayList<>();
  private Map<Decl, SortedMap<String, Decl>> databaseReaders;

  /** A context whose emitters render no chart ({@link ChartRenderer#OFFLINE}). */
  public EmitContext(Program program) {
    this(program, ChartRenderer.OFFLINE);
  }

  /** A context for the deployer the cluster's {@code gitops} names. */
  public EmitContext(Program program, ChartRenderer charts) {
    this(program, charts, Deployer.declared(program));
  }

  /** A context whose emitters write for {@code deployer}, whatever the cluster's {@code gitops} says. */
  public EmitContext(Program program, ChartRenderer charts, Deployer deployer) {
    this.program = program;
    this.charts = charts;
    this.deployer = deployer;
    this.sourceBase = commonDirectory(program);
    this.namespaces = new Namespaces(program.model());
  }

  /** The directory that holds all of the cluster's files: source annotations are relative to it. */
  private static Path commonDirectory(Program program) {
    Path common = null;
    for (var unit : program.units()) {
      Path dir = Path.of(unit.file().path()).toAbsolutePath().normalize().getParent();
      while (common != null && !dir.startsWith(common)) {
        common = common.getParent();
      }
      common = common == null ? dir : common;
    }
    return common;
  }

  /** {@code FILE:LINE}, with FILE relative to the cluster's directory: the same wherever clusterc runs. */
  public String source(SourceSpan span) {
    return relativePaths.computeIfAbsent(span.file().path(), this::relative) + ":" + span.begin().line();
  }

  /** A file's path as {@link #source} prints it (worked out once per file: every object asks). */
  private String relative(String path) {
    if (sourceBase == null || path.startsWith("std/")) {
      return path;
    }
    return sourceBase.relativize(Path.of(path).toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  public Program program() {
    return program;
  }

  public String clusterName() {
    return program.cluster().map(Decl::name).orElse("cluster");
  }

  /**
   * Who deploys the units this compile writes: the cluster's {@code gitops} engine, or
   * {@link Deployer#DIRECT} without one or when the caller asked for direct delivery.
   */
  public Deployer deployer() {
    return deployer;
  }

  /** What renders the charts of a cluster without GitOps into plain manifests. */
  public ChartRenderer charts() {
    return charts;
  }

  /**
   * Records why the compile cannot finish (a chart that cannot be fetched): emitting goes on, so
   * that every such problem is reported at once, and the compiler then refuses to write anything.
   */
  public void refuse(Diagnostic diagnostic) {
    refusals.add(diagnostic);
  }

  /** The refusals recorded so far, in the order the emitters met them. */
  public List<Diagnostic> refusals() {
    return List.copyOf(refusals);
  }

  /** The unit of a declaration, once the compiler has made it. */
  public Optional<Unit> unit(Decl decl) {
    return Optional.ofNullable(units.get(decl));
  }

  public void register(Decl decl, Unit unit) {
    units.put(decl, unit);
  }

  /**
   * A new object made for {@code source}, carrying the standard labels and the source annotation
   * of the declaration's name ({@link #object(Decl, SourceSpan, String, String, String, String)}).
   */
  public KubeObject object(Decl source, String apiVersion, String kind, String name, String namespace) {
    return object(source, source.site(), apiVersion, kind, name, namespace);
  }

  /**
   * A new object with the standard labels ({@code app.kubernetes.io/name}, {@code part-of},
   * {@code managed-by}) and {@code clusterc.dev/source: FILE:LINE} of {@code span}; {@code namespace}
   * is {@code null} for a cluster-scoped object. Fill it with {@link KubeObject#put} or {@link KubeObject#map}.
   */
  public KubeObject object(Decl source, SourceSpan span, String apiVersion, String kind, String name, String namespace) {
    KubeObject object = KubeObject.of(apiVersion, kind, name, namespace);
    Map<String, String> labels = object.labels();
    labels.put("app.kubernetes.io/managed-by", "clusterc");
    labels.put("app.kubernetes.io/name", source.name());
    labels.put("app.kubernetes.io/part-of", clusterName());
    object.annotations().put(SOURCE_ANNOTATION, source(span));
    return object;
  }

  /** The namespace a declaration's objects live in, or {@code null} for cluster-scoped ones ({@link Namespaces}). */
  public String namespaceOf(Decl decl) {
    return namespaces.of(decl);
  }

  /**
   * The namespaces, sorted, whose apps read {@code database} from outside its own, each with the
   * first app reading it there (its unit carries the copy of the credentials); the index is built once.
   */
  public SortedMap<String, Decl> databaseReaders(Decl database) {
    if (databaseReaders == null) {
      databaseReaders = DatabaseReaders.firstReaders(program.model());
    }
    return databaseReaders.getOrDefault(database, Collections.emptySortedMap());
  }
}
