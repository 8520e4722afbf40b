package dev.clusterc.cli.run;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.NextStep;
import java.nio.file.Path;

/**
 * What {@code apply} says about a cluster that names a GitOps engine: the runtime does not apply
 * Flux's objects ({@code flux/}) or Argo CD's Applications, and cannot hand the cluster over by
 * itself either — that needs a push to the user's Git repository and its credentials. So it says
 * the exact steps, and how to apply the units directly instead.
 */
public final class HandOver {
  private HandOver() {}

  /** Why {@code apply} stops without {@code --direct} or {@code --bootstrap-flux-tree}. */
  public static String refusal(String engine, String cluster, String path) {
    String who = engine.equals("flux") ? "Flux (`gitops flux`)" : "Argo CD (`gitops argocd`)";
    String objects = engine.equals("flux") ? "Flux's objects (flux/: the GitRepository and the Kustomizations)"
        : "Argo CD's Applications";
    return "clusterc: cluster " + cluster + " is deployed by " + who + "; clusterc apply does not apply " + objects + "\n"
        + "hint: either hand the cluster to " + (engine.equals("flux") ? "Flux" : "Argo CD")
        + ": `clusterc apply " + path + " --bootstrap-flux-tree` prints the steps;\n"
        + "      or apply the units directly, charts rendered, without " + (engine.equals("flux") ? "Flux" : "Argo CD")
        + ": `clusterc apply " + path + " --direct` (a running " + (engine.equals("flux") ? "Flux" : "Argo CD")
        + " would undo it)";
  }

  /** The steps that hand the cluster to its GitOps engine: write the tree, push it, then what compile prints. */
  public static String steps(CompiledCluster declared, String path) {
    String tree = declared.gitopsPath();
    StringBuilder out = new StringBuilder("clusterc: nothing applied: handing cluster " + declared.name() + " to "
        + (declared.gitops().orElse("").equals("argocd") ? "Argo CD" : "Flux")
        + " needs a push to your Git repository and its credentials, which clusterc does not handle. The steps:\n");
    out.append("  1. write the tree into your repository and push it:\n")
        .append("       clusterc compile ").append(path).append(" -o REPO\n")
        .append("       git -C REPO add ").append(tree).append(" && git -C REPO commit -m 'cluster ").append(declared.name())
        .append("' && git -C REPO push\n");
    String rest = NextStep.render(declared.nextSteps(Path.of("REPO").resolve(tree)));
    if (!rest.isEmpty()) {
      out.append("  2. then, from REPO, ").append(rest);
    }
    return out.toString();
  }
}
