/**
 * What clusterc has put on a cluster, and taking away what is no longer wanted.
 *
 * <p>One ApplySet (KEP-3659) per cluster, kubectl-compatible: a ConfigMap parent in
 * {@code kube-system} ({@link ApplySetParent}), members labelled
 * {@code applyset.kubernetes.io/part-of} ({@link MemberLabel}). The parent also holds our own exact
 * record of every member ({@link InventoryRecords}): labels alone never decide what prune deletes,
 * because operators copy labels onto the objects they create.
 *
 * <p>The engine calls {@link ApplySetInventory}: {@code widen} before applying (old ∪ new, so an
 * interrupted apply leaks nothing), {@code prune} after a complete apply, then {@code narrow}.
 * {@link PrunePlanner} (what to delete, keep or forget, in which order) and {@link Consequences}
 * (data loss, fewer database instances, addresses moving) are pure and table-tested.
 */
package dev.clusterc.runtime.inventory;
