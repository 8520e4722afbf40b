package dev.clusterc.compiler.emit.component;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.Component;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.CiliumApiServer;
import java.util.List;
import java.util.Map;

/**
 * The values of the Cilium chart that the rest of the cluster fixes, so that Cilium does not fall
 * back to defaults that contradict the description:
 * <ul>
 *   <li>IPAM: {@code ipam.mode: cluster-pool} with {@code ipam.operator.clusterPoolIPv4PodCIDRList:
 *   [network.pods]}; without it Cilium hands out pod addresses from its default pool 10.0.0.0/8,
 *   which overlaps most home networks;</li>
 *   <li>with {@code kubeProxyReplacement} on, the API server address Cilium must reach before any
 *   Service works ({@link CiliumApiServer});</li>
 *   <li>Hubble's TLS certificates made by a Job in the cluster ({@code hubble.tls.auto.method:
 *   cronJob}) instead of the chart's default, {@code helm}, which generates a CA and keys each time
 *   the chart is rendered: a rendered tree would hold private keys and change on every compile, and
 *   an Argo CD Application of the chart would never be in sync.</li>
 * </ul>
 * The component's own values (and its {@code use}'s) are laid over these, so a user who sets
 * {@code ipam.mode: kubernetes} (pod networks allocated by the controller manager) keeps it.
 */
final class CiliumValues {
  private CiliumValues() {}

  static boolean isCilium(Component component) {
    return CiliumApiServer.isCilium(component);
  }

  /** The derived values for a Cilium component; parts the cluster does not fix are left out. */
  static Map<String, Object> of(Component component, Program program) {
    Map<String, Object> values = map("hubble", map("tls", map("auto", map("method", "cronJob"))));
    Cluster.of(program.model()).map(Cluster::network).flatMap(NetworkPlan::pods).ifPresent(pods ->
        values.put("ipam", map("mode", "cluster-pool", "operator", map("clusterPoolIPv4PodCIDRList", List.of(pods.text())))));
    if (CiliumApiServer.replacesKubeProxy(component)) {
      CiliumApiServer.of(program.model()).ifPresent(endpoint -> {
        values.put("k8sServiceHost", endpoint.host());
        values.put("k8sServicePort", endpoint.port());
      });
    }
    return values;
  }
}
