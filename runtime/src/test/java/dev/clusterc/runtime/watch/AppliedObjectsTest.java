package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AppliedObjectsTest {

  private static GenericKubernetesResource configMap(String name, String data) {
    return Manifests.parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + ", namespace: ns}, data: "
        + data + "}\n").get(0);
  }

  private static UnitGraph graph(GenericKubernetesResource... objects) {
    return new UnitGraph("c", List.of(new Unit("u", "apps", "app u", List.of(objects), List.of(), List.of())));
  }

  @Test
  void theHashIgnoresTheRevisionAndKeyOrderButNotContent() {
    GenericKubernetesResource plain = configMap("a", "{x: '1', y: '2'}");
    GenericKubernetesResource reordered = configMap("a", "{y: '2', x: '1'}");
    assertEquals(AppliedObjects.hash(plain), AppliedObjects.hash(reordered));
    assertEquals(AppliedObjects.hash(plain), AppliedObjects.hash(AppliedObjects.withRevision(plain, "r7")));
    assertNotEquals(AppliedObjects.hash(plain), AppliedObjects.hash(configMap("a", "{x: '1', y: '3'}")));
  }

  @Test
  void onlyObjectsEqualToWhatWasAppliedAreSettledAndTheyKeepTheirRevision() {
    AppliedObjects applied = new AppliedObjects();
    UnitGraph first = graph(configMap("a", "{x: '1'}"), configMap("b", "{x: '1'}"));
    assertEquals(Set.of(), applied.settled(first), "nothing applied yet");
    UnitGraph sent = applied.stamp(first, "r1", Set.of());
    sent.units().get(0).objects().forEach(o -> assertEquals("r1", o.getMetadata().getAnnotations().get(Kinds.REVISION)));
    Map<String, String> untouched = first.units().get(0).objects().get(0).getMetadata().getAnnotations();
    assertNull(untouched == null ? null : untouched.get(Kinds.REVISION), "the desired graph is not changed");
    applied.applied(sent);

    UnitGraph second = graph(configMap("a", "{x: '1'}"), configMap("b", "{x: '2'}"), configMap("c", "{x: '1'}"));
    Set<ObjectId> settled = applied.settled(second);
    assertEquals(Set.of(new ObjectId("", "ConfigMap", "ns", "a")), settled);
    Map<String, String> revisions = new TreeMap<>();
    applied.stamp(second, "r2", settled).units().get(0).objects()
        .forEach(o -> revisions.put(o.getMetadata().getName(), o.getMetadata().getAnnotations().get(Kinds.REVISION)));
    assertEquals(Map.of("a", "r1", "b", "r2", "c", "r2"), revisions);
  }

  @Test
  void forgottenObjectsAreNoLongerSettledAndTheOthersStay() {
    AppliedObjects applied = new AppliedObjects();
    UnitGraph graph = graph(configMap("a", "{x: '1'}"), configMap("b", "{x: '1'}"));
    applied.applied(applied.stamp(graph, "r1", Set.of()));
    ObjectId a = new ObjectId("", "ConfigMap", "ns", "a");
    ObjectId b = new ObjectId("", "ConfigMap", "ns", "b");
    applied.forget(Set.of(a));
    assertEquals(Set.of(b), applied.settled(graph));
    assertNull(applied.sent(a));
    assertEquals("r1", applied.sent(b).getMetadata().getAnnotations().get(Kinds.REVISION));
    assertEquals(1, applied.size());
  }

  @Test
  void aNullRevisionRemovesTheAnnotationAndKeepsTheHash() {
    GenericKubernetesResource stamped = AppliedObjects.withRevision(configMap("a", "{x: '1'}"), "r1");
    GenericKubernetesResource plain = AppliedObjects.withRevision(stamped, null);
    assertNull(plain.getMetadata().getAnnotations(), "no annotation left");
    assertEquals("r1", stamped.getMetadata().getAnnotations().get(Kinds.REVISION), "the original is not changed");
    assertEquals(AppliedObjects.hash(stamped), AppliedObjects.hash(plain));
  }
}
