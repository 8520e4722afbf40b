package dev.clusterc.runtime.status;

import static dev.clusterc.runtime.status.Status.CURRENT;
import static dev.clusterc.runtime.status.Status.FAILED;
import static dev.clusterc.runtime.status.Status.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for Deployments, StatefulSets, DaemonSets and ReplicaSets, with cases mirroring kstatus's tables. */
class WorkloadStatusTest {

  static List<StatusCase> deployments() {
    String head = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop, generation: 1}\n";
    String rolledOut = "status:\n  observedGeneration: 1\n  replicas: 1\n  updatedReplicas: 1\n  readyReplicas: 1\n"
        + "  availableReplicas: 1\n  conditions:\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "0 of 1 replicas created", head),
        StatusCase.of("rolled out", CURRENT, "1 of 1 replicas available", head + rolledOut
            + "  - {type: Progressing, status: 'True', reason: NewReplicaSetAvailable}\n"
            + "  - {type: Available, status: 'True'}\n"),
        StatusCase.of("not progressing under a deadline", IN_PROGRESS, "new ReplicaSet",
            head + "spec: {progressDeadlineSeconds: 45}\n" + rolledOut
                + "  - {type: Progressing, status: 'False', reason: SomeReason}\n"
                + "  - {type: Available, status: 'True'}\n"),
        StatusCase.of("no progress deadline", CURRENT, "", head + rolledOut + "  - {type: Available, status: 'True'}\n"),
        StatusCase.of("not available", IN_PROGRESS, "condition Available is not True", head + rolledOut
            + "  - {type: Progressing, status: 'True', reason: NewReplicaSetAvailable}\n"
            + "  - {type: Available, status: 'False'}\n"),
        StatusCase.of("progress deadline exceeded", FAILED, "progress deadline exceeded", head
            + "spec: {replicas: 3}\nstatus:\n  observedGeneration: 1\n  replicas: 3\n  updatedReplicas: 1\n"
            + "  conditions:\n  - {type: Progressing, status: 'False', reason: ProgressDeadlineExceeded,"
            + " message: 'ReplicaSet web-5d has timed out progressing.'}\n"),
        StatusCase.of("rolling", IN_PROGRESS, "2 of 3 replicas updated", head
            + "spec: {replicas: 3}\nstatus: {observedGeneration: 1, replicas: 3, updatedReplicas: 2}\n"),
        StatusCase.of("old pods left", IN_PROGRESS, "1 old replica still running until the updated ones are available", head
            + "spec: {replicas: 2}\nstatus: {observedGeneration: 1, replicas: 3, updatedReplicas: 2}\n"),
        StatusCase.of("updated but not available", IN_PROGRESS, "1 of 2 updated replicas available", head
            + "spec: {replicas: 2}\nstatus: {observedGeneration: 1, replicas: 2, updatedReplicas: 2,"
            + " availableReplicas: 1}\n"),
        StatusCase.of("generation not observed", IN_PROGRESS, "observedGeneration 3 behind generation 4",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, generation: 4}\n"
                + "status: {observedGeneration: 3}\n"));
  }

  static List<StatusCase> statefulSets() {
    String head = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: data, generation: 1}\n";
    String four = "spec: {replicas: 4}\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "0 of 1 replicas created", head),
        StatusCase.of("bad status", IN_PROGRESS, "", head + "status: {observedGeneration: 1, currentReplicas: 1}\n"),
        StatusCase.of("ready", CURRENT, "4 of 4 replicas ready", head + four
            + "status: {observedGeneration: 1, currentReplicas: 4, readyReplicas: 4, replicas: 4}\n"),
        StatusCase.of("less ready", IN_PROGRESS, "2 of 4 replicas ready", head + four
            + "status: {observedGeneration: 1, currentReplicas: 4, readyReplicas: 2, replicas: 4}\n"),
        StatusCase.of("less current", IN_PROGRESS, "2 of 4 replicas at the current revision", head + four
            + "status: {observedGeneration: 1, currentReplicas: 2, readyReplicas: 4, replicas: 4}\n"),
        StatusCase.of("extra pods", IN_PROGRESS, "4 old replicas still terminating", head + four
            + "status: {observedGeneration: 1, currentReplicas: 4, readyReplicas: 4, replicas: 8}\n"),
        StatusCase.of("on delete", CURRENT, "OnDelete", head + "spec: {updateStrategy: {type: OnDelete}}\n"),
        StatusCase.of("partition rolling", IN_PROGRESS, "0 of 1 replicas above partition 3 updated", head
            + "spec: {replicas: 4, updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 3}}}\n"
            + "status: {observedGeneration: 1, readyReplicas: 4, replicas: 4}\n"),
        StatusCase.of("partition done", CURRENT, "partition 3", head
            + "spec: {replicas: 4, updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 3}}}\n"
            + "status: {observedGeneration: 1, readyReplicas: 4, replicas: 4, updatedReplicas: 1}\n"),
        StatusCase.of("revision not rolled out", IN_PROGRESS, "revision db-2 not yet rolled out", head + four
            + "status: {observedGeneration: 1, currentReplicas: 4, readyReplicas: 4, replicas: 4,"
            + " currentRevision: db-1, updateRevision: db-2}\n"));
  }

  static List<StatusCase> daemonSets() {
    String head = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, namespace: ops, generation: 1}\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "has not seen it", head),
        StatusCase.of("bad status", IN_PROGRESS, "desiredNumberScheduled", head
            + "status: {observedGeneration: 1, currentReplicas: 1}\n"),
        StatusCase.of("ready", CURRENT, "4 of 4 pods ready", head + "status: {desiredNumberScheduled: 4,"
            + " currentNumberScheduled: 4, updatedNumberScheduled: 4, numberAvailable: 4, numberReady: 4,"
            + " observedGeneration: 1}\n"),
        StatusCase.of("different generation", IN_PROGRESS, "observedGeneration 1 behind generation 2",
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent, generation: 2}\n"
                + "status: {desiredNumberScheduled: 4, currentNumberScheduled: 4, updatedNumberScheduled: 4,"
                + " numberAvailable: 4, numberReady: 4, observedGeneration: 1}\n"),
        StatusCase.of("less ready", IN_PROGRESS, "2 of 4 pods ready", head + "status: {observedGeneration: 1,"
            + " desiredNumberScheduled: 4, currentNumberScheduled: 4, updatedNumberScheduled: 4,"
            + " numberAvailable: 4, numberReady: 2}\n"),
        StatusCase.of("less available", IN_PROGRESS, "2 of 4 pods available", head + "status: {observedGeneration: 1,"
            + " desiredNumberScheduled: 4, currentNumberScheduled: 4, updatedNumberScheduled: 4,"
            + " numberAvailable: 2, numberReady: 4}\n"),
        StatusCase.of("no generation", IN_PROGRESS, "metadata.generation",
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\n"));
  }

  static List<StatusCase> replicaSets() {
    String head = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-1, namespace: shop, generation: 1}\n";
    return List.of(
        StatusCase.of("no status", IN_PROGRESS, "0 of 1 replicas fully labelled", head),
        StatusCase.of("ready with a false failure condition", CURRENT, "2 of 2", head + "spec: {replicas: 2}\n"
            + "status:\n  observedGeneration: 1\n  replicas: 2\n  readyReplicas: 2\n  availableReplicas: 2\n"
            + "  fullyLabeledReplicas: 2\n  conditions:\n  - {type: ReplicaFailure, status: 'False'}\n"),
        StatusCase.of("ready", CURRENT, "2 of 2", head + "spec: {replicas: 2}\nstatus: {observedGeneration: 1,"
            + " replicas: 2, readyReplicas: 2, availableReplicas: 2, fullyLabeledReplicas: 2}\n"),
        StatusCase.of("less ready", IN_PROGRESS, "2 of 4 replicas ready", head + "spec: {replicas: 4}\n"
            + "status: {observedGeneration: 1, replicas: 4, readyReplicas: 2, availableReplicas: 4,"
            + " fullyLabeledReplicas: 4}\n"),
        StatusCase.of("less available", IN_PROGRESS, "2 of 4 replicas available", head + "spec: {replicas: 4}\n"
            + "status: {observedGeneration: 1, replicas: 4, readyReplicas: 4, availableReplicas: 2,"
            + " fullyLabeledReplicas: 4}\n"),
        StatusCase.of("replica failure", IN_PROGRESS, "condition ReplicaFailure=True: pods \"x\" is forbidden", head
            + "spec: {replicas: 4}\nstatus:\n  observedGeneration: 1\n  replicas: 4\n  readyReplicas: 4\n"
            + "  fullyLabeledReplicas: 4\n  availableReplicas: 4\n  conditions:\n"
            + "  - {type: ReplicaFailure, status: 'True', reason: FailedCreate, message: 'pods \"x\" is forbidden'}\n"));
  }

  @ParameterizedTest(name = "Deployment: {0}")
  @MethodSource("deployments")
  void deployment(StatusCase row) {
    check(row);
  }

  @ParameterizedTest(name = "StatefulSet: {0}")
  @MethodSource("statefulSets")
  void statefulSet(StatusCase row) {
    check(row);
  }

  @ParameterizedTest(name = "DaemonSet: {0}")
  @MethodSource("daemonSets")
  void daemonSet(StatusCase row) {
    check(row);
  }

  @ParameterizedTest(name = "ReplicaSet: {0}")
  @MethodSource("replicaSets")
  void replicaSet(StatusCase row) {
    check(row);
  }

  static void check(StatusCase row) {
    StatusResult result = row.compute();
    assertEquals(row.expected(), result.status(), () -> row.name() + ": " + result);
    assertTrue(result.message().contains(row.messagePart()),
        () -> row.name() + ": message '" + result.message() + "' lacks '" + row.messagePart() + "'");
  }
}
