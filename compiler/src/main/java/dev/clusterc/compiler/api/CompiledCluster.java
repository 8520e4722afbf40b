package dev.clusterc.compiler.api;

import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.core.FileNames;
import dev.clusterc.compiler.emit.core.HealthGates;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.layout.FlatLayout;
import dev.clusterc.compiler.layout.GitOpsLayout;
import dev.clusterc.compiler.layout.OutputDirectory;
import dev.clusterc.compiler.layout.OutputRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled cluster: its units in apply order (the cluster-wide unit first), the Flux objects that
 * deploy them, the Talos patches that live outside the Kubernetes tree, and what a user still does
 * by hand. It writes itself as a GitOps tree or as one YAML stream. Immutable: every list is a
 * copy, every object a fresh tree.
 */
public final class CompiledCluster {
  private final Compilation compilation;
  private final Delivery delivery;
  private final String gitops;
  /** Made on first use: a command that only writes output never converts an object. */
  private List<CompiledUnit> units;

  CompiledCluster(Compilation compilation, Delivery delivery, String gitops) {
    this.compilation = compilation;
    this.delivery = delivery;
    this.gitops = gitops;
  }

  /** How this compile delivers the units: as {@code gitops} says, or directly. */
  public Delivery delivery() {
    return delivery;
  }

  /**
   * The engine the cluster's {@code gitops} block names, {@code flux} or {@code argocd}, whatever
   * this compile delivered; empty when the cluster has none.
   */
  public Optional<String> gitops() {
    return Optional.ofNullable(gitops);
  }

  public String name() {
    return compilation.name();
  }

  /**
   * The tree's directory inside the Git repository: the {@code gitops flux} {@code path}, or
   * {@code clusters/NAME}. The Kustomizations' paths start with it, so the tree must land there.
   */
  public String gitopsPath() {
    return compilation.path();
  }

  /** Why {@link #gitopsPath()} cannot be a directory inside the repository (it escapes, or is reserved); empty when it can. */
  public Optional<String> gitopsPathProblem() {
    return Optional.ofNullable(FileNames.problem(compilation.path()));
  }

  /** Talos machine-config patches, file name → text, written under {@code PATH/talos/}. */
  public Map<String, String> talosPatches() {
    return Map.copyOf(compilation.outside());
  }

  /** The GitRepository and one Kustomization per unit; empty without {@code gitops flux}. */
  public List<KubeObject> fluxObjects() {
    return compilation.flux().stream().map(KubeObject::copy).toList();
  }

  /**
   * {@link #fluxObjects()} as plain trees (apiVersion, kind, metadata, spec), for a caller outside the
   * compiler that hands the cluster to a running Flux.
   */
  public List<Map<String, Object>> fluxManifests() {
    return compilation.flux().stream().map(o -> o.copy().tree()).toList();
  }

  /** How many units there are, without converting their objects. */
  public int unitCount() {
    return compilation.units().size();
  }

  /** The units in apply order. */
  public synchronized List<CompiledUnit> units() {
    if (units == null) {
      units = compilation.units().stream().map(CompiledCluster::unit).toList();
    }
    return units;
  }

  /**
   * The steps by hand, in order, for a tree that lives at {@code treeHome}: installing Flux is
   * left out once {@code flux bootstrap} has written its manifests there.
   */
  public List<NextStep> nextSteps(Path treeHome) {
    return compilation.nextSteps(GitOpsLayout.bootstrapped(treeHome)).stream()
        .map(step -> new NextStep(step.what(), step.commands())).toList();
  }

  /** The whole cluster as one YAML stream in apply order, for {@code kubectl apply -f -} (Flux objects left out). */
  public String stream() {
    return FlatLayout.write(compilation);
  }

  /** Writes the stream to {@code out}, object by object (never the whole stream in memory), and flushes it. */
  public void writeStream(Writer out) throws IOException {
    FlatLayout.write(compilation, out);
    out.flush();
  }

  /** The same, to a byte stream as UTF-8. */
  public void writeStream(OutputStream out) throws IOException {
    writeStream(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /**
   * Writes the GitOps tree into {@code treeDir} (empty or absent), which is also where it stays.
   *
   * @throws RefusedOutputException when two files of the tree would be one, or a path escapes it
   */
  public void writeTree(Path treeDir) throws IOException {
    try {
      GitOpsLayout.write(compilation, treeDir);
    } catch (OutputRefusedException e) {
      throw RefusedOutputException.of(e);
    }
  }

  /**
   * Writes the GitOps tree into a staging directory beside {@code target}, to replace the files
   * compile wrote there before once {@link StagedTree#install()} is called; nothing outside the
   * staging directory changes until then.
   *
   * @throws RefusedOutputException when {@code target} holds files compile did not write
   */
  public StagedTree stageTree(Path target) throws IOException {
    try {
      return new StagedTree(OutputDirectory.prepare(target, dir -> GitOpsLayout.write(compilation, dir, target)));
    } catch (OutputRefusedException e) {
      throw RefusedOutputException.of(e);
    }
  }

  private static CompiledUnit unit(Unit unit) {
    List<KubeObject> objects = ObjectOrder.applyOrder(unit.objects()).stream().map(KubeObject::copy).toList();
    List<KubeObject> gates = HealthGates.of(objects);
    CompiledUnit.Declaration declaration = unit.decl() == null ? null
        : new CompiledUnit.Declaration(unit.decl().kind().keyword(), unit.decl().name(), unit.decl().site());
    return new CompiledUnit(unit.name(), unit.layer(), declaration, objects,
        unit.dependsOn().stream().map(Unit::name).toList(), gates.stream().map(ObjectRef::of).toList(), unit.includes(),
        IncludedSecrets.sealedObjects(unit));
  }
}
