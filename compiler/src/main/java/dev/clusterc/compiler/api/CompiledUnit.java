package dev.clusterc.compiler.api;

import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.source.SourceSpan;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A compiled GitOps unit: the objects one declaration needs, applied together and waited for
 * together. Immutable: {@link #objects()} hands out copies, so what a caller does to them never
 * reaches the result.
 *
 * @param name unique in the cluster; the unit's directory is {@code LAYER/NAME/}
 * @param layer the layer it is applied in
 * @param declaration the declaration it deploys (the cluster's for the cluster-wide unit), or {@code null}
 * @param dependencies the names of the units it waits for, sorted
 * @param healthGates the objects whose health gates the unit: what Flux (or a runtime) waits for
 *     before applying the units that depend on this one; empty when nothing gates it
 * @param includedFiles files included as they are (SOPS or sealed secrets), by their path in the
 *     unit's directory ({@code FILE} or {@code NAMESPACE/FILE}), each with the file it was read from
 * @param sealedSecrets the included SealedSecrets as objects (in the namespace they are read in):
 *     plain objects a runtime applies with the unit's own
 */
public record CompiledUnit(String name, String layer, Declaration declaration, List<KubeObject> objects,
    List<String> dependencies, List<ObjectRef> healthGates, Map<String, Path> includedFiles,
    List<KubeObject> sealedSecrets) {

  /** The source declaration of a unit, by what a user sees of it. */
  public record Declaration(String kind, String name, SourceSpan span) {}

  public CompiledUnit {
    objects = objects.stream().map(KubeObject::copy).toList();
    dependencies = List.copyOf(dependencies);
    healthGates = List.copyOf(healthGates);
    includedFiles = Collections.unmodifiableMap(new TreeMap<>(includedFiles));
    sealedSecrets = sealedSecrets.stream().map(KubeObject::copy).toList();
  }

  /** The included SealedSecrets, each a fresh copy. */
  @Override
  public List<KubeObject> sealedSecrets() {
    return sealedSecrets.stream().map(KubeObject::copy).toList();
  }

  /**
   * The included files that are SOPS-encrypted, by their path in the unit's directory: Flux decrypts
   * them in the cluster; whoever applies the unit directly must decrypt them first, or cannot.
   */
  public Map<String, Path> sopsFiles() {
    Map<String, Path> sops = new TreeMap<>(includedFiles);
    sops.keySet().removeIf(IncludedSecrets::sealed);
    return Collections.unmodifiableMap(sops);
  }

  /**
   * What a direct apply sends for this unit, as plain trees (maps, lists, strings, numbers,
   * booleans), each a fresh copy: the SealedSecrets, then the objects in apply order. SOPS files are
   * not among them ({@link #sopsFiles()}).
   */
  public List<Map<String, Object>> manifests() {
    List<Map<String, Object>> manifests = new java.util.ArrayList<>();
    sealedSecrets.forEach(o -> manifests.add(o.copy().tree()));
    objects.forEach(o -> manifests.add(o.copy().tree()));
    return Collections.unmodifiableList(manifests);
  }

  /** The objects in apply order (CRDs, Namespaces, cluster-scoped kinds, then the rest), each a fresh copy. */
  @Override
  public List<KubeObject> objects() {
    return objects.stream().map(KubeObject::copy).toList();
  }

  /** The declaration it deploys, the cluster's for the cluster-wide unit; empty when none does. */
  public Optional<Declaration> source() {
    return Optional.ofNullable(declaration);
  }

  /**
   * Whether every object gates the unit (Flux's {@code wait: true}), as in a unit without claims; a
   * unit with no objects (a barrier of the layer ladder) has nothing to gate.
   */
  public boolean gatesEveryObject() {
    return !objects.isEmpty() && healthGates.size() == objects.size();
  }
}
