package dev.clusterc.compiler.emit.flux;

import dev.clusterc.compiler.emit.core.Deployer;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.model.Cluster;
import dev.clusterc.compiler.model.GitOps;
import dev.clusterc.compiler.model.Written;
import dev.clusterc.compiler.rules.TreePath;
import java.util.Optional;

/**
 * The cluster's {@code gitops flux { … }} settings ({@link GitOps}) as Flux writes them, so that the
 * Flux objects, the tree's place in the repository and the next steps printed after {@code compile}
 * all agree on one URL, path and pair of secret names.
 *
 * @param url the Git URL, as written ({@code https://}, {@code http://} or {@code ssh://}; the checker refuses others)
 * @param branch the branch Flux follows
 * @param path the tree's directory in the repository, without a leading {@code ./} or trailing {@code /}
 * @param interval the reconcile interval in Go's notation ({@code 10m0s})
 * @param decryptionSecret the Secret in {@code flux-system} holding the age key that SOPS files are decrypted with
 * @param credentialsSecret the Secret in {@code flux-system} holding the Git credentials, or {@code null} for a
 *     public repository
 */
public record FluxSettings(String url, String branch, String path, String interval, String decryptionSecret,
    String credentialsSecret) {
  /** The namespace Flux runs in and every Flux object of the tree lives in. */
  public static final String NAMESPACE = "flux-system";

  /** The secret {@code flux bootstrap} creates in {@code flux-system} with the credentials it was given. */
  public static final String BOOTSTRAP_SECRET = "flux-system";

  /**
   * The settings of a cluster Flux deploys ({@code gitops flux}), or empty when another deploys it
   * ({@link EmitContext#deployer()}: Argo CD, or nothing, also when direct delivery was asked).
   */
  public static Optional<FluxSettings> of(EmitContext context) {
    if (context.deployer() != Deployer.FLUX) {
      return Optional.empty();
    }
    Cluster cluster = Cluster.of(context.program().model()).orElseThrow();
    GitOps gitops = cluster.gitops();
    return Optional.of(new FluxSettings(
        gitops.repository() == null ? "" : gitops.repository().value(),
        gitops.branch(),
        TreePath.of(cluster.decl().name(), gitops.path() == null ? null : gitops.path().value()),
        gitops.interval().toGoString(),
        gitops.decryption().value(),
        gitops.secret() == null ? null : gitops.secret().value()));
  }

  /** Where the tree goes in the repository when {@code path} is not written. */
  public static String defaultPath(String clusterName) {
    return TreePath.of(clusterName, null);
  }
}
