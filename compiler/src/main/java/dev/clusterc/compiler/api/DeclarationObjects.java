package dev.clusterc.compiler.api;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.Compilation;
import dev.clusterc.compiler.emit.CompileRefusedException;
import dev.clusterc.compiler.emit.Emission;
import dev.clusterc.compiler.emit.ManifestCompiler;
import dev.clusterc.compiler.emit.argocd.ApplicationEmitter;
import dev.clusterc.compiler.emit.argocd.ArgoCdSettings;
import dev.clusterc.compiler.emit.core.ChartRenderer;
import dev.clusterc.compiler.emit.core.ObjectOrder;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.flux.FluxEmitter;
import dev.clusterc.compiler.emit.flux.FluxSettings;
import dev.clusterc.compiler.files.SecretFile;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes objects each declaration compiles to, emitted one declaration at a time, when
 * asked: an editor hovers one name, and emitting a whole cluster of a thousand apps takes a second
 * where one declaration takes milliseconds. A declaration's objects are
 * <ul>
 *   <li>the Flux Kustomization (or Argo CD Application) that applies its unit, when the unit holds
 *   anything — a unit may hold only files other declarations put there, so every secret is emitted
 *   first (only a secret's emitter writes into another unit: its file goes where it is read);</li>
 *   <li>the files its emitter includes as they are, each an object: a SOPS-encrypted Secret or a
 *   SealedSecret, named after the secret, in the namespace its directory or the file gives;</li>
 *   <li>the objects its kind's emitter adds, to its own unit or to another (a secret's
 *   ExternalSecret lands in the unit of the app that reads it), in apply order.</li>
 * </ul>
 * The cluster's own objects (its Namespaces, {@code cluster-settings}) depend on every other unit,
 * so they come from a whole compile, made only when the cluster's name is asked about, under a lock
 * of its own so that other declarations' answers do not wait for it.
 *
 * <p>Charts are not rendered ({@link ChartRenderer#OFFLINE}, as {@code check} emits): an editor must
 * not wait for the network, so a component of a cluster without {@code gitops} lists none of its
 * chart's objects. Clashes between units, which only a whole compile sees, are not looked for.
 */
final class DeclarationObjects {
  private static final String SOPS_SUFFIX = ".sops.yaml";
  private static final String SEALED_SUFFIX = ".sealed.yaml";

  private final Program program;
  private final Emission emission;
  /** What each emitted declaration's emitter wrote (objects and included files); guarded by {@code this}. */
  private final Map<Decl, Optional<List<ObjectRef>>> emitted = new IdentityHashMap<>();
  private boolean secretsPlaced;
  private final Object clusterLock = new Object();
  /** The cluster's own objects once compiled; guarded by {@link #clusterLock}. */
  private Optional<List<ObjectRef>> clusterObjects;

  private DeclarationObjects(Program program) {
    this.program = program;
    this.emission = Emission.of(program, ChartRenderer.OFFLINE);
  }

  /** Ready to emit {@code program}'s declarations; empty when it has errors or declares no cluster. */
  static Optional<DeclarationObjects> of(Program program) {
    if (program.hasErrors() || program.cluster().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DeclarationObjects(program));
  }

  /**
   * The objects of a declaration; an empty list for one that compiles to none (a node, a template);
   * empty (not known) when emitting it, or compiling the cluster for the cluster's own, refuses.
   */
  Optional<List<ObjectRef>> of(Decl decl) {
    if (decl.kind() == Kind.CLUSTER) {
      return clusterWide(decl);
    }
    synchronized (this) {
      Map<Decl, Unit> units = emission.units();
      if (!units.containsKey(decl)) {
        return Optional.of(List.of());
      }
      if (!secretsPlaced) {
        units.keySet().stream().filter(d -> d.kind() == Kind.SECRET).forEach(d -> emitted.put(d, emit(d)));
        secretsPlaced = true;
      }
      Optional<List<ObjectRef>> own = emitted.computeIfAbsent(decl, this::emit);
      if (own.isEmpty()) {
        return own;
      }
      List<ObjectRef> all = new ArrayList<>();
      deployer(units.get(decl)).ifPresent(all::add);
      all.addAll(own.get());
      return Optional.of(List.copyOf(all));
    }
  }

  /** Emits one declaration into the shared units and takes what its emitter added anywhere; empty when it refuses. */
  private Optional<List<ObjectRef>> emit(Decl decl) {
    Map<Decl, Unit> units = emission.units();
    Map<Unit, Integer> before = new IdentityHashMap<>();
    Map<Unit, Set<String>> includedBefore = new IdentityHashMap<>();
    units.values().forEach(u -> {
      before.put(u, u.objects().size());
      includedBefore.put(u, new HashSet<>(u.includes().keySet()));
    });
    int refusals = emission.context().refusals().size();
    emission.emit(decl);
    if (emission.context().refusals().size() > refusals) {
      return Optional.empty();
    }
    List<ObjectRef> included = new ArrayList<>();
    List<KubeObject> added = new ArrayList<>();
    for (Unit unit : units.values()) {
      List<KubeObject> objects = unit.objects();
      added.addAll(objects.subList(before.get(unit), objects.size()));
      for (String include : unit.includes().keySet()) {
        if (!includedBefore.get(unit).contains(include)) {
          included(decl, include).ifPresent(included::add);
        }
      }
    }
    List<ObjectRef> refs = new ArrayList<>(included);
    ObjectOrder.applyOrder(added).stream().map(ObjectRef::of).forEach(refs::add);
    return Optional.of(List.copyOf(refs));
  }

  /**
   * The object a file included as it is holds ({@code NAMESPACE/NAME.sops.yaml} or
   * {@code NAME.sealed.yaml}): the secret's file, whose name the analysis checked is the secret's.
   */
  private Optional<ObjectRef> included(Decl decl, String include) {
    int slash = include.indexOf('/');
    String fileName = include.substring(slash + 1);
    String namespace = slash >= 0 ? include.substring(0, slash)
        : program.files().secret(decl).map(SecretFile::namespace).orElse(null);
    if (fileName.endsWith(SOPS_SUFFIX)) {
      return Optional.of(new ObjectRef("v1", "Secret", fileName.substring(0, fileName.length() - SOPS_SUFFIX.length()), namespace));
    }
    if (fileName.endsWith(SEALED_SUFFIX)) {
      return Optional.of(new ObjectRef("bitnami.com/v1alpha1", "SealedSecret",
          fileName.substring(0, fileName.length() - SEALED_SUFFIX.length()), namespace));
    }
    return Optional.empty();
  }

  /** The Flux Kustomization or Argo CD Application that applies {@code unit}, when it holds anything to apply. */
  private Optional<ObjectRef> deployer(Unit unit) {
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    Optional<FluxSettings> flux = FluxSettings.of(emission.context());
    if (flux.isPresent()) {
      return Optional.of(new ObjectRef("kustomize.toolkit.fluxcd.io/v1", "Kustomization", unit.name(), FluxEmitter.NAMESPACE));
    }
    return ArgoCdSettings.of(emission.context()).map(argo -> new ObjectRef(ApplicationEmitter.API_VERSION,
        ApplicationEmitter.KIND, unit.name(), argo.namespace()));
  }

  private Optional<List<ObjectRef>> clusterWide(Decl cluster) {
    synchronized (clusterLock) {
      if (clusterObjects == null) {
        try {
          clusterObjects = Optional.of(clusterWide(ManifestCompiler.compile(program, ChartRenderer.OFFLINE), cluster));
        } catch (CompileRefusedException e) {
          clusterObjects = Optional.empty();
        }
      }
      return clusterObjects;
    }
  }

  /** The cluster's GitRepository (or root Application), the Kustomization (or Application) of its unit, and its unit's objects. */
  private static List<ObjectRef> clusterWide(Compilation compilation, Decl cluster) {
    Unit unit = compilation.units().stream().filter(u -> u.decl() == cluster).findFirst().orElse(null);
    if (unit == null) {
      return List.of();
    }
    List<ObjectRef> refs = new ArrayList<>();
    compilation.flux().stream().filter(o -> !o.kind().equals("Kustomization") || o.name().equals(unit.name()))
        .map(ObjectRef::of).forEach(refs::add);
    if (compilation.argocd() != null) {
      refs.add(ObjectRef.of(compilation.argocd().root()));
      compilation.argocd().apps().stream().filter(o -> o.kind().equals(ApplicationEmitter.KIND) && o.name().equals(unit.name()))
          .map(ObjectRef::of).forEach(refs::add);
    }
    ObjectOrder.applyOrder(unit.objects()).stream().map(ObjectRef::of).forEach(refs::add);
    return List.copyOf(refs);
  }
}
