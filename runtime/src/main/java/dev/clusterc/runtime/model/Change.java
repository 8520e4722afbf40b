package dev.clusterc.runtime.model;

/** What a plan or an apply does to one object. */
public enum Change {
  /** Not on the cluster: created. */
  CREATED,
  /** On the cluster with other values in the fields clusterc manages: applied. */
  CONFIGURED,
  /** On the cluster as wanted: nothing is sent. */
  UNCHANGED,
  /** An immutable field changed: deleted and created again (only when forced). */
  RECREATED,
  /** Recorded in the inventory, no longer wanted: deleted. */
  PRUNED,
  /** No longer wanted, but kept: it holds data, or it is not ours any more. */
  KEPT;

  /** Whether the cluster is written for it. */
  public boolean writes() {
    return this != UNCHANGED && this != KEPT;
  }
}
