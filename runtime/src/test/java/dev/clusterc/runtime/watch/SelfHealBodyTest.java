package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.clusterc.runtime.kube.DriftIgnore;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a heal sends: the desired object, with the revision the live object carries. */
class SelfHealBodyTest {
  private static GenericKubernetesResource object(String yaml) {
    return Manifests.parse(yaml).get(0);
  }

  private static final GenericKubernetesResource DESIRED = object("""
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c, namespace: n, annotations: {clusterc.dev/revision: r2, owner: ours}}
      data: {k: v2}
      """);

  @Test
  void aHealKeepsTheRevisionOfTheLiveObject() {
    GenericKubernetesResource live = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: n, annotations: {clusterc.dev/revision: r1}}
        data: {k: changed}
        """);
    GenericKubernetesResource body = SelfHeal.body(DESIRED, DriftIgnore.of(DESIRED), live);
    assertEquals(Map.of(Kinds.REVISION, "r1", "owner", "ours"), body.getMetadata().getAnnotations());
    assertEquals("v2", body.getAdditionalProperties().get("data") instanceof Map<?, ?> data ? data.get("k") : null);
    assertEquals("r2", DESIRED.getMetadata().getAnnotations().get(Kinds.REVISION), "the tracked desired is not changed");
  }

  @Test
  void aHealOfAnObjectWithoutARevisionSendsNone() {
    GenericKubernetesResource live = object("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: n}}");
    GenericKubernetesResource body = SelfHeal.body(DESIRED, DriftIgnore.of(DESIRED), live);
    assertNull(body.getMetadata().getAnnotations().get(Kinds.REVISION));
    assertEquals("ours", body.getMetadata().getAnnotations().get("owner"));
  }

  @Test
  void aHealWithIgnoredFieldsAlsoKeepsTheLiveRevision() {
    GenericKubernetesResource desired = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: n, annotations: {clusterc.dev/revision: r2, clusterc.dev/drift-ignore: /data/x}}
        data: {k: v2, x: "1"}
        """);
    GenericKubernetesResource live = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: n, annotations: {clusterc.dev/revision: r1}}
        data: {k: v1, x: "9"}
        """);
    GenericKubernetesResource body = SelfHeal.body(desired, DriftIgnore.of(desired), live);
    assertEquals("r1", body.getMetadata().getAnnotations().get(Kinds.REVISION));
    assertEquals(Map.of("k", "v2", "x", "9"), body.getAdditionalProperties().get("data"));
  }

  @Test
  void aReCreateSendsTheRevisionItWasAppliedWith() {
    assertSame(DESIRED, SelfHeal.body(DESIRED, DriftIgnore.of(DESIRED), null));
  }
}
