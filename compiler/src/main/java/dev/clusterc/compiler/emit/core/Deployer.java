package dev.clusterc.compiler.emit.core;

import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.Program;

/**
 * Who deploys the compiled units, asked once per compile ({@link EmitContext#deployer()}) so that
 * every emitter gives the same answer: Flux (HelmReleases and Kustomizations), Argo CD (Applications
 * that render the charts), or nothing in the cluster, in which case the objects are applied as they
 * are ({@code kubectl apply}, or clusterc's runtime — also the in-cluster one of {@code gitops clusterc})
 * and charts are rendered at compile time.
 */
public enum Deployer {
  /** Applied directly: charts rendered into plain objects, no Flux or Argo CD object. */
  DIRECT,
  /** Flux, from the GitOps tree ({@code gitops flux}). */
  FLUX,
  /** Argo CD, from the GitOps tree ({@code gitops argocd}). */
  ARGO_CD;

  /**
   * What the cluster's {@code gitops} block names: its engine, or {@link #DIRECT} without one and
   * under {@code gitops clusterc}, whose runtime applies the plain objects itself.
   */
  public static Deployer declared(Program program) {
    GitOps gitops = Cluster.of(program.model()).map(Cluster::gitops).orElse(null);
    if (gitops == null || gitops.isClusterc()) {
      return DIRECT;
    }
    return gitops.isArgoCd() ? ARGO_CD : FLUX;
  }
}
