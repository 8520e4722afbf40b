package dev.clusterc.runtime.watch;

import java.util.List;

// placeholder until merge
/** What a watching reconciler has done so far (placeholder with the agreed signature). */
public record WatchStatus(String appliedRevision, String pendingRevision, String lastError, List<String> rejected,
    boolean suspended, int objects, boolean synced) {}
