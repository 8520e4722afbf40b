package dev.clusterc.runtime.watch;

import java.util.List;

/**
 * Where a watching reconciler stands, for the status endpoint and readiness.
 *
 * @param appliedRevision the revision applied last with success, or {@code null} before the first
 * @param pendingRevision the newest revision submitted and not applied yet (waiting, failing or
 *     suspended), or {@code null} when there is none
 * @param lastError why the last reconcile failed, or {@code null} when it did not
 * @param rejected the diagnostics of the newest revision that did not check, until a newer one is
 *     submitted; empty when none
 * @param suspended whether the cluster's parent says suspended
 * @param objects how many objects are managed
 * @param synced whether the newest submitted revision is applied and nothing failed since
 */
public record WatchStatus(String appliedRevision, String pendingRevision, String lastError, List<String> rejected,
    boolean suspended, int objects, boolean synced) {
  public WatchStatus {
    rejected = List.copyOf(rejected);
  }
}
