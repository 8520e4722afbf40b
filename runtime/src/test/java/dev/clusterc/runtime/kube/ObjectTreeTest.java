package dev.clusterc.runtime.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectTreeTest {

  @Test
  void noiseAndStatusAreStripped() {
    Map<String, Object> tree = ObjectTree.of(Objects.one("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: b, uid: u, resourceVersion: "7", generation: 2,
          creationTimestamp: "2026-01-01T00:00:00Z", managedFields: [{manager: m}], labels: {x: y}}
        data: {k: v}
        """));
    assertEquals(Map.of("name", "a", "namespace", "b", "labels", Map.of("x", "y")), tree.get("metadata"));
    assertFalse(tree.containsKey("status"));
  }

  @Test
  void theRevisionThatLastChangedAnObjectIsNoChangeOfItsOwn() {
    Map<String, Object> tree = ObjectTree.of(Objects.one("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: b, annotations: {clusterc.dev/revision: r2, keep: me}}
        data: {k: v}
        """));
    assertEquals(Map.of("name", "a", "namespace", "b", "annotations", Map.of("keep", "me")), tree.get("metadata"));
  }

  @Test
  void restrictKeepsTheDesiredPathsAndMatchesListItemsByName() {
    Map<String, Object> live = Map.of(
        "spec", Map.of("replicas", 3, "paused", false, "containers", List.of(
            Map.of("name", "sidecar", "image", "s:1"),
            Map.of("name", "main", "image", "m:1", "imagePullPolicy", "IfNotPresent"))),
        "status", Map.of("ready", 1));
    Map<String, Object> desired = Map.of(
        "spec", Map.of("replicas", 2, "containers", List.of(Map.of("name", "main", "image", "m:2"))));
    assertEquals(Map.of("spec", Map.of("replicas", 3, "containers", List.of(Map.of("name", "main", "image", "m:1")))),
        ObjectTree.restrict(live, desired, null));
  }

  @Test
  void restrictMatchesUnnamedItemsByPosition() {
    assertEquals(List.of("a", "b"), ObjectTree.restrict(List.of("a", "b", "c"), List.of("x", "y"), null));
  }

  @Test
  void restrictKeepsWhatClustercOwnedBeforeEvenWhenNoLongerDesired() {
    Map<String, Object> live = Map.of("data", Map.of("kept", "1", "dropped", "2", "foreign", "3"));
    Map<String, Object> desired = Map.of("data", Map.of("kept", "1"));
    Map<String, Object> owned = Map.of("f:data", Map.of("f:kept", Map.of(), "f:dropped", Map.of()));
    assertEquals(Map.of("data", Map.of("kept", "1", "dropped", "2")), ObjectTree.restrict(live, desired, owned));
  }
}
