package dev.clusterc.compiler.emit.incluster;

import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.TreePath;
import dev.clusterc.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * The cluster's {@code gitops clusterc { … }} settings as the runtime's Deployment passes them, read
 * once so that the RBAC, the Deployment and the docs agree on one repository, path and secret.
 *
 * @param cluster the cluster's name (the ClusterRole, Roles and bindings are {@code clusterc-NAME})
 * @param repository the Git URL as written
 * @param branch the branch the runtime follows
 * @param path where the cluster's {@code .cluster} sources are in the repository: {@code .} for its root
 * @param image the clusterc image the Deployment runs
 * @param replicas how many replicas run, one leading
 * @param secret the Secret in {@code clusterc-system} holding the Git credentials, or {@code null}
 * @param credentials {@code token} or {@code ssh} when {@code secret} is named (written, else by the
 *     repository's scheme), else {@code null}
 * @param span where the engine is written: the objects' source annotation points there
 */
public record InClusterSettings(String cluster, String repository, String branch, String path, String image, long replicas,
    String secret, String credentials, SourceSpan span) {
  /** The namespace the runtime runs in, where its Lease and the Git credentials live. */
  public static final String NAMESPACE = "clusterc-system";

  /** The runtime's ServiceAccount and Deployment. */
  public static final String NAME = "clusterc";

  /** Where the sources are when {@code path} is not written: the repository's root. */
  public static final String DEFAULT_PATH = ".";

  /** The settings of a {@code gitops clusterc} cluster; empty under another engine or without {@code gitops}. */
  public static Optional<InClusterSettings> of(Program program) {
    Cluster cluster = Cluster.of(program.model()).orElse(null);
    if (cluster == null || cluster.gitops() == null || !cluster.gitops().isClusterc()) {
      return Optional.empty();
    }
    GitOps gitops = cluster.gitops();
    String repository = gitops.repository() == null ? "" : gitops.repository().value();
    String path = gitops.path() == null ? DEFAULT_PATH : TreePath.normalize(gitops.path().value());
    String secret = gitops.secret() == null ? null : gitops.secret().value();
    String credentials = gitops.credentialKeys();
    return Optional.of(new InClusterSettings(cluster.decl().name(), repository, gitops.branch(), path.isEmpty() ? DEFAULT_PATH : path,
        gitops.image() == null ? "" : gitops.image().value(), gitops.replicas().value(), secret, credentials,
        gitops.engineSpan()));
  }

  /** The name of the ClusterRole, the Roles and their bindings: {@code clusterc-CLUSTER}. */
  public String roleName() {
    return "clusterc-" + cluster;
  }
}
