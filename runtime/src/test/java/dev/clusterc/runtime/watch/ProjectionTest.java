package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  private static GenericKubernetesResource object(String yaml) {
    return Manifests.parse(yaml).get(0);
  }

  private static final GenericKubernetesResource DESIRED = object("""
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {app: web}
        annotations: {owner: team-a, clusterc.dev/revision: abc}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - {name: web, image: "nginx:1", args: [a, b]}
            - {name: proxy, image: "envoy:1"}
      """);

  private static final GenericKubernetesResource LIVE = object("""
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        uid: 1234
        resourceVersion: "77"
        generation: 3
        labels: {app: web, extra: x}
        annotations: {owner: team-a, clusterc.dev/revision: def, deployment.kubernetes.io/revision: "2"}
        managedFields: [{manager: clusterc, operation: Apply}]
      spec:
        replicas: 2
        progressDeadlineSeconds: 600
        template:
          spec:
            containers:
            - {name: injected, image: "sidecar:1"}
            - {name: proxy, image: "envoy:1", imagePullPolicy: IfNotPresent}
            - {name: web, image: "nginx:1", args: [a, b], terminationMessagePath: /dev/x}
      status: {replicas: 2, readyReplicas: 1}
      """);

  @Test
  void keepsOnlyThePathsTheDesiredObjectHas() {
    Map<String, Object> projected = Projection.of(DESIRED, LIVE);
    assertEquals(Map.of(
        "metadata", Map.of("labels", Map.of("app", "web"), "annotations", Map.of("owner", "team-a")),
        "spec", Map.of("replicas", 2, "template", Map.of("spec", Map.of("containers", List.of(
            Map.of("name", "web", "image", "nginx:1", "args", List.of("a", "b")),
            Map.of("name", "proxy", "image", "envoy:1")))))), projected);
  }

  /** A copy of {@code object} with the value at {@code pointer} (existing parents) set. */
  @SuppressWarnings("unchecked")
  static GenericKubernetesResource with(GenericKubernetesResource object, String pointer, Object value) {
    Map<String, Object> tree = Projection.tree(object);
    String[] tokens = pointer.substring(1).split("/");
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = tokens[i].replace("~1", "/").replace("~0", "~");
    }
    Object parent = tree;
    for (int i = 0; i < tokens.length - 1; i++) {
      parent = parent instanceof List<?> list ? list.get(Integer.parseInt(tokens[i]))
          : ((Map<String, Object>) parent).get(tokens[i]);
    }
    String last = tokens[tokens.length - 1];
    if (parent instanceof List<?> list) {
      ((List<Object>) list).set(Integer.parseInt(last), value);
    } else {
      ((Map<String, Object>) parent).put(last, value);
    }
    return Serialization.jsonMapper().convertValue(tree, GenericKubernetesResource.class);
  }

  @Test
  void aChangedFieldOfOursIsADifferenceAtItsPath() {
    GenericKubernetesResource scaled = with(with(LIVE, "/spec/replicas", 5),
        "/spec/template/spec/containers/2/image", "nginx:2");
    List<String> differences = Projection.differences(Projection.of(DESIRED, LIVE), Projection.of(DESIRED, scaled));
    assertEquals(List.of("/spec/replicas", "/spec/template/spec/containers/0/image"), differences);
  }

  @Test
  void aRemovedLabelAndAMissingContainerAreDifferences() {
    Map<String, Object> baseline = Projection.of(DESIRED, LIVE);
    GenericKubernetesResource changed = object("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, annotations: {owner: team-a}}
        spec:
          replicas: 2
          template:
            spec:
              containers:
              - {name: web, image: "nginx:1", args: [a, b]}
        """);
    assertEquals(List.of("/metadata/labels/app", "/spec/template/spec/containers/1"),
        Projection.differences(baseline, Projection.of(DESIRED, changed)));
  }

  @Test
  void theRevisionAnnotationAndServerBookkeepingAreNoDifference() {
    GenericKubernetesResource later = with(with(with(with(LIVE, "/metadata/annotations/clusterc.dev~1revision", "ghi"),
        "/metadata/resourceVersion", "78"), "/status/readyReplicas", 2), "/metadata/labels/other", "y");
    assertEquals(List.of(), Projection.differences(Projection.of(DESIRED, LIVE), Projection.of(DESIRED, later)));
  }

  @Test
  void aSecretsStringDataIsComparedAsTheDataItBecomes() {
    GenericKubernetesResource desired = object("""
        {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: n}, stringData: {password: hunter2}}
        """);
    GenericKubernetesResource live = object("""
        {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: n}, type: Opaque,
         data: {password: aHVudGVyMg==, other: eA==}}
        """);
    GenericKubernetesResource changed = object("""
        {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: n}, data: {password: eA==}}
        """);
    assertEquals(Map.of("data", Map.of("password", "aHVudGVyMg==")), Projection.of(desired, live));
    assertEquals(List.of("/data/password"),
        Projection.differences(Projection.of(desired, live), Projection.of(desired, changed)));
  }

  @Test
  void pathsAreEscapedAsJsonPointers() {
    assertEquals(List.of("/metadata/annotations/example.com~1a~0b"), Projection.differences(
        Map.of("metadata", Map.of("annotations", Map.of("example.com/a~b", "1"))),
        Map.of("metadata", Map.of("annotations", Map.of("example.com/a~b", "2")))));
  }

  @Test
  void numbersCompareByValue() {
    assertEquals(List.of(), Projection.differences(Map.of("spec", Map.of("replicas", 2)),
        Map.of("spec", Map.of("replicas", 2L))));
  }

  @Test
  void nothingLiveProjectsToNothing() {
    assertEquals(Map.of(), Projection.of(DESIRED, null));
  }
}
