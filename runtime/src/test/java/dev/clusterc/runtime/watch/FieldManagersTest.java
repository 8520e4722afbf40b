package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldManagersTest {
  private static final GenericKubernetesResource LIVE = Manifests.parse("""
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        managedFields:
        - manager: clusterc
          operation: Apply
          time: "2026-01-01T00:00:09Z"
          fieldsV1: {f:spec: {f:replicas: {}, f:template: {f:spec: {f:containers: {'k:{"name":"web"}': {f:image: {}}}}}}}
        - manager: kubectl-scale
          operation: Update
          time: "2026-01-01T00:00:01Z"
          fieldsV1: {f:spec: {f:replicas: {}}}
        - manager: kubectl-set
          operation: Update
          time: "2026-01-01T00:00:02Z"
          fieldsV1: {f:spec: {f:template: {f:spec: {f:containers: {'k:{"name":"web"}': {.: {}, f:image: {}}}}}}}
        - manager: kube-controller-manager
          operation: Update
          subresource: status
          time: "2026-01-01T00:00:05Z"
          fieldsV1: {f:status: {f:replicas: {}}}
        - manager: labeller
          operation: Update
          time: "2026-01-01T00:00:03Z"
          fieldsV1: {f:metadata: {f:labels: {f:extra: {}}}, f:spec: {f:template: {f:spec: {f:args: {}}}}}
      spec:
        replicas: 4
        template:
          spec:
            args: [a]
            containers: [{name: web, image: "nginx:2"}]
      """).get(0);

  private static final Map<String, Object> PROJECTION = Map.of("spec", Map.of("replicas", 4, "template",
      Map.of("spec", Map.of("args", List.of("a"), "containers", List.of(Map.of("name", "web", "image", "nginx:2"))))));

  @Test
  void namesTheManagerWhoseFieldsCoverTheChange() {
    assertEquals("kubectl-scale", FieldManagers.whoChanged(LIVE, List.of("/spec/replicas"), PROJECTION));
    assertEquals("kubectl-set", FieldManagers.whoChanged(LIVE,
        List.of("/spec/template/spec/containers/0/image"), PROJECTION));
  }

  @Test
  void anAtomicListCoversItsItems() {
    assertEquals("labeller", FieldManagers.whoChanged(LIVE, List.of("/spec/template/spec/args/0"), PROJECTION));
  }

  @Test
  void elseTheNewestWriterOtherThanClustercAndStatusWriters() {
    assertEquals("labeller", FieldManagers.whoChanged(LIVE, List.of("/spec/paused"), PROJECTION));
  }

  @Test
  void unknownWithoutManagedFields() {
    GenericKubernetesResource bare = Manifests.parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}").get(0);
    assertEquals(FieldManagers.UNKNOWN, FieldManagers.whoChanged(bare, List.of("/data/a"), Map.of()));
  }
}
