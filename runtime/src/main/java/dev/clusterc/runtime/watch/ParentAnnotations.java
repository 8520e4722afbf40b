package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetParent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes the watch's annotations on a cluster's ApplySet parent. They are written with a
 * JSON merge patch under their own field manager, never with the inventory's server-side apply (whose
 * next apply would otherwise drop them, since it does not send them).
 */
final class ParentAnnotations {
  /** The field manager of the annotations' patches. */
  static final String MANAGER = "clusterc-watch";

  private ParentAnnotations() {}

  /** The parent ConfigMap of {@code cluster}, or {@code null} when it does not exist yet. */
  static ConfigMap read(KubernetesClient client, String cluster) {
    ApplySetParent parent = ApplySetParent.forCluster(cluster);
    return client.configMaps().inNamespace(parent.namespace()).withName(parent.name()).get();
  }

  /**
   * Sets annotation {@code key} to {@code value} ({@code null} removes it).
   *
   * @throws IllegalStateException when the parent does not exist: the cluster was never applied
   */
  static void set(KubernetesClient client, String cluster, String key, String value) {
    ApplySetParent parent = ApplySetParent.forCluster(cluster);
    Map<String, String> annotations = new HashMap<>();
    annotations.put(key, value);
    String patch = Serialization.asJson(Map.of("metadata", Map.of("annotations", annotations)));
    try {
      client.configMaps().inNamespace(parent.namespace()).withName(parent.name())
          .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(MANAGER).build(),
              patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new IllegalStateException("cluster " + cluster + " has no inventory " + parent
            + " yet: apply it once first", e);
      }
      throw e;
    }
  }

  /** The value of annotation {@code key} on {@code parent}, or {@code null}. */
  static String get(ConfigMap parent, String key) {
    return parent == null || parent.getMetadata().getAnnotations() == null ? null
        : parent.getMetadata().getAnnotations().get(key);
  }
}
