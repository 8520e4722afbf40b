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
 */
public record CompiledUnit(String name, String layer, Declaration declaration, List<KubeObject> objects,
    List<String> dependencies, List<ObjectRef> healthGates, Map<String, Path> includedFiles) {

  /** The source declaration of a unit, by what a user sees of it. */
  public record Declaration(String kind, String name, SourceSpan span) {}

  public CompiledUnit {
    objects = objects.stream().map(KubeObject::copy).toList();
    dependencies = List.copyOf(dependencies);
    healthGates = List.copyOf(healthGates);
    includedFiles = Collections.unmodifiableMap(new TreeMap<>(includedFiles));
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
