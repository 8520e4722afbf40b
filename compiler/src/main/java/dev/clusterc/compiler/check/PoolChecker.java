package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Pool;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code address-outside-pool}: a gateway or DNS server is a LoadBalancer service, whose address
 * is announced only when a pool contains it.
 */
public final class PoolChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).filter(plan -> !plan.hasRejectedPoolRange()).ifPresent(plan -> check(plan, report));
  }

  private static void check(ClusterPlan plan, Consumer<Diagnostic> report) {
    List<Pool.Range> ranges = plan.poolRanges();
    List<ClusterPlan.Use> uses = new ArrayList<>(plan.addresses(Kind.GATEWAY));
    uses.addAll(plan.addresses(Kind.DNS));
    for (ClusterPlan.Use use : uses) {
      if (ranges.stream().anyMatch(r -> r.addresses().contains(use.address()))) {
        continue;
      }
      Diagnostic diagnostic = Diagnostic.error(Code.ADDRESS_OUTSIDE_POOL, use.span(),
              "the address " + use.text() + " of " + use.owner() + " is in no pool, so no load balancer announces it")
          .withHint(hint(ranges));
      for (Pool.Range range : ranges) {
        diagnostic = diagnostic.withRelated(Sites.editable(plan.program(), range.pool(), range.span()),
            range.pool().label() + " has the range " + range.span().text());
      }
      report.accept(Sites.placed(plan.program(), use.decl(), diagnostic));
    }
  }

  private static String hint(List<Pool.Range> ranges) {
    if (ranges.isEmpty()) {
      return "declare a pool that contains it: `pool lb { range FIRST..LAST; via cilium }`";
    }
    Map<String, List<String>> byPool = new LinkedHashMap<>();
    ranges.forEach(r -> byPool.computeIfAbsent(r.pool().label(), k -> new ArrayList<>()).add(r.span().text()));
    List<String> pools = new ArrayList<>();
    byPool.forEach((pool, texts) -> pools.add(pool + " (" + String.join(", ", texts) + ")"));
    return "use an address of " + String.join(" or ", pools) + ", or add a range that contains it";
  }
}
