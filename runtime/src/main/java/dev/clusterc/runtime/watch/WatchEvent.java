package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.model.ObjectId;
import java.time.Duration;
import java.util.List;

/**
 * What a watching reconciler reports besides the runs' own {@code RunEvent}s: what logs, metrics and
 * the Kubernetes Events on the ApplySet parent are made of. Never carries a Secret's data.
 */
public sealed interface WatchEvent {

  /** A revision of the source does not check: nothing of it is applied, the last good state stays. */
  record SourceRejected(String revision, List<String> diagnostics) implements WatchEvent {}

  /** The source could not be read (a remote unreachable, credentials refused); tried again after {@code retryIn}. */
  record SourceUnavailable(String origin, String reason, Duration retryIn) implements WatchEvent {}

  /** A revision was applied to the cluster (only what changed), or failed and is tried again on the next tick. */
  record Reconciled(String revision, int created, int configured, int unchanged, int pruned, boolean ok,
      String error, Duration took) implements WatchEvent {}

  /** An out-of-band change to fields clusterc owns was undone; {@code latency} from the change seen to healed. */
  record DriftHealed(ObjectId object, String fields, String manager, Duration latency) implements WatchEvent {}

  /** A managed object deleted by someone else was created again. */
  record Recreated(ObjectId object, Duration latency) implements WatchEvent {}

  /** An object keeps drifting (a controller or webhook rewrites it): healing waits {@code retryIn}. */
  record HealBackOff(ObjectId object, String fields, String manager, int attempts, Duration retryIn)
      implements WatchEvent {}

  /** Healing an object failed (the API server refused it); tried again on the next tick. */
  record HealFailed(ObjectId object, String reason) implements WatchEvent {}

  /**
   * A resync could not list the objects of one kind ({@code Kind.group}); none of them was compared,
   * and the next resync tries again.
   */
  record ResyncFailed(String kind, String reason) implements WatchEvent {}

  /** The cluster was suspended or resumed (the flag on the ApplySet parent). */
  record Suspension(boolean suspended) implements WatchEvent {}

  /** How many objects the reconciler manages now. */
  record Managed(int objects) implements WatchEvent {}

  /** This process started or stopped leading (leader election through a Lease). */
  record Leadership(boolean leading, String identity) implements WatchEvent {}
}
