package dev.clusterc.runtime.status;

import java.util.List;
import java.util.Map;

/**
 * When a replicated workload (Deployment, StatefulSet, DaemonSet, ReplicaSet) has rolled out: as
 * many replicas as asked exist, run the latest template and are ready, and none are left over.
 * Each check names the first count that falls short, so the message says what is still missing.
 */
final class WorkloadRules {
  /** What the deployment controller means by "no progress deadline" (the field unset or at its maximum). */
  private static final long NO_DEADLINE = Integer.MAX_VALUE;

  private WorkloadRules() {}

  /** Deployment: replicas created, updated, available and ready; Failed once its progress deadline passed. */
  static StatusResult deployment(Map<?, ?> object) {
    boolean newReplicaSetAvailable = Fields.whole(object, NO_DEADLINE, "spec", "progressDeadlineSeconds") == NO_DEADLINE;
    boolean available = false;
    for (Condition condition : Condition.of(object)) {
      if (condition.type().equals("Progressing")) {
        if (condition.reason().equals("ProgressDeadlineExceeded")) {
          return StatusResult.failed("ProgressDeadlineExceeded", "rollout stuck: progress deadline exceeded"
              + (condition.message().isEmpty() ? "" : " (" + condition.message() + ")"));
        }
        newReplicaSetAvailable |= condition.isTrue() && condition.reason().equals("NewReplicaSetAvailable");
      } else if (condition.type().equals("Available")) {
        available |= condition.isTrue();
      }
    }
    long wanted = Fields.whole(object, 1, "spec", "replicas");
    long replicas = Fields.whole(object, 0, "status", "replicas");
    long updated = Fields.whole(object, 0, "status", "updatedReplicas");
    long ready = Fields.whole(object, 0, "status", "readyReplicas");
    long availableReplicas = Fields.whole(object, 0, "status", "availableReplicas");
    StatusResult shortfall = firstShortfall(List.of(
        new Count("TooFewReplicas", "replicas created", replicas, wanted),
        new Count("TooFewUpdated", "replicas updated", updated, wanted)));
    if (shortfall != null) {
      return shortfall;
    }
    if (replicas > wanted) {
      // a Deployment's replicas count the old ReplicaSets' pods, which stay until the new ones are available
      long old = replicas - wanted;
      return StatusResult.inProgress("ExtraPods", old + (old == 1 ? " old replica" : " old replicas")
          + " still running until the updated ones are available");
    }
    shortfall = firstShortfall(List.of(
        new Count("TooFewAvailable", "updated replicas available", availableReplicas, updated),
        new Count("TooFewReady", "replicas ready", ready, wanted)));
    if (shortfall != null) {
      return shortfall;
    }
    if (!newReplicaSetAvailable) {
      return StatusResult.inProgress("NewReplicaSetNotAvailable",
          "the new ReplicaSet is not reported available yet (condition Progressing has no reason NewReplicaSetAvailable)");
    }
    if (!available) {
      return StatusResult.inProgress("DeploymentNotAvailable", "condition Available is not True");
    }
    return StatusResult.current(replicas + " of " + wanted + " replicas available");
  }

  /** StatefulSet: replicas exist, are ready and current (or updated up to the partition); OnDelete is left to the user. */
  static StatusResult statefulSet(Map<?, ?> object) {
    if (Fields.string(object, "", "spec", "updateStrategy", "type").equals("OnDelete")) {
      return StatusResult.current("update strategy OnDelete: pods are replaced by hand, nothing to wait for");
    }
    long wanted = Fields.whole(object, 1, "spec", "replicas");
    long replicas = Fields.whole(object, 0, "status", "replicas");
    long ready = Fields.whole(object, 0, "status", "readyReplicas");
    long current = Fields.whole(object, 0, "status", "currentReplicas");
    long updated = Fields.whole(object, 0, "status", "updatedReplicas");
    long partition = Fields.whole(object, -1, "spec", "updateStrategy", "rollingUpdate", "partition");
    StatusResult shortfall = firstShortfall(List.of(
        new Count("TooFewReplicas", "replicas created", replicas, wanted),
        new Count("TooFewReady", "replicas ready", ready, wanted)));
    if (shortfall != null) {
      return shortfall;
    }
    if (replicas > wanted) {
      return extraPods(replicas - wanted);
    }
    if (partition != -1) {
      long toUpdate = wanted - partition;
      if (updated < toUpdate) {
        return StatusResult.inProgress("PartitionRollout", updated + " of " + toUpdate
            + " replicas above partition " + partition + " updated");
      }
      return StatusResult.current("rollout up to partition " + partition + " done: " + updated + " updated");
    }
    if (current < wanted) {
      return StatusResult.inProgress("TooFewCurrent", current + " of " + wanted + " replicas at the current revision");
    }
    String currentRevision = Fields.string(object, "", "status", "currentRevision");
    String updateRevision = Fields.string(object, "", "status", "updateRevision");
    if (!currentRevision.equals(updateRevision)) {
      return StatusResult.inProgress("RevisionMismatch",
          "revision " + updateRevision + " not yet rolled out (current " + currentRevision + ")");
    }
    return StatusResult.current(replicas + " of " + wanted + " replicas ready");
  }

