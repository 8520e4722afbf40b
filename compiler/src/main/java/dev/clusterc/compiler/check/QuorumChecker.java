package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.program.Program;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code quorum}: etcd needs ⌊n/2⌋+1 of its n members, so an even number of control-plane nodes
 * tolerates no more failures than one node fewer. 0 and 2 are errors (2 tolerate no failure at all,
 * and need twice the machines of 1); 4, 6, … are warnings. An even count gets a fix that adds one
 * more control plane ({@link ControlPlaneSkeleton}).
 */
public final class QuorumChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    ClusterPlan.of(program).ifPresent(plan -> check(plan, report));
  }

  private static void check(ClusterPlan plan, Consumer<Diagnostic> report) {
    List<Decl> controlPlanes = plan.nodesWithRole("control-plane");
    int n = controlPlanes.size();
    if (n == 0) {
      report.accept(Diagnostic.error(Code.QUORUM, plan.cluster().site(),
              plan.cluster().label() + " has no control-plane node: etcd has no member to keep the cluster's state")
          .withHint("add 1 or 3 nodes with `role control-plane`"));
      return;
    }
    if (n % 2 == 1) {
      return;
    }
    int needed = n / 2 + 1;
    int tolerated = n - needed;
    String message = n + " control-plane nodes tolerate " + failures(tolerated)
        + (n == 2 ? "" : ", no more than " + (n - 1) + " do")
        + ": etcd needs " + needed + " of " + n + " members";
    String hint = "use " + (n - 1) + " or " + (n + 1) + " control-plane nodes";
    Diagnostic diagnostic = n == 2
        ? Diagnostic.error(Code.QUORUM, controlPlanes.get(0).site(), message)
        : Diagnostic.warning(Code.QUORUM, controlPlanes.get(0).site(), message);
    diagnostic = diagnostic.withHint(hint);
    for (Decl other : controlPlanes.subList(1, n)) {
      diagnostic = diagnostic.withRelated(other.site(), other.label() + " is also a control-plane node");
    }
    report.accept(ControlPlaneSkeleton.fix(plan, controlPlanes).map(diagnostic::withFix).orElse(diagnostic));
  }

  private static String failures(int tolerated) {
    return tolerated == 0 ? "no failure" : ClusterPlan.count(tolerated, "failure", "failures");
  }
}
