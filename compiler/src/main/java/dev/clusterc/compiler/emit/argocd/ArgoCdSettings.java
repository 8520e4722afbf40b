package dev.clusterc.compiler.emit.argocd;

import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.Program;
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

  /** The settings of a cluster with a {@code gitops argocd} block, or empty when it has none (or {@code gitops flux}). */
  public static Optional<ArgoCdSettings> of(Program program) {
    Cluster cluster = Cluster.of(program.model()).orElse(null);
    GitOps gitops = cluster == null ? null : cluster.gitops();
    if (gitops == null || !gitops.isArgoCd()) {
      return Optional.empty();
    }
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
