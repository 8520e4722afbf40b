package dev.clusterc.cli.run;

import dev.clusterc.compiler.api.CompiledCluster;
import dev.clusterc.compiler.api.NextStep;
import java.nio.file.Path;

/**
 * What {@code apply} says about a cluster that names a GitOps engine: a plain apply does not apply
 * Flux's objects ({@code flux/}) or Argo CD's Applications. {@code --bootstrap-flux-tree} applies
 * Flux's objects to a cluster where Flux runs; what it cannot do is install Flux or push the tree to
 * the user's repository (that needs the repository's credentials), so when Flux does not get ready
 * these are the steps it names.
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
        + (engine.equals("flux") ? ": `clusterc apply " + path + " --bootstrap-flux-tree` applies Flux's objects and waits for Flux;\n"
            : ": `clusterc apply " + path + " --bootstrap-flux-tree` prints the steps;\n")
        + "      or apply the units directly, charts rendered, without " + (engine.equals("flux") ? "Flux" : "Argo CD")
        + ": `clusterc apply " + path + " --direct` (a running " + (engine.equals("flux") ? "Flux" : "Argo CD")
        + " would undo it)";
  }

  /**
   * What to check when Flux's objects were refused or did not get ready: Flux installed (its CRDs
   * served), the tree pushed where the GitRepository points, its secrets in place.
   */
  public static String fluxNotReady(CompiledCluster declared, String path) {
    return "hint: Flux takes over once it runs on the cluster (`flux install`, or `flux bootstrap` as below), the tree is"
        + " pushed where its GitRepository points, and the secrets it reads exist; the full hand-over:\n"
        + numbered(declared, path);
  }

  /** The steps that hand the cluster to its GitOps engine: write the tree, push it, then what compile prints. */
  public static String steps(CompiledCluster declared, String path) {
    return "clusterc: nothing applied: handing cluster " + declared.name() + " to "
        + (declared.gitops().orElse("").equals("argocd") ? "Argo CD" : "Flux")
        + " needs a push to your Git repository and its credentials, which clusterc does not handle. The steps:\n"
        + numbered(declared, path);
  }

  private static String numbered(CompiledCluster declared, String path) {
    String tree = declared.gitopsPath();
    StringBuilder out = new StringBuilder();
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
