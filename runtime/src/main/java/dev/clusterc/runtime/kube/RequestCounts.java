package dev.clusterc.runtime.kube;

/**
 * How many HTTP requests a connection sent so far: all of them, the writes among them (POST, PUT,
 * PATCH or DELETE that change the cluster) and the dry runs (the same methods with
 * {@code dryRun=All}, which change nothing). Subtract two snapshots to count one operation.
 */
public record RequestCounts(long requests, long writes, long dryRuns) {

  /** What was sent between {@code earlier} and this snapshot. */
  public RequestCounts minus(RequestCounts earlier) {
    return new RequestCounts(requests - earlier.requests, writes - earlier.writes, dryRuns - earlier.dryRuns);
  }
}
