package dev.clusterc.runtime.watch;

/** The annotations {@code apply --watch} reads and writes, said once. */
public final class WatchKeys {
  /**
   * On each object: the source revision that last changed it; on the ApplySet parent: the revision
   * applied last. Never a change by itself (a differing revision alone is noise, like managedFields).
   */
  public static final String REVISION = "clusterc.dev/revision";
  /** On the ApplySet parent: {@code "true"} suspends applying and healing. */
  public static final String SUSPEND = "clusterc.dev/suspend";
  /**
   * On an object: JSON pointers (RFC 6901), one per line or comma-separated, left out of drift
   * detection; when the object is applied again, the live value of each replaces the desired one.
   */
  public static final String DRIFT_IGNORE = "clusterc.dev/drift-ignore";

  private WatchKeys() {}
}
