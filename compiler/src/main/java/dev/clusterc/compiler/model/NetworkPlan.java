package dev.clusterc.compiler.model;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.schema.Property;
import dev.clusterc.compiler.schema.Schemas;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Ipv4;
import dev.clusterc.compiler.types.LiteralException;
import java.util.Optional;

/**
 * The cluster's {@code network { nodes; pods; services; router }}, parsed once: the node network
 * the machines share, the pod and service networks (their schema defaults when not written), and
 * the router. A value rejected while binding is absent, so a mistake already reported causes no
 * second diagnostic in the checkers that read the plan.
 *
 * @param site where to report about a default network: the {@code network} entry, or the cluster's name
 * @param stated whether a {@code network} block is written
 * @param nodes {@code network.nodes}, when written and valid
 * @param pods {@code network.pods}, written or by default; empty when written but invalid
 * @param services {@code network.services}, likewise
 * @param router the router's address, or {@code null}
 * @param routerSpan where the router's address is written, or {@code null}
 */
public record NetworkPlan(SourceSpan site, boolean stated, Optional<Network> nodes, Optional<Network> pods,
    Optional<Network> services,
    Ipv4 router, SourceSpan routerSpan) {

  /**
   * One network of the plan.
   *
   * @param name {@code nodes}, {@code pods} or {@code services}
   * @param written false for the schema's default of pods and services; {@code span} is then the plan's site
   */
  public record Network(String name, Cidr cidr, SourceSpan span, boolean written) {
    /** {@code network.pods 10.42.0.0/16}, with "(the default)" when it was not written. */
    public String describe() {
      return "network." + name + " " + (written ? span.text() : cidr + " (the default)");
    }

    /** The network as written, or the schema's default in CIDR notation. */
    public String text() {
      return written ? span.text() : cidr.toString();
    }

    public AddressRange range() {
      return AddressRange.of(cidr);
    }
  }

  static NetworkPlan of(Decl cluster) {
    BoundEntry entry = cluster.body() == null ? null : cluster.body().first("network").orElse(null);
    BoundBlock block = entry == null ? null : entry.block();
    SourceSpan site = entry != null ? entry.entry().key().span() : cluster.site();
    Optional<Network> nodes = block == null ? Optional.empty() : written(block, "nodes");
    Typed.Addr router = block == null ? null : block.typed("router", Typed.Addr.class).orElse(null);
    return new NetworkPlan(site, block != null, nodes, podsOrServices(block, "pods", site),
        podsOrServices(block, "services", site),
        router == null ? null : router.value(), router == null ? null : router.span());
  }

  private static Optional<Network> written(BoundBlock block, String name) {
    return block.typed(name, Typed.Net.class).map(n -> new Network(name, n.value(), n.span(), true));
  }

  private static Optional<Network> podsOrServices(BoundBlock block, String name, SourceSpan site) {
    if (block != null && block.has(name)) {
      return written(block, name);
    }
    Object fallback = Schemas.of(Kind.CLUSTER).property("network").map(Property::block).flatMap(b -> b.property(name))
        .map(Property::defaultValue).orElse(null);
    try {
      return fallback instanceof String text ? Optional.of(new Network(name, Cidr.parse(text), site, false)) : Optional.empty();
    } catch (LiteralException e) {
      throw new IllegalStateException("bad default for network." + name, e);
    }
  }
}
