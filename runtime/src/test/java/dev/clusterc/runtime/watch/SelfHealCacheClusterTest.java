package dev.clusterc.runtime.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.inventory.MemberLabel;
import dev.clusterc.runtime.kube.ApplyFlags;
import dev.clusterc.runtime.kube.Kube;
import dev.clusterc.runtime.kube.ObjectApplier;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.testapiserver.Manifests;
import dev.clusterc.testapiserver.TestCluster;
import dev.clusterc.testapiserver.WithTestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

/** The informers' cache keeps members without managedFields and status: most of a Deployment, never compared. */
@WithTestCluster
class SelfHealCacheClusterTest {
  static TestCluster cluster;

  @Test
  void cachedMembersHoldNeitherManagedFieldsNorStatus() {
    String namespace = "heal-cache";
    String set = "applyset-heal-cache-v1";
    cluster.createNamespace(namespace);
    GenericKubernetesResource web = MemberLabel.label(Manifests.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """.formatted(namespace)).get(0), set);
    try (Kube kube = Kube.of(cluster.config())) {
      new ObjectApplier(kube.client()).apply(web, ApplyFlags.NONE);
      WatchRecorder waits = new WatchRecorder();
      waits.await(() -> cluster.client().apps().deployments().inNamespace(namespace).withName("web").get()
          .getStatus() != null, "the controller wrote a status");
      ObjectId id = ObjectId.of(web);
      try (MemberInformers informers = new MemberInformers(kube.client(), set, seen -> { })) {
        assertTrue(informers.watch(web));
        GenericKubernetesResource cached = informers.cached(id);
        assertNotNull(cached, "the member is cached");
        assertNull(cached.getMetadata().getManagedFields());
        assertFalse(cached.getAdditionalProperties().containsKey("status"));
        assertNotNull(cached.getAdditionalProperties().get("spec"), "what a projection compares stays");
        assertNotNull(cached.getMetadata().getResourceVersion());
      }
    }
  }
}