  /** DaemonSet: seen by its controller, and its pods scheduled, updated, available and ready on every node it wants. */
  static StatusResult daemonSet(Map<?, ?> object) {
    if (Fields.whole(object, "metadata", "generation") == null) {
      return StatusResult.inProgress("NoGeneration", "metadata.generation not set yet");
    }
    if (Fields.whole(object, "status", "observedGeneration") == null) {
      return StatusResult.inProgress("NoObservedGeneration", "the DaemonSet controller has not seen it yet");
    }
    long desired = Fields.whole(object, -1, "status", "desiredNumberScheduled");
    if (desired == -1) {
      return StatusResult.inProgress("NoDesiredNumber", "status.desiredNumberScheduled not reported yet");
    }
    StatusResult shortfall = firstShortfall(List.of(
        new Count("TooFewScheduled", "pods scheduled", Fields.whole(object, 0, "status", "currentNumberScheduled"), desired),
        new Count("TooFewUpdated", "pods updated", Fields.whole(object, 0, "status", "updatedNumberScheduled"), desired),
        new Count("TooFewAvailable", "pods available", Fields.whole(object, 0, "status", "numberAvailable"), desired),
        new Count("TooFewReady", "pods ready", Fields.whole(object, 0, "status", "numberReady"), desired)));
    return shortfall != null ? shortfall : StatusResult.current(desired + " of " + desired + " pods ready");
  }

  /** ReplicaSet: no pod creation failing, and replicas labelled, available and ready, none left over. */
  static StatusResult replicaSet(Map<?, ?> object) {
    for (Condition condition : Condition.of(object)) {
      if (condition.type().equals("ReplicaFailure") && condition.isTrue()) {
        return StatusResult.inProgress("ReplicaFailure", condition.describe() + " (look at its pods and events)");
      }
    }
    long wanted = Fields.whole(object, 1, "spec", "replicas");
    long replicas = Fields.whole(object, 0, "status", "replicas");
    StatusResult shortfall = firstShortfall(List.of(
        new Count("TooFewLabelled", "replicas fully labelled", Fields.whole(object, 0, "status", "fullyLabeledReplicas"), wanted),
        new Count("TooFewAvailable", "replicas available", Fields.whole(object, 0, "status", "availableReplicas"), wanted),
        new Count("TooFewReady", "replicas ready", Fields.whole(object, 0, "status", "readyReplicas"), wanted)));
    if (shortfall != null) {
      return shortfall;
    }
    if (replicas > wanted) {
      return extraPods(replicas - wanted);
    }
    return StatusResult.current(wanted + " of " + wanted + " replicas available");
  }

  private static StatusResult extraPods(long extra) {
    return StatusResult.inProgress("ExtraPods", extra + (extra == 1 ? " old replica" : " old replicas")
        + " still terminating");
  }

  /** The first count below what it should be, as "have of want what". */
  private static StatusResult firstShortfall(List<Count> counts) {
    for (Count count : counts) {
      if (count.have < count.want) {
        return StatusResult.inProgress(count.reason, count.have + " of " + count.want + " " + count.what);
      }
    }
    return null;
  }

  private record Count(String reason, String what, long have, long want) {}
}
