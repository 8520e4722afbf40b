package dev.clusterc.cli.run;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.CompiledUnit;
import dev.clusterc.compiler.api.ObjectRef;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * The compiler's units as the runtime's unit graph: the same names, layers, dependencies and order;
 * each object a fabric8 {@link GenericKubernetesResource} made from the unit's plain trees
 * ({@link CompiledUnit#manifests()}: its SealedSecrets, then its objects); each health gate an
 * {@link ObjectId}; the declaration as a person calls it ({@code app jellyfin}). The runtime never
 * sees the language, only this.
 */
public final class UnitGraphs {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private UnitGraphs() {}

  /** The graph of {@code cluster}, named after the cluster (the name of its inventory). */
  public static UnitGraph of(CompiledCluster cluster) {
    return new UnitGraph(cluster.name(), cluster.units().stream().map(UnitGraphs::unit).toList());
  }

  /**
   * The graph that hands {@code declared} (compiled for its {@code gitops flux}) to a running Flux: one
   * unit of Flux's objects (the GitRepository and the Kustomizations), gated on all of them, so the
   * apply waits until Flux has fetched the tree and reconciled every unit. Its inventory is
   * {@code flux.CLUSTER}, apart from a direct apply's (a cluster's name has no dot, so no cluster's
   * own inventory can be this one), so neither prunes the other.
   */
  public static UnitGraph fluxHandOver(CompiledCluster declared) {
    List<GenericKubernetesResource> objects = declared.fluxManifests().stream().map(UnitGraphs::resource).toList();
    List<ObjectId> gates = objects.stream().map(ObjectId::of).toList();
    return new UnitGraph("flux." + declared.name(),
        List.of(new Unit("flux", "flux", "gitops flux", objects, List.of(), gates)));
  }

  static Unit unit(CompiledUnit unit) {
    String declaration = unit.source().map(d -> d.kind() + " " + d.name()).orElse(null);
    List<GenericKubernetesResource> objects = unit.manifests().stream().map(UnitGraphs::resource).toList();
    List<ObjectId> gates = unit.healthGates().stream().map(UnitGraphs::id).toList();
    return new Unit(unit.name(), unit.layer(), declaration, objects, unit.dependencies(), gates);
  }

  static GenericKubernetesResource resource(Map<String, Object> tree) {
    return JSON.convertValue(tree, GenericKubernetesResource.class);
  }

  static ObjectId id(ObjectRef ref) {
    return new ObjectId(ObjectId.groupOf(ref.apiVersion()), ref.kind(), ref.namespace(), ref.name());
  }
}
