package dev.clusterc.compiler.emit.argocd;

import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.rules.TreePath;
import java.util.Optional;

/**
 * The cluster's {@code gitops argocd { … }} settings ({@link GitOps}) as its Applications write them,
 * so that the Applications, the tree's place in the repository and the next steps agree on one URL,
 * revision, path, namespace and project.
 *
 * @param cluster the cluster's name, which names the root Application
 * @param url the Git URL, as written
 * @param revision the branch Argo CD follows ({@code targetRevision})
 * @param path the tree's directory in the repository, without a leading {@code ./} or trailing {@code /}
 * @param namespace the namespace Argo CD runs in; every Application lives there
 * @param project the Argo CD project of every Application
 */
public record ArgoCdSettings(String cluster, String url, String revision, String path, String namespace, String project) {
  /** The directory of the tree that holds the Argo CD objects: the root Application and, below it, the rest. */
  public static final String DIR = "argocd";

  /** The directory under {@link #DIR} the root Application syncs: one Application per unit. */
  public static final String APPS_DIR = DIR + "/apps";

  /** The file under {@link #DIR} holding the root Application, the one a user applies by hand. */
  public static final String ROOT_FILE = DIR + "/root.yaml";

  /** The cluster Argo CD runs in, as Applications name their destination. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  /**
   * The settings of a cluster Argo CD deploys ({@code gitops argocd}), or empty when another deploys
   * it ({@link EmitContext#deployer()}: Flux, or nothing, also when direct delivery was asked).
   */
  public static Optional<ArgoCdSettings> of(EmitContext context) {
    if (context.deployer() != Deployer.ARGO_CD) {
      return Optional.empty();
    }
    Cluster cluster = Cluster.of(context.program().model()).orElseThrow();
    GitOps gitops = cluster.gitops();
    return Optional.of(new ArgoCdSettings(cluster.decl().name(),
        gitops.repository() == null ? "" : gitops.repository().value(),
        gitops.branch(),
        TreePath.of(cluster.decl().name(), gitops.path() == null ? null : gitops.path().value()),
        gitops.namespace().value(),
        gitops.project().value()));
  }

  /** The name of the root Application, the "app of apps" that syncs {@link #APPS_DIR}. */
  public String rootName() {
    return cluster + "-root";
  }
}
