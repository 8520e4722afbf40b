package dev.clusterc.compiler.emit.argocd;

/**
 * A merge patch for Argo CD's {@code argocd-cm} that gives Applications a health of their own: the
 * health the Application reports in its status. Argo CD dropped that check in 1.8, so without it the
 * root Application counts a child as healthy as soon as it exists and starts the next sync wave at
 * once; with it, a wave waits until its units are healthy, as Flux's {@code dependsOn} does. The
 * patch is written beside the root Application and applied by hand (the ConfigMap is Argo CD's own).
 */
public final class HealthPatch {
  /** Where the patch is written in the tree. */
  public static final String FILE = ArgoCdSettings.DIR + "/argocd-cm-patch.yaml";

  /** The {@code argocd-cm} key Argo CD reads a custom health check of {@code argoproj.io/Application} from. */
  static final String KEY = "resource.customizations.health.argoproj.io_Application";

  private HealthPatch() {}

  /** The patch: the Lua check reads {@code status.health}, and reports Progressing until it is there. */
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
        """.formatted(KEY);
  }
}
