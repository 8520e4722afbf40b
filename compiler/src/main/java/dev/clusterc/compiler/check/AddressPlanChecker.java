package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.NetworkPlan;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code address-outside-network}: nodes, VIPs, the router and every {@code l2} pool range lie in
 * {@code network.nodes}, the one L2 segment they are reached on. (Gateway and DNS addresses are
 * checked against the pools instead, by {@link PoolChecker}.)
 */
public final class AddressPlanChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).ifPresent(plan -> check(plan, report));
  }

  private static void check(ClusterPlan plan, Consumer<Diagnostic> report) {
    var nodes = plan.network().nodes();
    if (nodes.isEmpty()) {
      return;
    }
    NetworkPlan.Network network = nodes.get();
    List<ClusterPlan.Use> uses = new ArrayList<>(plan.addresses(Kind.NODE));
    uses.addAll(plan.addresses(Kind.VIP));
    plan.router().ifPresent(uses::add);
    for (ClusterPlan.Use use : uses) {
      if (network.cidr().contains(use.address())) {
        continue;
      }
      report.accept(Sites.placed(plan.program(), use.decl(), Diagnostic.error(Code.ADDRESS_OUTSIDE_NETWORK, use.span(),
              "the address " + use.text() + " of " + use.owner() + " is outside network.nodes " + network.span().text())
          .withHint("use an address in " + network.span().text() + ", or widen network.nodes")
          .withRelated(network.span(), "network.nodes is set here")));
    }
    for (Pool.Range range : plan.poolRanges()) {
      if (!plan.l2(range) || network.range().contains(range.addresses())) {
        continue;
      }
      String where = range.addresses().overlaps(network.range()) ? "reaches outside" : "is outside";
      report.accept(Sites.placed(plan.program(), range.pool(), Diagnostic.error(Code.ADDRESS_OUTSIDE_NETWORK, range.span(),
              "the " + range.describe() + " " + where + " network.nodes " + network.span().text())
          .withHint("an l2 pool is announced on the node network: keep its range in " + network.span().text()
              + ", or use `announce bgp`")
          .withRelated(network.span(), "network.nodes is set here")));
    }
  }
}
