package dev.clusterc.runtime.status;

/**
 * How far an object on the cluster is from what it was asked to be, in kstatus's terms: the
 * vocabulary Flux, kpt and kubectl's wait share, so a user who knows one of them reads ours.
 */
public enum Status {
  /** Its controller has not yet reached the desired state (rolling out, scheduling, binding). */
  IN_PROGRESS("InProgress"),
  /** Its controller gave up or reports an error that waiting will not fix. */
  FAILED("Failed"),
  /** The desired state is reached and observed: dependents may rely on it. */
  CURRENT("Current"),
  /** It carries a deletionTimestamp: it is going away. */
  TERMINATING("Terminating"),
  /** The cluster has no such object (yet). */
  NOT_FOUND("NotFound"),
  /** Its status cannot be read or makes no sense (an unknown Pod phase, a failed request). */
  UNKNOWN("Unknown");

  private final String text;

  Status(String text) {
    this.text = text;
  }

  /** The name kstatus prints, e.g. {@code InProgress}: what events and JSON output carry. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
