package dev.clusterc.compiler.emit.network;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Emitter;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>This class also knows which pool an address comes from, and how a LoadBalancer Service asks
 * that pool's provider for exactly that address ({@link #pinning}); gateways and DNS use it.
 */
public final class PoolEmitter implements Emitter {
  static final String CILIUM_IPS = "lbipam.cilium.io/ips";
  static final String METALLB_IPS = "metallb.universe.tf/loadBalancerIPs";
  private static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";

  @Override
  public void emit(Decl decl, EmitContext context, Unit unit) {
    String provider = decl.body().sym("via").orElse("cilium");
    boolean l2 = decl.body().sym("announce").orElse("l2").equals("l2");
    boolean workersOnly = hasWorkers(context.program());
    if (provider.equals("metallb")) {
      String namespace = metallbNamespace(context);
      Map<String, Object> pool = new LinkedHashMap<>();
      pool.put("addresses", ranges(decl, true));
      unit.add(context.resource("metallb.io/v1beta1", "IPAddressPool", context.meta(decl, decl.name(), namespace), pool));
      if (l2) {
        Map<String, Object> advertisement = new LinkedHashMap<>();
        advertisement.put("ipAddressPools", List.of(decl.name()));
        if (workersOnly) {
          advertisement.put("nodeSelectors", List.of(notControlPlane()));
        }
        unit.add(context.resource("metallb.io/v1beta1", "L2Advertisement", context.meta(decl, decl.name(), namespace), advertisement));
      }
      return;
    }
    Map<String, Object> pool = new LinkedHashMap<>();
    pool.put("blocks", ranges(decl, false));
    unit.add(context.resource("cilium.io/v2", "CiliumLoadBalancerIPPool", context.meta(decl, decl.name(), null), pool));
    if (l2) {
      Map<String, Object> policy = new LinkedHashMap<>();
      if (workersOnly) {
        policy.put("nodeSelector", notControlPlane());
      }
      policy.put("loadBalancerIPs", true);
      unit.add(context.resource("cilium.io/v2alpha1", "CiliumL2AnnouncementPolicy", context.meta(decl, decl.name(), null), policy));
    }
  }

  /** MetalLB's pools live with MetalLB: the namespace of the component providing {@code pool:metallb}. */
  static String metallbNamespace(EmitContext context) {
    return context.program().providers("pool:metallb").stream().findFirst().map(context::namespaceOf).orElse("metallb-system");
  }

  /** The pool's ranges: MetalLB's {@code a-b} / CIDR strings, or Cilium's {@code start}/{@code stop} / {@code cidr} blocks. */
  private static List<Object> ranges(Decl pool, boolean metallb) {
    List<Object> out = new ArrayList<>();
    for (BoundEntry range : pool.body().all("range")) {
      Typed value = range.value();
      if (value instanceof Typed.Span span) {
        String first = span.value().first().toString();
        String last = span.value().last().toString();
        if (metallb) {
          out.add(first + "-" + last);
        } else {
          Map<String, Object> block = new LinkedHashMap<>();
          block.put("start", first);
          block.put("stop", last);
          out.add(block);
        }
      } else if (value instanceof Typed.Net net) {
        out.add(metallb ? net.value().toString() : Map.of("cidr", net.value().toString()));
      }
    }
    return out;
  }

  private static boolean hasWorkers(Program program) {
    return program.decls(Kind.NODE).stream().anyMatch(n -> n.body().sym("role").orElse("").equals("worker"));
  }

  private static Map<String, Object> notControlPlane() {
    Map<String, Object> expression = new LinkedHashMap<>();
    expression.put("key", CONTROL_PLANE_LABEL);
    expression.put("operator", "DoesNotExist");
    return Map.of("matchExpressions", List.of(expression));
  }

  /** The pool one of whose ranges holds {@code address}, first in source order. */
  public static Optional<Decl> poolOf(Program program, Ipv4 address) {
    for (Decl pool : program.decls(Kind.POOL)) {
      for (BoundEntry range : pool.body().all("range")) {
        Typed value = range.value();
        boolean inside = value instanceof Typed.Span span ? span.value().contains(address)
            : value instanceof Typed.Net net && net.value().contains(address);
        if (inside) {
          return Optional.of(pool);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The Service annotation that makes the provider of {@code address}'s pool hand out exactly that
   * address ({@code lbipam.cilium.io/ips} or {@code metallb.universe.tf/loadBalancerIPs}); empty when
   * no pool holds it.
   */
  public static Map<String, String> pinning(Program program, Ipv4 address) {
    return poolOf(program, address).map(pool -> pool.body().sym("via").orElse("cilium").equals("metallb")
        ? Map.of(METALLB_IPS, address.toString()) : Map.of(CILIUM_IPS, address.toString())).orElse(Map.of());
  }

  /** The provider ({@code cilium}, {@code metallb}) of the pool holding {@code address}, if any. */
  public static Optional<String> providerOf(Program program, Ipv4 address) {
    return poolOf(program, address).map(pool -> pool.body().sym("via").orElse("cilium"));
  }
}
