package dev.clusterc.runtime.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftIgnoreTest {
  private static GenericKubernetesResource object(String yaml) {
    return Manifests.parse(yaml).get(0);
  }

  private static final Map<String, Object> PROJECTION = Map.of(
      "spec", Map.of("replicas", 3),
      "metadata", Map.of("annotations", Map.of("a/b", "1")),
      "data", Map.of("x~y", "2", "ok", "3", "k", "4"));

  @Test
  void readsPointersByLineAndByComma() {
    DriftIgnore ignore = DriftIgnore.parse("/spec/replicas, /metadata/annotations/a~1b\n\n /data/x~0y \n");
    assertEquals(Map.of("spec", Map.of(), "metadata", Map.of("annotations", Map.of()),
        "data", Map.of("ok", "3", "k", "4")), ignore.strip(PROJECTION));
  }

  @Test
  void badPointersAreLeftOut() {
    DriftIgnore ignore = DriftIgnore.parse("spec/replicas,/,/data/a~2,/data/ok,/data/end~");
    assertEquals(Map.of("spec", Map.of("replicas", 3), "metadata", Map.of("annotations", Map.of("a/b", "1")),
        "data", Map.of("x~y", "2", "k", "4")), ignore.strip(PROJECTION), "only /data/ok parses");
    assertTrue(DriftIgnore.parse("spec/replicas, /").isEmpty());
  }

  @Test
  void readsTheAnnotationOfAnObject() {
    GenericKubernetesResource annotated = object("""
        {apiVersion: v1, kind: ConfigMap, metadata: {name: c, annotations: {clusterc.dev/drift-ignore: /data/k}}}
        """);
    assertEquals(Map.of("spec", Map.of("replicas", 3), "metadata", Map.of("annotations", Map.of("a/b", "1")),
        "data", Map.of("x~y", "2", "ok", "3")), DriftIgnore.of(annotated).strip(PROJECTION));
    assertTrue(DriftIgnore.of(object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}")).isEmpty());
  }

  @Test
  void stripsIgnoredPathsFromAProjectionWithUnescapedKeys() {
    Map<String, Object> projection = Map.of(
        "spec", Map.of("replicas", 3, "paused", false),
        "metadata", Map.of("annotations", Map.of("a/b", "1", "c", "2")),
        "list", List.of("x", "y"));
    DriftIgnore ignore = DriftIgnore.parse("/spec/replicas,/metadata/annotations/a~1b,/list/0,/absent/path");
    assertEquals(Map.of(
        "spec", Map.of("paused", false),
        "metadata", Map.of("annotations", Map.of("c", "2")),
        "list", List.of("y")), ignore.strip(projection));
    assertEquals(3, ((Map<?, ?>) projection.get("spec")).get("replicas"), "the projection itself is not changed");
  }

  @Test
  void respectLiveTakesTheLiveValueOfIgnoredFieldsTheDesiredSets() {
    GenericKubernetesResource desired = object("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {clusterc.dev/drift-ignore: "/spec/replicas, /spec/template/spec/containers/0/image, /spec/paused"}
        spec:
          replicas: 2
          template:
            spec:
              containers: [{name: web, image: "nginx:1"}]
        """);
    GenericKubernetesResource live = object("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 7
          paused: true
          template:
            spec:
              containers: [{name: sidecar, image: "envoy:1"}, {name: web, image: "nginx:2"}]
        """);
    GenericKubernetesResource kept = DriftIgnore.respectLive(desired, live);
    Map<String, Object> spec = tree(kept);
    assertEquals(Map.of("replicas", 7, "template", Map.of("spec", Map.of("containers",
        List.of(Map.of("name", "web", "image", "nginx:2"))))), spec.get("spec"),
        "replicas and the web container's image (found by name) from live; paused is not ours, so not added");
    assertEquals(2, ((Map<?, ?>) tree(desired).get("spec")).get("replicas"), "desired unchanged");
  }

  /** Each index names the item it named in the projection, however many items before it are removed. */
  @Test
  void listItemsAreRemovedByTheirOriginalIndex() {
    Map<String, Object> projection = Map.of("spec", Map.of("containers", List.of(
        Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c", "ports", List.of(1, 2, 3)))));
    DriftIgnore ignore = DriftIgnore.parse("/spec/containers/0, /spec/containers/1, /spec/containers/2/ports/0,"
        + " /spec/containers/2/ports/2");
    assertEquals(Map.of("spec", Map.of("containers", List.of(Map.of("name", "c", "ports", List.of(2))))),
        ignore.strip(projection));
  }

  /** A whole label or annotation map taken from live still carries clusterc's own keys as desired. */
  @Test
  void aWholeMetadataMapTakenFromLiveKeepsOurOwnKeys() {
    GenericKubernetesResource desired = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          labels: {applyset.kubernetes.io/part-of: set-1, team: a}
          annotations:
            clusterc.dev/revision: r2
            clusterc.dev/drift-ignore: "/metadata/annotations, /metadata/labels, /data/x"
            owner: ours
        data: {x: "1"}
        """);
    GenericKubernetesResource live = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          labels: {applyset.kubernetes.io/part-of: old-set, applyset.kubernetes.io/other: stale, team: b}
          annotations: {clusterc.dev/revision: r1, clusterc.dev/drift-ignore: /data/x, owner: theirs}
        data: {x: "2"}
        """);
    GenericKubernetesResource kept = DriftIgnore.respectLive(desired, live);
    assertEquals(Map.of("applyset.kubernetes.io/part-of", "set-1", "team", "b"), kept.getMetadata().getLabels());
    assertEquals(Map.of("clusterc.dev/revision", "r2",
        "clusterc.dev/drift-ignore", "/metadata/annotations, /metadata/labels, /data/x", "owner", "theirs"),
        kept.getMetadata().getAnnotations());
    assertEquals("2", ((Map<?, ?>) tree(kept).get("data")).get("x"));
  }

  @Test
  void respectLiveWithoutALiveObjectOrRulesIsTheDesiredItself() {
    GenericKubernetesResource desired = object("""
        {apiVersion: v1, kind: ConfigMap, metadata: {name: c, annotations: {clusterc.dev/drift-ignore: /data/a}},
         data: {a: "1"}}
        """);
    assertSame(desired, DriftIgnore.respectLive(desired, null));
    GenericKubernetesResource plain = object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: '1'}}");
    assertSame(plain, DriftIgnore.respectLive(plain,
        object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: '2'}}")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(GenericKubernetesResource object) {
    return Serialization.jsonMapper().convertValue(object, Map.class);
  }
}
