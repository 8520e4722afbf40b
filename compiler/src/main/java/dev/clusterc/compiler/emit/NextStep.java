package dev.clusterc.compiler.emit;

import java.util.List;

/**
 * Something a user still does by hand before a compiled tree runs a cluster, because it needs a
 * credential or a machine that the compiler never sees: installing Flux, handing it the age key
 * and the Git credentials, patching Talos nodes, installing Argo CD and its root Application.
 *
 * @param kind what the step is about, so a caller can drop one that is already done
 * @param what one sentence saying what to do and why
 * @param commands the commands that do it, run from the root of the Git repository (the {@code -o} directory)
 */
public record NextStep(Kind kind, String what, List<String> commands) {
  /** The steps, in the order a user takes them. */
  public enum Kind {
    /** No {@code gitops flux}: nothing in the tree deploys it. */
    NO_DEPLOYER,
    /** {@code vip … via talos}: machine-config patches for the nodes. */
    TALOS_PATCHES,
    /** {@code flux bootstrap} has not written {@code PATH/flux-system/} yet. */
    BOOTSTRAP,
    /** The GitRepository names a credentials secret that bootstrap does not create. */
    GIT_CREDENTIALS,
    /** Units include SOPS files: Flux decrypts them with an age key it must be given. */
    AGE_KEY,
    /**
     * A restic repository Secret of VolSync still lacks its password and storage keys, which only a
     * SOPS or sealed credentials secret holds: they are copied in the cluster, once.
     */
    RESTIC_KEYS,
    /** A {@code store}'s config reads its own credentials from a Secret that nothing in the tree creates. */
    STORE_CREDENTIALS,
    /** {@code replicate … via syncthing}: the two ReplicationSources learn each other's device ID once running. */
    SYNCTHING_PEERS,
    /** {@code gitops clusterc}: the sources pushed, the Git credentials created, the first apply by hand. */
    IN_CLUSTER_RUNTIME,
    /** {@code gitops argocd}: Argo CD is not installed yet. */
    ARGOCD_INSTALL,
    /** {@code gitops argocd}: Argo CD waits for a wave of Applications only with a health check for Applications. */
    ARGOCD_HEALTH,
    /** {@code gitops argocd}: the root Application is applied once by hand. */
    ARGOCD_ROOT
  }

  public NextStep {
    commands = List.copyOf(commands);
  }
}
