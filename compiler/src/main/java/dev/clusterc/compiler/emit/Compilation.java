package dev.clusterc.compiler.emit;

import dev.clusterc.compiler.emit.argocd.ArgoCdObjects;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.emit.flux.FluxSettings;
import dev.clusterc.compiler.kube.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * What a checked cluster compiles to: its units in apply order (the cluster-wide unit first), the
 * Flux objects that deploy them, files that live outside the Kubernetes tree (Talos patches), and
 * what a user still does by hand before the tree runs a cluster.
 *
 * @param name the cluster's name
 * @param flux the GitRepository and one Kustomization per unit; empty without {@code gitops flux}
 * @param outside file name → text, written under {@code PATH/talos/}
 * @param gitops the cluster's {@code gitops flux} block, or {@code null} without one
 * @param nextSteps the steps by hand, in order, as if Flux had not been bootstrapped yet
 * @param argocd the Argo CD Applications that deploy the units, with {@code gitops argocd}; {@code null} without
 */
public record Compilation(String name, List<Unit> units, List<KubeObject> flux, Map<String, String> outside,
    FluxSettings gitops, List<NextStep> nextSteps, ArgoCdObjects argocd) {

  /** A compilation without Argo CD. */
  public Compilation(String name, List<Unit> units, List<KubeObject> flux, Map<String, String> outside, FluxSettings gitops,
      List<NextStep> nextSteps) {
    this(name, units, flux, outside, gitops, nextSteps, null);
  }

  /**
   * The tree's directory inside the Git repository: the {@code gitops} {@code path}, or
   * {@code clusters/NAME}. The Kustomizations' (or Applications') paths start with it, so the tree must land there.
   */
  public String path() {
    return argocd != null ? argocd.settings().path() : path(name, gitops);
  }

  /** {@link #path()} before the compilation exists (its next steps name the path). */
  static String path(String name, FluxSettings gitops) {
    return gitops != null ? gitops.path() : FluxSettings.defaultPath(name);
  }

  /**
   * The steps by hand for a tree written where {@code flux bootstrap} has (or has not) already
   * written {@code PATH/flux-system/} (see {@link GitOpsLayout#bootstrapped}).
   */
  public List<NextStep> nextSteps(boolean bootstrapped) {
    return nextSteps.stream().filter(s -> !(bootstrapped && s.kind() == NextStep.Kind.BOOTSTRAP)).toList();
  }
}
