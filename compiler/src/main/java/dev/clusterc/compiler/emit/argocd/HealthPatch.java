package dev.clusterc.compiler.emit.argocd;

/**
 * A merge patch for Argo CD's {@code argocd-cm} that gives Applications a health of their own: the
 * health the Application reports in its status. Argo CD dropped that check in 1.8, so without it the
 * root Application counts a child as healthy as soon as it exists and starts the next sync wave at
 * once; with it, a wave waits until its units are healthy, as Flux's {@code dependsOn} does. The
 * patch is written beside the root Application and applied by hand (the ConfigMap is Argo CD's own).
 *
 * <p>It also counts a Pending claim as healthy. Argo CD reports one as Progressing, but a claim of a
 * {@code WaitForFirstConsumer} class (k3s' {@code local-path}, most CSI drivers) stays Pending until a
 * pod mounts it, and that pod is in a later wave: the root would wait forever. Flux's health checks
 * leave claims out for the same reason ({@code HealthGates}).
 */
public final class HealthPatch {
  /** Where the patch is written in the tree. */
  public static final String FILE = ArgoCdSettings.DIR + "/argocd-cm-patch.yaml";

  /** The {@code argocd-cm} key Argo CD reads a custom health check of {@code argoproj.io/Application} from. */
  static final String KEY = "resource.customizations.health.argoproj.io_Application";

  /** The {@code argocd-cm} key of a custom health check of the core group's {@code PersistentVolumeClaim}. */
  static final String CLAIM_KEY = "resource.customizations.health.PersistentVolumeClaim";

  private HealthPatch() {}

  /**
   * The patch: the Application check reads {@code status.health}, and reports Progressing until it is
   * there; the claim check reports Healthy unless the claim's volume is lost.
   */
  public static String text() {
    return """
        # Merge patch for argocd-cm, written by clusterc: the root Application waits for each sync wave
        # of Applications to be healthy only when Argo CD can tell an Application's health.
        data:
          %s: |
            local result = { status = "Progressing", message = "waiting for the Application to report its health" }
            if obj.status ~= nil and obj.status.health ~= nil and obj.status.health.status ~= nil then
              result.status = obj.status.health.status
              result.message = obj.status.health.message or ""
            end
            return result
          %s: |
            local result = { status = "Healthy", message = "bound" }
            if obj.status == nil or obj.status.phase == nil or obj.status.phase == "Pending" then
              result.message = "pending: bound when its first pod is scheduled"
            elseif obj.status.phase == "Lost" then
              result = { status = "Degraded", message = "its volume is lost" }
            end
            return result
        """.formatted(KEY, CLAIM_KEY);
  }
}
