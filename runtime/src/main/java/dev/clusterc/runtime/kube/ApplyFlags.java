package dev.clusterc.runtime.kube;

/**
 * What an apply may override.
 *
 * @param forceConflicts take over fields another field manager owns ({@code --force-conflicts})
 * @param force delete and re-create an object whose immutable fields changed ({@code --force}); never
 *     a PersistentVolumeClaim or PersistentVolume, which hold data
 */
public record ApplyFlags(boolean forceConflicts, boolean force) {
  /** Overrides nothing. */
  public static final ApplyFlags NONE = new ApplyFlags(false, false);
}
