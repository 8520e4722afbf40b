package dev.clusterc.testapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {

  @Test
  void readsEveryDocumentAndSkipsEmptyOnes() {
    List<GenericKubernetesResource> objects = Manifests.parse("""
        # leading comment
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g, namespace: a}
        spec:
          gatewayClassName: cilium
          futureField: {kept: true}
          listeners: [{name: http, protocol: HTTP, port: 80}]
        """);
    assertEquals(2, objects.size());
    assertEquals("Namespace", objects.get(0).getKind());
    GenericKubernetesResource gateway = objects.get(1);
    assertEquals("a", gateway.getMetadata().getNamespace());
    assertEquals(Boolean.TRUE, gateway.get("spec", "futureField", "kept"), "unknown fields kept");
    assertEquals(80, (Integer) gateway.get("spec", "listeners", 0, "port"));
  }
}
