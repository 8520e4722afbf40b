package dev.clusterc.runtime.inventory;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the resource that serves a group and kind through API discovery (the preferred version), as
 * kubectl's REST mapper does; remembers answers for its own lifetime (one prune). An unserved kind (its
 * CRD already gone) is empty, not an error: no object of it can exist.
 */
final class KindResolver {
  private final KubernetesClient client;
  private final Map<String, Optional<ResourceDefinitionContext>> known = new HashMap<>();

  KindResolver(KubernetesClient client) {
    this.client = client;
  }

  Optional<ResourceDefinitionContext> resolve(String group, String kind) {
    return known.computeIfAbsent(group + "/" + kind, key -> lookUp(group, kind));
  }

  private Optional<ResourceDefinitionContext> lookUp(String group, String kind) {
    String groupVersion;
    if (group.isEmpty()) {
      groupVersion = "v1";
    } else {
      APIGroup apiGroup = client.getApiGroup(group);
      if (apiGroup == null || apiGroup.getPreferredVersion() == null) {
        return Optional.empty();
      }
      groupVersion = apiGroup.getPreferredVersion().getGroupVersion();
    }
    APIResourceList resources;
    try {
      resources = client.getApiResources(groupVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    if (resources == null) {
      return Optional.empty();
    }
    for (APIResource resource : resources.getResources()) {
      if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
        return Optional.of(ResourceDefinitionContext.fromApiResource(groupVersion, resource));
      }
    }
    return Optional.empty();
  }
}
