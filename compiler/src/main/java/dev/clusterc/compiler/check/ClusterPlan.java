package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.source.SourceSpan;
import dev.clusterc.compiler.types.AddressRange;
import dev.clusterc.compiler.types.Cidr;
import dev.clusterc.compiler.types.Ipv4;
import dev.clusterc.compiler.types.LiteralException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address plan and the nodes of a cluster, read once from the bound declarations so that the
 * whole-cluster checkers share one reading. Values that were rejected while binding are absent, so a
 * mistake already reported does not cause a second diagnostic here.
 */
final class ClusterPlan {
  /** An address, the declaration it belongs to, and how messages name its owner ("node cp0", "the router"). */
  record Use(Ipv4 address, SourceSpan span, Decl decl, String owner) {
    String text() {
      return span.text();
    }
  }

  /** A network of {@code network { … }}; {@code written} is false for the defaults of pods and services. */
  record Network(String name, Cidr cidr, SourceSpan span, boolean written) {
    /** {@code network.pods 10.42.0.0/16}, with "(the default)" when it was not written. */
    String describe() {
      return "network." + name + " " + (written ? span.text() : cidr + " (the default)");
    }

    AddressRange range() {
      return AddressRange.of(cidr);
    }
  }

  /** One {@code range} of a pool, a cidr counting as its addresses. */
  record PoolRange(Decl pool, AddressRange range, SourceSpan span, boolean l2) {
    String describe() {
      return "range " + span.text() + " of " + pool.label();
    }
  }

  /** Whole-cluster checks run only on a cluster without syntax errors, so a half-read file raises no false alarms. */
  static Optional<ClusterPlan> of(Program program) {
    boolean syntaxErrors = program.units().stream()
        .anyMatch(u -> u.diagnostics().stream().anyMatch(d -> d.code() == Code.SYNTAX));
    if (syntaxErrors || program.cluster().isEmpty() || program.cluster().get().body() == null) {
      return Optional.empty();
    }
    return Optional.of(new ClusterPlan(program, program.cluster().get()));
  }

  private final Program program;
  private final Decl cluster;
  private final BoundEntry network;
  private final BoundBlock networkBlock;

  private ClusterPlan(Program program, Decl cluster) {
    this.program = program;
    this.cluster = cluster;
    this.network = cluster.body().first("network").orElse(null);
    this.networkBlock = network == null ? null : network.block();
  }

  Program program() {
    return program;
  }

  Decl cluster() {
    return cluster;
  }

  /** Where to report about a default network: the {@code network} entry, or the cluster's name. */
  SourceSpan networkSite() {
    return network != null ? network.entry().key().span() : cluster.site();
  }

  /** {@code network.nodes}, when written and valid. */
  Optional<Network> nodes() {
    return networkBlock == null ? Optional.empty()
        : networkBlock.typed("nodes", Typed.Net.class).filter(ClusterPlan::usable)
            .map(n -> new Network("nodes", n.value(), n.span(), true));
  }

  /** {@code network.pods} or {@code network.services}, written or by default; empty when written but invalid. */
  Optional<Network> podsOrServices(String name) {
    if (networkBlock != null && networkBlock.has(name)) {
      return networkBlock.typed(name, Typed.Net.class).filter(ClusterPlan::usable)
          .map(n -> new Network(name, n.value(), n.span(), true));
    }
    Object fallback = cluster.body().schema().property("network").map(p -> p.block().property(name)
        .map(q -> q.defaultValue()).orElse(null)).orElse(null);
    try {
      return fallback instanceof String text
          ? Optional.of(new Network(name, Cidr.parse(text), networkSite(), false)) : Optional.empty();
    } catch (LiteralException e) {
      throw new IllegalStateException("bad default for network." + name, e);
    }
  }

  /** The router's address, when written and valid. */
  Optional<Use> router() {
    return networkBlock == null ? Optional.empty()
        : networkBlock.typed("router", Typed.Addr.class).map(a -> new Use(a.value(), a.span(), cluster, "the router"));
  }

  List<Use> addresses(Kind kind) {
    List<Use> uses = new ArrayList<>();
    for (Decl decl : program.decls(kind)) {
      decl.body().typed("address", Typed.Addr.class).ifPresent(a -> uses.add(new Use(a.value(), a.span(), decl, decl.label())));
    }
    return uses;
  }

  List<Decl> nodesWithRole(String role) {
    return program.decls(Kind.NODE).stream().filter(n -> n.body().sym("role").filter(role::equals).isPresent()).toList();
  }

  /** Workers; the control-plane nodes when the cluster has no worker. */
  List<Decl> eligibleNodes() {
    List<Decl> workers = nodesWithRole("worker");
    return workers.isEmpty() ? nodesWithRole("control-plane") : workers;
  }

  /** Every valid range of every pool, in source order. */
  List<PoolRange> poolRanges() {
    List<PoolRange> ranges = new ArrayList<>();
    for (Decl pool : program.decls(Kind.POOL)) {
      boolean l2 = pool.body().sym("announce").filter("l2"::equals).isPresent();
      for (BoundEntry entry : pool.body().all("range")) {
        Typed value = entry.value();
        if (value instanceof Typed.Span s) {
          ranges.add(new PoolRange(pool, s.value(), s.span(), l2));
        } else if (value instanceof Typed.Net n && usable(n)) {
          ranges.add(new PoolRange(pool, AddressRange.of(n.value()), n.span(), l2));
        }
      }
    }
    return ranges;
  }

  /** Whether some pool's range was written but rejected: then "in no pool" could be a consequence. */
  boolean hasRejectedPoolRange() {
    return program.decls(Kind.POOL).stream().flatMap(p -> p.body().all("range").stream()).anyMatch(e -> e.value() == null);
  }

  /** A prefix past 32 is the binder's {@code invalid-value}; such a network takes no part here. */
  private static boolean usable(Typed.Net net) {
    return net.value().prefix() >= 0 && net.value().prefix() <= 32;
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

  /** Whether {@code inner} lies wholly inside {@code outer}. */
  static boolean inside(AddressRange inner, AddressRange outer) {
    return outer.contains(inner.first()) && outer.contains(inner.last());
  }

  /** "no failure", "1 failure", "2 failures". */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
