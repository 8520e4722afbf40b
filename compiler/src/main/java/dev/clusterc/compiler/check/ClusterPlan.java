package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Dns;
import dev.clusterc.compiler.model.Gateway;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.model.Node;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.model.Vip;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the whole-cluster checkers share about the address plan: the lowered cluster, node, vip,
 * gateway and pool records gathered into the uses of addresses and the pools' ranges, and the gate
 * that keeps these checks off a cluster with syntax errors.
 */
final class ClusterPlan {
  /** An address, the declaration it belongs to, and how messages name its owner ("node cp0", "the router"). */
  record Use(Ipv4 address, SourceSpan span, Decl decl, String owner) {
    String text() {
      return span.text();
    }
  }

  /** Whole-cluster checks run only on a cluster without syntax errors, so a half-read file raises no false alarms. */
  static Optional<ClusterPlan> of(Program program) {
    boolean syntaxErrors = program.units().stream()
        .anyMatch(u -> u.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX));
    if (syntaxErrors || program.cluster().isEmpty() || program.cluster().get().body() == null) {
      return Optional.empty();
    }
    return Optional.of(new ClusterPlan(program, Cluster.of(program.model(), program.cluster().get())));
  }

  private final Program program;
  private final Cluster cluster;

  private ClusterPlan(Program program, Cluster cluster) {
    this.program = program;
    this.cluster = cluster;
  }

  Program program() {
    return program;
  }

  Decl cluster() {
    return cluster.decl();
  }

  NetworkPlan network() {
    return cluster.network();
  }

  /** The router's address, when written and valid. */
  Optional<Use> router() {
    NetworkPlan network = cluster.network();
    return network.router() == null ? Optional.empty()
        : Optional.of(new Use(network.router(), network.routerSpan(), cluster.decl(), "the router"));
  }

  /** The written addresses of the nodes, VIPs, gateways or DNS servers, in source order. */
  List<Use> addresses(Kind kind) {
    ClusterModel model = program.model();
    List<Use> uses = new ArrayList<>();
    for (Decl decl : program.decls(kind)) {
      switch (kind) {
        case NODE -> {
          Node node = Node.of(model, decl);
          use(uses, decl, node.address(), node.addressSpan());
        }
        case VIP -> {
          Vip vip = Vip.of(model, decl);
          use(uses, decl, vip.address(), vip.addressSpan());
        }
        case GATEWAY -> {
          Gateway gateway = Gateway.of(model, decl);
          use(uses, decl, gateway.address(), gateway.addressSpan());
        }
        case DNS -> {
          Dns dns = Dns.of(model, decl);
          use(uses, decl, dns.address().orElse(null), dns.addressSpan());
        }
        default -> throw new IllegalArgumentException(kind + " has no address");
      }
    }
    return uses;
  }

  private static void use(List<Use> uses, Decl decl, Ipv4 address, SourceSpan span) {
    if (address != null) {
      uses.add(new Use(address, span, decl, decl.label()));
    }
  }

  List<Decl> nodesWithRole(String role) {
    return Node.withRole(program.model(), role).stream().map(Node::decl).toList();
  }

  /** Workers; the control-plane nodes when the cluster has no worker. */
  List<Decl> eligibleNodes() {
    List<Decl> workers = nodesWithRole(Node.WORKER);
    return workers.isEmpty() ? nodesWithRole(Node.CONTROL_PLANE) : workers;
  }

  /** Every valid range of every pool, in source order. */
  List<Pool.Range> poolRanges() {
    return Pool.all(program.model()).stream().flatMap(pool -> pool.ranges().stream()).toList();
  }

  /** Whether the pool of a range announces it on the node network. */
  boolean l2(Pool.Range range) {
    return Pool.of(program.model(), range.pool()).l2();
  }

  /** Whether some pool's range was written but rejected: then "in no pool" could be a consequence. */
  boolean hasRejectedPoolRange() {
    return Pool.all(program.model()).stream().anyMatch(Pool::rejectedRange);
  }

  /** Source order: file, then offset. */
  static final Comparator<SourceSpan> SOURCE_ORDER =
      Comparator.<SourceSpan, String>comparing(s -> s.file().path()).thenComparingInt(SourceSpan::start);

  /** {@code 10.0.0.5} or {@code 10.0.0.5..10.0.0.9}: the addresses two ranges share. */
  static String intersection(AddressRange a, AddressRange b) {
    Ipv4 first = a.first().compareTo(b.first()) >= 0 ? a.first() : b.first();
    Ipv4 last = a.last().compareTo(b.last()) <= 0 ? a.last() : b.last();
    return first.equals(last) ? first.toString() : first + ".." + last;
  }

  /** "no failure", "1 failure", "2 failures". */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
