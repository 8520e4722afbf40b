package dev.clusterc.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why a pod is not ready, as {@link PodHints#why} says it: the scheduler's words first, then the kubelet's. */
class PodHintsTest {

  @Test
  void anUnschedulablePodGivesTheSchedulersReasonAndMessage() {
    Pod pod = pod("""
        status:
          phase: Pending
          conditions:
          - {type: PodScheduled, status: "False", reason: Unschedulable,
             message: "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."}
        """);
    assertEquals(Optional.of("Unschedulable: 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector."),
        PodHints.why(pod));
  }

  @Test
  void aWaitingContainerGivesItsReason() {
    Pod pod = pod("""
        status:
          phase: Pending
          conditions:
          - {type: PodScheduled, status: "True"}
          - {type: Ready, status: "False"}
          containerStatuses:
          - name: web
            image: nginx:9
            imageID: ""
            ready: false
            restartCount: 0
            state: {waiting: {reason: ImagePullBackOff, message: "Back-off pulling image nginx:9"}}
        """);
    assertEquals(Optional.of("container web waiting: ImagePullBackOff: Back-off pulling image nginx:9"),
        PodHints.why(pod));
  }

  @Test
  void aReadyPodGivesNoHint() {
    Pod pod = pod("""
        status:
          phase: Running
          conditions:
          - {type: Ready, status: "True"}
        """);
    assertEquals(Optional.empty(), PodHints.why(pod));
  }

  @Test
  void aPodThatSaysNothingGivesItsPhase() {
    assertEquals(Optional.of("phase Pending, not ready"), PodHints.why(pod("status: {phase: Pending}\n")));
  }

  private static Pod pod(String status) {
    return Serialization.unmarshal("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\n" + status, Pod.class);
  }
}
