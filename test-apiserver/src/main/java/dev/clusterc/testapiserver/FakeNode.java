package dev.clusterc.testapiserver;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * The one Node of a {@link TestCluster}, kept alive by kwok: annotated so kwok manages it, with
 * room for about a hundred pods, and no taint, so pods need no toleration to land on it.
 */
final class FakeNode {

  /** The node's name. */
  static final String NAME = "kwok-node-0";
  /** The annotation kwok selects its nodes by, and its value. */
  static final String ANNOTATION = "kwok.x-k8s.io/node";
  static final String FAKE = "fake";

  private FakeNode() {}

  static Node create(KubernetesClient client) {
    Map<String, Quantity> resources = Map.of(
        "cpu", new Quantity("32"),
        "memory", new Quantity("256Gi"),
        "pods", new Quantity("110"));
    Node node = new NodeBuilder()
        .withNewMetadata()
          .withName(NAME)
          .withAnnotations(Map.of(ANNOTATION, FAKE))
          .withLabels(Map.of("kubernetes.io/hostname", NAME, "kubernetes.io/os", "linux",
              "kubernetes.io/arch", "amd64", "type", "kwok"))
        .endMetadata()
        .withNewStatus()
          .withAllocatable(resources)
          .withCapacity(resources)
        .endStatus()
        .build();
    return client.nodes().resource(node).create();
  }

  /**
   * Ready, and without the not-ready or unreachable taints the node lifecycle controller puts on
   * a node until it is Ready (the scheduler would keep pods off it until they go).
   */
  static boolean isReady(Node node) {
    if (node == null || node.getStatus() == null || node.getStatus().getConditions() == null) {
      return false;
    }
    boolean ready = node.getStatus().getConditions().stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .map(NodeCondition::getStatus)
        .anyMatch("True"::equals);
    List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null
        ? List.of() : node.getSpec().getTaints();
    return ready && taints.stream().map(Taint::getKey)
        .noneMatch(key -> key.startsWith("node.kubernetes.io/"));
  }
}
