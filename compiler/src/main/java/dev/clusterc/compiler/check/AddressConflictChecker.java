package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Pool;
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
 * addresses belong in a pool (that is how they are announced), so they are not conflicts there. A
 * range holding several such addresses is one diagnostic; the machines are sorted by address and
 * looked up per range, so the check stays fast with thousands of pools and nodes.
 */
public final class AddressConflictChecker implements Checker {
  /** Addresses named in the message about one pool range; the notes list at most {@link #MAX_RELATED}. */
  private static final int NAMED = 5;
  private static final int MAX_RELATED = 10;

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

    machines.sort(Comparator.comparing(ClusterPlan.Use::address).thenComparing(ClusterPlan.Use::span, ClusterPlan.SOURCE_ORDER));
    List<Ipv4> sorted = machines.stream().map(ClusterPlan.Use::address).toList();
    for (Pool.Range range : plan.poolRanges()) {
      int from = lowerBound(sorted, range.addresses().first());
      int to = from;
      while (to < sorted.size() && range.addresses().contains(sorted.get(to))) {
        to++;
      }
      if (to > from) {
        inPool(plan, range, machines.subList(from, to), report);
      }
    }
  }

  /** One diagnostic per pool range, naming the machine addresses inside it (at most {@link #NAMED} in the message). */
  private static void inPool(ClusterPlan plan, Pool.Range range, List<ClusterPlan.Use> inside, Consumer<Diagnostic> report) {
    ClusterPlan.Use use = inside.get(0);
    Diagnostic diagnostic;
    if (inside.size() == 1) {
      diagnostic = Diagnostic.error(Code.ADDRESS_CONFLICT, range.span(),
              range.pool().label() + " contains the address " + use.text() + " of " + use.owner())
          .withHint("a load balancer could hand " + use.text() + " out a second time: shrink the range of "
              + range.pool().label() + " so that it leaves " + use.text() + " out");
    } else {
      List<String> named = inside.stream().limit(NAMED).map(u -> u.text() + " of " + u.owner()).toList();
      String others = inside.size() > NAMED ? " and " + (inside.size() - NAMED) + " more" : "";
      diagnostic = Diagnostic.error(Code.ADDRESS_CONFLICT, range.span(),
              range.pool().label() + " contains " + inside.size() + " addresses in use: " + String.join(", ", named) + others)
          .withHint("a load balancer could hand them out a second time: shrink the range of "
              + range.pool().label() + " so that it leaves them out");
    }
    for (ClusterPlan.Use in : inside.subList(0, Math.min(inside.size(), MAX_RELATED))) {
      diagnostic = diagnostic.withRelated(Sites.editable(plan.program(), in.decl(), in.span()), in.owner() + " has " + in.text() + " here");
    }
    report.accept(Sites.placed(plan.program(), range.pool(), diagnostic));
  }

  /** The index of the first address not below {@code first}. */
  private static int lowerBound(List<Ipv4> sorted, Ipv4 first) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted.get(middle).compareTo(first) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
