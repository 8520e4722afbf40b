package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.model.Volume;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.schema.Kind;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code replicas-exceed-nodes}: each copy of a replicated volume and each database instance wants
 * a node of its own, and workloads run on the workers (on the control planes only when there is no
 * worker). More copies than eligible nodes can never all be scheduled.
 */
public final class ReplicasChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).ifPresent(plan -> check(program, plan, report));
  }

  private static void check(Program program, ClusterPlan plan, Consumer<Diagnostic> report) {
    List<Decl> eligible = plan.eligibleNodes();
    if (eligible.isEmpty()) {
      return;
    }
    boolean workers = !plan.nodesWithRole("worker").isEmpty();
    for (Decl volume : program.decls(Kind.VOLUME)) {
      Written<Long> replicas = Volume.of(program.model(), volume).replicas();
      if (replicas != null) {
        check(program, volume, replicas, "replica", "replicas", eligible, workers, report);
      }
    }
    for (Decl database : program.decls(Kind.DATABASE)) {
      Written<Long> instances = Database.of(program.model(), database).instances();
      if (instances.isWritten()) {
        check(program, database, instances, "instance", "instances", eligible, workers, report);
      }
    }
  }

  private static void check(Program program, Decl decl, Written<Long> asked, String singular, String plural, List<Decl> eligible,
      boolean workers, Consumer<Diagnostic> report) {
    if (asked.value() <= eligible.size()) {
      return;
    }
    String nodes = (workers ? ClusterPlan.count(eligible.size(), "worker node", "worker nodes")
        : ClusterPlan.count(eligible.size(), "control-plane node", "control-plane nodes") + " and no worker")
        + " (" + String.join(", ", eligible.stream().map(Decl::name).toList()) + ")";
    Diagnostic diagnostic = Diagnostic.error(Code.REPLICAS_EXCEED_NODES, asked.span(),
            decl.label() + " has " + ClusterPlan.count(asked.value(), singular, plural)
                + ", but the cluster runs workloads on only " + nodes)
        .withHint("each " + singular + " needs a node of its own: lower `" + plural + "` to " + eligible.size()
            + (workers ? ", or add worker nodes" : ", or add nodes"));
    for (Decl node : eligible) {
      diagnostic = diagnostic.withRelated(node.site(), node.label() + " is eligible");
    }
    report.accept(Sites.placed(program, decl, diagnostic));
  }
}
