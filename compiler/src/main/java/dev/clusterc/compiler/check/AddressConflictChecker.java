package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import dev.clusterc.compiler.types.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code address-conflict}: nodes, VIPs, the router, gateways and DNS servers each need an address
 * of their own; and no pool may hand out the address of a node, a VIP or the router. Gateway and DNS
 * addresses belong in a pool (that is how they are announced), so they are not conflicts there.
 */
public final class AddressConflictChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).ifPresent(plan -> check(plan, report));
  }

  private static void check(ClusterPlan plan, Consumer<Diagnostic> report) {
    List<ClusterPlan.Use> machines = new ArrayList<>(plan.addresses(Kind.NODE));
    machines.addAll(plan.addresses(Kind.VIP));
    plan.router().ifPresent(machines::add);
    List<ClusterPlan.Use> all = new ArrayList<>(machines);
    all.addAll(plan.addresses(Kind.GATEWAY));
    all.addAll(plan.addresses(Kind.DNS));
    all.sort(Comparator.comparing(ClusterPlan.Use::span, ClusterPlan.SOURCE_ORDER));

    Map<Ipv4, ClusterPlan.Use> first = new LinkedHashMap<>();
    for (ClusterPlan.Use use : all) {
      ClusterPlan.Use earlier = first.putIfAbsent(use.address(), use);
      if (earlier == null) {
        continue;
      }
      report.accept(Sites.placed(plan.program(), use.decl(), Diagnostic.error(Code.ADDRESS_CONFLICT, use.span(),
              "the address " + use.text() + " of " + use.owner() + " is already the address of " + earlier.owner())
          .withHint("give " + use.owner() + " an address of its own")
          .withRelated(Sites.editable(plan.program(), earlier.decl(), earlier.span()),
              earlier.owner() + " has " + earlier.text() + " here")));
    }

    machines.sort(Comparator.comparing(ClusterPlan.Use::span, ClusterPlan.SOURCE_ORDER));
    for (ClusterPlan.PoolRange range : plan.poolRanges()) {
      for (ClusterPlan.Use use : machines) {
        if (!range.range().contains(use.address())) {
          continue;
        }
        report.accept(Sites.placed(plan.program(), range.pool(), Diagnostic.error(Code.ADDRESS_CONFLICT, range.span(),
                range.pool().label() + " contains the address " + use.text() + " of " + use.owner())
            .withHint("a load balancer could hand " + use.text() + " out a second time: shrink the range of "
                + range.pool().label() + " so that it leaves " + use.text() + " out")
            .withRelated(Sites.editable(plan.program(), use.decl(), use.span()), use.owner() + " has " + use.text() + " here")));
      }
    }
  }
}
