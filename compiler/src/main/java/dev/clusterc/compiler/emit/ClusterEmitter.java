package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
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
    }
    for (String namespace : namespaces.stream().sorted().toList()) {
      unit.add(context.object(cluster, "v1", "Namespace", namespace, null));
    }
    unit.add(context.object(cluster, "v1", "ConfigMap", "cluster-settings", settingsNamespace(program))
        .put("data", settings(cluster)));
    return unit;
  }

  static String settingsNamespace(Program program) {
    return program.cluster().map(Decl::body).filter(b -> b.has("gitops")).isPresent() ? "flux-system" : "kube-system";
  }

  private static Map<String, String> settings(Decl cluster) {
    BoundBlock body = cluster.body();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("CLUSTER_NAME", cluster.name());
    body.str("domain").ifPresent(d -> data.put("CLUSTER_DOMAIN", d));
    BoundBlock network = body.first("network").map(e -> e.block()).orElse(null);
    if (network != null) {
      network.value("nodes").ifPresent(n -> data.put("NODE_NETWORK", text(n)));
      network.value("router").ifPresent(r -> data.put("ROUTER", text(r)));
      data.put("POD_NETWORK", network.value("pods").map(ClusterEmitter::text).orElse((String) network.defaultOf("pods")));
      data.put("SERVICE_NETWORK", network.value("services").map(ClusterEmitter::text).orElse((String) network.defaultOf("services")));
    }
    body.str("timezone").ifPresent(t -> data.put("TIMEZONE", t));
    return data;
  }

  private static String text(Typed value) {
    return String.valueOf(value.plain());
  }
}
