package dev.clusterc.runtime.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a workload that is still not healthy has pods that are not ready, in the words of the one who
 * knows: the scheduler ({@code Unschedulable: 0/3 nodes are available: …}) or the kubelet (a
 * container waiting in {@code ImagePullBackOff}). A workload's own status only counts replicas
 * ("0 of 1 available"); this names the cause, for the message of a wait that timed out or failed.
 * Read once, at the end of a wait; a hint that cannot be read is left out, never an error.
 */
public final class PodHints {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  private PodHints() {}

  /** The first pod of {@code workload} that is not ready, and why, e.g. {@code pod web/web-5d8-x2: Unschedulable: …}. */
  public static Optional<String> of(KubernetesClient client, GenericKubernetesResource workload) {
    Map<String, String> selector = selector(workload);
    String namespace = workload.getMetadata().getNamespace();
    if (selector.isEmpty() || namespace == null) {
      return Optional.empty();
    }
    try {
      List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
      return pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName()))
          .map(pod -> why(pod).map(why -> "pod " + namespace + "/" + pod.getMetadata().getName() + ": " + why))
          .flatMap(Optional::stream).findFirst();
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
  }

  /** The labels that select the workload's pods: its {@code matchLabels}; a Job's own name label. */
  private static Map<String, String> selector(GenericKubernetesResource workload) {
    if (!WORKLOADS.contains(workload.getKind())) {
      return Map.of();
    }
    if ("Job".equals(workload.getKind())) {
      return Map.of("batch.kubernetes.io/job-name", workload.getMetadata().getName());
    }
    Object labels = workload.get("spec", "selector", "matchLabels");
    if (!(labels instanceof Map<?, ?> map) || map.isEmpty()) {
      return Map.of();
    }
    java.util.TreeMap<String, String> selector = new java.util.TreeMap<>();
    map.forEach((key, value) -> selector.put(String.valueOf(key), String.valueOf(value)));
    return selector;
  }

  /** Why {@code pod} is not ready, or empty when it is (or nothing says why). */
  static Optional<String> why(Pod pod) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    List<PodCondition> conditions = pod.getStatus().getConditions() == null ? List.of() : pod.getStatus().getConditions();
    if (conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))) {
      return Optional.empty();
    }
    for (PodCondition condition : conditions) {
      if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
        return Optional.of(words(condition.getReason(), condition.getMessage(), "not scheduled"));
      }
    }
    List<ContainerStatus> containers = pod.getStatus().getContainerStatuses() == null ? List.of()
        : pod.getStatus().getContainerStatuses();
    for (ContainerStatus container : containers) {
      if (container.getState() != null && container.getState().getWaiting() != null) {
        return Optional.of("container " + container.getName() + " waiting: " + words(
            container.getState().getWaiting().getReason(), container.getState().getWaiting().getMessage(), "waiting"));
      }
    }
    return Optional.of("phase " + pod.getStatus().getPhase() + ", not ready");
  }

  private static String words(String reason, String message, String fallback) {
    boolean hasReason = reason != null && !reason.isBlank();
    boolean hasMessage = message != null && !message.isBlank();
    if (hasReason && hasMessage) {
      return reason + ": " + message.strip();
    }
    return hasReason ? reason : hasMessage ? message.strip() : fallback;
  }
}
