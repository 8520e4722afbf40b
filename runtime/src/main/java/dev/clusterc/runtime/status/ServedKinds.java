package dev.clusterc.runtime.status;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource serves an apiVersion and kind, found through API discovery and remembered, shared by
 * every wait of one run (units wait in parallel, so it is thread-safe): a run of a thousand units asks
 * discovery once per apiVersion, not once per unit. A kind not served yet (its CRD not established) is
 * not remembered, so that it is looked up again next time.
 */
public final class ServedKinds {
  private final KubernetesClient client;
  private final Map<String, ResourceDefinitionContext> known = new ConcurrentHashMap<>();

  public ServedKinds(KubernetesClient client) {
    this.client = client;
  }

  /** The resource of {@code kind} in {@code apiVersion}, or {@code null} when the cluster does not serve it (yet). */
  ResourceDefinitionContext resource(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    ResourceDefinitionContext found = known.get(key);
    if (found != null) {
      return found;
    }
    APIResourceList list = client.getApiResources(apiVersion);
    if (list == null) {
      return null;
    }
    for (APIResource candidate : list.getResources()) {
      if (kind.equals(candidate.getKind()) && !candidate.getName().contains("/")) {
        found = ResourceDefinitionContext.fromApiResource(apiVersion, candidate);
        known.put(key, found);
        return found;
      }
    }
    return null;
  }
}
