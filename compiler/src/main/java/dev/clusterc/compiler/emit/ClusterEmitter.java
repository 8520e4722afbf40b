package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.ChartRelease;
import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.program.Program;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cluster-wide unit: a Namespace for every namespace the other units use (Kubernetes' own
 * excepted), and the {@code cluster-settings} ConfigMap that Flux substitutions and people can read.
 */
final class ClusterEmitter {
  /** Namespaces that exist in every cluster (and flux-system, which Flux's bootstrap owns). */
  static final Set<String> BUILT_IN = Set.of("default", "kube-system", "kube-public", "kube-node-lease", "flux-system");

  private ClusterEmitter() {}

  static Unit emit(Program program, EmitContext context, Collection<Unit> units, String layer) {
    Decl cluster = program.cluster().orElseThrow();
    Unit unit = new Unit(UnitNames.CLUSTER_UNIT, layer, cluster);
    Set<String> namespaces = new HashSet<>();
    for (Unit other : units) {
      for (KubeObject object : other.objects()) {
        String namespace = object.namespace();
        if (namespace != null && !BUILT_IN.contains(namespace)) {
          namespaces.add(namespace);
        }
      }
      other.releases().stream().map(ChartRelease::namespace).filter(n -> n != null && !BUILT_IN.contains(n))
          .forEach(namespaces::add);
    }
    for (String namespace : namespaces.stream().sorted().toList()) {
      unit.add(context.object(cluster, "v1", "Namespace", namespace, null));
    }
    unit.add(context.object(cluster, "v1", "ConfigMap", "cluster-settings", settingsNamespace(context))
        .put("data", settings(Cluster.of(program.model(), cluster))));
    return unit;
  }

  /** Flux's namespace when Flux deploys the cluster (its Kustomizations substitute from there), else kube-system. */
  static String settingsNamespace(EmitContext context) {
    return context.deployer() == Deployer.FLUX ? "flux-system" : "kube-system";
  }

  private static Map<String, String> settings(Cluster cluster) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("CLUSTER_NAME", cluster.decl().name());
    if (cluster.domain() != null) {
      data.put("CLUSTER_DOMAIN", cluster.domain());
    }
    NetworkPlan network = cluster.network();
    if (network.stated()) {
      network.nodes().ifPresent(n -> data.put("NODE_NETWORK", n.text()));
      if (network.routerSpan() != null) {
        data.put("ROUTER", network.routerSpan().text());
      }
      network.pods().ifPresent(n -> data.put("POD_NETWORK", n.text()));
      network.services().ifPresent(n -> data.put("SERVICE_NETWORK", n.text()));
    }
    if (cluster.timezone() != null) {
      data.put("TIMEZONE", cluster.timezone());
    }
    return data;
  }
}
