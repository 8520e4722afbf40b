package dev.clusterc.runtime.model;

/**
 * The kinds the runtime treats specially, said once: CRDs and Namespaces are applied first and waited
 * for, claims and volumes hold data, and none of these four is ever deleted to be re-created (deleting a
 * CRD deletes every custom resource of its kind, a Namespace everything in it, a claim or volume its
 * data). Also the one field manager clusterc writes as, and the annotations of {@code apply --watch}.
 */
public final class Kinds {
  /** The field manager of every server-side apply clusterc sends. */
  public static final String FIELD_MANAGER = "clusterc";

  /**
   * On an object: the source revision (a Git commit, or {@code sha256:…} of a directory) that last
   * changed it; on the ApplySet parent: the revision applied last. A plan treats a differing value
   * alone as no change, so a new revision writes only the objects it changes.
   */
  public static final String REVISION = "clusterc.dev/revision";

  /** On the ApplySet parent: {@code "true"} suspends {@code apply --watch} (nothing applied or healed). */
  public static final String SUSPEND = "clusterc.dev/suspend";

  /**
   * On an object: JSON pointers (RFC 6901), one a line or comma-separated, excluded from drift
   * detection; the live value of such a path is kept when the object is applied again.
   */
  public static final String DRIFT_IGNORE = "clusterc.dev/drift-ignore";

  private static final String CRD_GROUP = "apiextensions.k8s.io";

  private Kinds() {}

  public static boolean isCrd(ObjectId id) {
    return id.group().equals(CRD_GROUP) && id.kind().equals("CustomResourceDefinition");
  }

  public static boolean isNamespace(ObjectId id) {
    return id.group().isEmpty() && id.kind().equals("Namespace");
  }

  public static boolean isClaim(ObjectId id) {
    return id.group().isEmpty() && id.kind().equals("PersistentVolumeClaim");
  }

  public static boolean isVolume(ObjectId id) {
    return id.group().isEmpty() && id.kind().equals("PersistentVolume");
  }

  /** Claims, volumes, CRDs and Namespaces: refused whatever the flags when a change needs a re-create. */
  public static boolean neverRecreated(ObjectId id) {
    return isClaim(id) || isVolume(id) || isCrd(id) || isNamespace(id);
  }

  /** Why {@code id} is never re-created, for the refusal message; see {@link #neverRecreated}. */
  public static String whyNeverRecreated(ObjectId id) {
    if (isCrd(id)) {
      return "deleting a CustomResourceDefinition deletes every custom resource of its kind, ours or not";
    }
    if (isNamespace(id)) {
      return "deleting a Namespace deletes everything in it";
    }
    return "it holds data";
  }
}
