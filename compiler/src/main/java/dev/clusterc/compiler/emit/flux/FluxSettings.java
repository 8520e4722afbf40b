package dev.clusterc.compiler.emit.flux;

import dev.clusterc.compiler.bind.BoundBlock;
import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.bind.Typed;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.TreePath;
import java.util.Optional;

/**
 * The cluster's {@code gitops flux { … }} block, read once with its defaults, so that the Flux
 * objects, the tree's place in the repository and the next steps printed after {@code compile} all
 * agree on one URL, path and pair of secret names.
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

  /** The decryption secret's name when {@code decryption} is not written (the name Flux's guides use). */
  public static final String DEFAULT_DECRYPTION_SECRET = "sops-age";

  /** The secret {@code flux bootstrap} creates in {@code flux-system} with the credentials it was given. */
  public static final String BOOTSTRAP_SECRET = "flux-system";

  /** The settings of a cluster with a {@code gitops flux} block, or empty when it has none. */
  public static Optional<FluxSettings> of(Program program) {
    Decl cluster = program.cluster().orElse(null);
    BoundBlock gitops = cluster == null ? null : cluster.body().first("gitops").map(BoundEntry::block).orElse(null);
    if (gitops == null) {
      return Optional.empty();
    }
    String interval = gitops.typed("interval", Typed.Dur.class).map(d -> d.value().toGoString()).orElse("10m0s");
    return Optional.of(new FluxSettings(
        gitops.str("repository").orElse(""),
        gitops.str("branch").orElse("main"),
        TreePath.of(cluster),
        interval,
        gitops.str("decryption").orElse(DEFAULT_DECRYPTION_SECRET),
        gitops.str("secret").orElse(null)));
  }

  /** Where the tree goes in the repository when {@code path} is not written. */
  public static String defaultPath(String clusterName) {
    return TreePath.of(clusterName, null);
  }
}
