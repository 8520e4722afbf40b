package dev.clusterc.compiler.emit.network;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.types.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pool}: the load-balancer address pool of its provider, and with {@code announce l2} the
 * object that answers ARP for those addresses.
 *
 * <ul>
 *   <li>{@code via cilium}: a cluster-scoped {@code CiliumLoadBalancerIPPool} (cilium.io/v2; a range
 *   is a {@code start}/{@code stop} block, a CIDR a {@code cidr} block) and a
 *   {@code CiliumL2AnnouncementPolicy} (cilium.io/v2alpha1) announcing load-balancer IPs of every
 *   service;</li>
 *   <li>{@code via metallb}: an {@code IPAddressPool} and an {@code L2Advertisement} naming it
 *   (metallb.io/v1beta1), in the namespace of the component providing {@code pool:metallb}.</li>
 * </ul>
 *
 * <p>Announcements come from worker nodes only (control-plane nodes excluded by their role label)
 * when the cluster has a worker, since workloads run there; from every node otherwise.
 *
 * <p>{@code announce bgp} emits the pool alone: BGP needs peers (Cilium's BGP cluster config,
 * MetalLB's BGPPeer and BGPAdvertisement) that the language does not describe, so they come from
 * the user's own manifests.
 *
 * <p>This class also knows how a LoadBalancer Service asks the provider of the pool holding an
 * address for exactly that address ({@link #pinning}); gateways and DNS use it.
 */
public final class PoolEmitter implements Emitter {
  static final String CILIUM_IPS = "lbipam.cilium.io/ips";
  static final String METALLB_IPS = "metallb.universe.tf/loadBalancerIPs";
  private static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    Pool pool = Pool.of(context.program().model(), decl);
    boolean workersOnly = !Node.withRole(context.program().model(), Node.WORKER).isEmpty();
    if (pool.viaMetallb()) {
      String namespace = metallbNamespace(context);
      KubeObject addresses = context.object(decl, "metallb.io/v1beta1", "IPAddressPool", decl.name(), namespace);
      addresses.put("spec", map("addresses", ranges(pool, true)));
      unit.add(addresses);
      if (pool.l2()) {
        KubeObject advertisement = context.object(decl, "metallb.io/v1beta1", "L2Advertisement", decl.name(), namespace);
        advertisement.put("spec", map(
            "ipAddressPools", list(decl.name()),
            "nodeSelectors", workersOnly ? list(notControlPlane()) : null));
        unit.add(advertisement);
      }
      return;
    }
    KubeObject addresses = context.object(decl, "cilium.io/v2", "CiliumLoadBalancerIPPool", decl.name(), null);
    addresses.put("spec", map("blocks", ranges(pool, false)));
    unit.add(addresses);
    if (pool.l2()) {
      KubeObject policy = context.object(decl, "cilium.io/v2alpha1", "CiliumL2AnnouncementPolicy", decl.name(), null);
      policy.put("spec", map(
          "nodeSelector", workersOnly ? notControlPlane() : null,
          "loadBalancerIPs", true));
      unit.add(policy);
    }
  }

  /** MetalLB's pools live with MetalLB: the namespace of the component providing {@code pool:metallb}. */
  static String metallbNamespace(EmitContext context) {
    return context.program().providers("pool:metallb").stream().findFirst().map(context::namespaceOf).orElse("metallb-system");
  }

  /** The pool's ranges: MetalLB's {@code a-b} / CIDR strings, or Cilium's {@code start}/{@code stop} / {@code cidr} blocks. */
  private static List<Object> ranges(Pool pool, boolean metallb) {
    List<Object> out = new ArrayList<>();
    for (Pool.Range range : pool.ranges()) {
      if (range.cidr() != null) {
        out.add(metallb ? range.cidr().toString() : map("cidr", range.cidr().toString()));
      } else {
        String first = range.addresses().first().toString();
        String last = range.addresses().last().toString();
        out.add(metallb ? first + "-" + last : map("start", first, "stop", last));
      }
    }
    return out;
  }

  private static Map<String, Object> notControlPlane() {
    return map("matchExpressions", list(map("key", CONTROL_PLANE_LABEL, "operator", "DoesNotExist")));
  }

  /**
   * The Service annotation that makes the provider of {@code address}'s pool hand out exactly that
   * address ({@code lbipam.cilium.io/ips} or {@code metallb.universe.tf/loadBalancerIPs}); empty when
   * no pool holds it.
   */
  public static Map<String, String> pinning(Program program, Ipv4 address) {
    return Pool.holding(program.model(), address)
        .map(pool -> Map.of(pool.viaMetallb() ? METALLB_IPS : CILIUM_IPS, address.toString())).orElse(Map.of());
  }

  /** The provider ({@code cilium}, {@code metallb}) of the pool holding {@code address}, if any. */
  public static Optional<String> providerOf(Program program, Ipv4 address) {
    return Pool.holding(program.model(), address).map(Pool::via);
  }
}
