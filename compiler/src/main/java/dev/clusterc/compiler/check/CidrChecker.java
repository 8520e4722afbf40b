package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code cidr-overlap}: the node, pod and service networks are three separate address spaces;
 * pools do not overlap one another, nor the pod or service network (an address there would be
 * routed into the cluster instead of to the load balancer). An l2 pool lies inside the node network
 * by design, which is not an overlap. Overlapping pool ranges are reported once per group (three
 * or more copies of a range are one problem, not one per pair). Host bits ({@code cidr-not-canonical}) are the binder's.
 */
public final class CidrChecker implements Checker {
  /** Members of a group of overlapping pool ranges named in the message. */
  private static final int NAMED = 3;
  /** Members given as notes. */
  private static final int MAX_RELATED = 10;

  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).ifPresent(plan -> check(plan, report));
  }

  private static void check(ClusterPlan plan, Consumer<Diagnostic> report) {
    List<NetworkPlan.Network> networks = new ArrayList<>();
    plan.network().nodes().ifPresent(networks::add);
    plan.network().pods().ifPresent(networks::add);
    plan.network().services().ifPresent(networks::add);
    for (int i = 0; i < networks.size(); i++) {
      for (int j = i + 1; j < networks.size(); j++) {
        networks(networks.get(i), networks.get(j), report);
      }
    }

    List<Pool.Range> ranges = plan.poolRanges();
    for (List<Pool.Range> group : OverlapGroups.of(ranges, Pool.Range::addresses)) {
      pools(plan, group, report);
    }
    for (Pool.Range later : ranges) {
      for (NetworkPlan.Network network : networks) {
        if (network.name().equals("nodes") || !later.addresses().overlaps(network.range())) {
          continue;
        }
        report.accept(Sites.placed(plan.program(), later.pool(), Diagnostic.error(Code.CIDR_OVERLAP, later.span(),
                "the " + later.describe() + " overlaps " + network.describe())
            .withHint("load-balancer addresses must lie outside the " + network.name() + " network " + network.cidr())
            .withRelated(network.span(), network.written() ? "network." + network.name() + " is set here"
                : "network." + network.name() + " defaults to " + network.cidr())));
      }
    }
  }

  /**
   * One diagnostic per group of overlapping pool ranges (in source order), at its last member: two
   * ranges are named with the addresses they share; a larger group is counted, its first members
   * named, and at most {@link #MAX_RELATED} of the others given as notes.
   */
  private static void pools(ClusterPlan plan, List<Pool.Range> group, Consumer<Diagnostic> report) {
    Pool.Range later = group.get(group.size() - 1);
    if (group.size() == 2) {
      Pool.Range earlier = group.get(0);
      String shared = ClusterPlan.intersection(earlier.addresses(), later.addresses());
      report.accept(Sites.placed(plan.program(), later.pool(), Diagnostic.error(Code.CIDR_OVERLAP, later.span(),
              "the " + later.describe() + " overlaps the " + earlier.describe() + " (" + shared + ")")
          .withHint(shared + " would be handed out twice: make the ranges disjoint")
          .withRelated(Sites.editable(plan.program(), earlier.pool(), earlier.span()),
              "the " + earlier.describe() + " is here")));
      return;
    }
    List<String> named = group.stream().limit(NAMED).map(r -> "the " + r.describe()).toList();
    String others = group.size() > NAMED ? " and " + (group.size() - NAMED) + " more" : "";
    Diagnostic diagnostic = Diagnostic.error(Code.CIDR_OVERLAP, later.span(),
            group.size() + " pool ranges overlap: " + String.join(", ", named) + others)
        .withHint("their addresses would be handed out more than once: make the ranges disjoint");
    for (Pool.Range earlier : group.subList(0, Math.min(group.size() - 1, MAX_RELATED))) {
      diagnostic = diagnostic.withRelated(Sites.editable(plan.program(), earlier.pool(), earlier.span()),
          "the " + earlier.describe() + " is here");
    }
    report.accept(Sites.placed(plan.program(), later.pool(), diagnostic));
  }

  /** Reported at the later of the two, or at the written one when the other is a default. */
  private static void networks(NetworkPlan.Network a, NetworkPlan.Network b, Consumer<Diagnostic> report) {
    if (!a.range().overlaps(b.range())) {
      return;
    }
    boolean bLater = b.written() && (!a.written() || ClusterPlan.SOURCE_ORDER.compare(a.span(), b.span()) <= 0);
    NetworkPlan.Network at = bLater ? b : a;
    NetworkPlan.Network other = bLater ? a : b;
    report.accept(Diagnostic.error(Code.CIDR_OVERLAP, at.span(), at.describe() + " overlaps " + other.describe())
        .withHint("nodes, pods and services need three separate address spaces: move network." + at.name()
            + " to a range that overlaps neither of the others")
        .withRelated(other.span(), other.written()
            ? "network." + other.name() + " is set here" : "network." + other.name() + " defaults to " + other.cidr()));
  }
}
