package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds objects that are not ours where deleting one of ours would take them along: the custom
 * resources of a CRD (one list over all namespaces) and the contents of a Namespace (one list per
 * namespaced, listable kind, found by discovery once per prune). Asked only for the CRDs and
 * Namespaces prune is about to delete, so an ordinary prune sends none of these requests.
 *
 * <p>In a namespace, what Kubernetes creates in every namespace is not foreign (ServiceAccount
 * {@code default}, ConfigMap {@code kube-root-ca.crt}, Events), nor is anything owned, directly or
 * through other owned objects, by one of our members (a Deployment's ReplicaSets and Pods, a
 * Service's EndpointSlices).
 */
final class ForeignObjects {
  /** How many foreign objects a reason names before it counts the rest. */
  private static final int NAMED = 5;

  private final KubernetesClient client;
  private List<ResourceDefinitionContext> namespacedKinds;

  ForeignObjects(KubernetesClient client) {
    this.client = client;
  }

  /** Why {@code crd} must stay: custom resources of its kind that are not among {@code deleted}; else empty. */
  Optional<String> usingCrd(GenericKubernetesResource crd, Set<ObjectId> deleted) {
    Object group = crd.get("spec", "group");
    Object plural = crd.get("spec", "names", "plural");
    Object kind = crd.get("spec", "names", "kind");
    Object scope = crd.get("spec", "scope");
    Optional<String> version = storageVersion(crd);
    if (!(group instanceof String g) || !(plural instanceof String p) || !(kind instanceof String k)
        || version.isEmpty()) {
      return Optional.empty();
    }
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(g)
        .withVersion(version.get()).withPlural(p).withKind(k).withNamespaced(!"Cluster".equals(scope)).build();
    List<GenericKubernetesResource> items;
    try {
      items = client.genericKubernetesResources(context).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      return e.getCode() == 404 ? Optional.empty() : Optional.of("its custom resources could not be listed: "
          + e.getMessage());
    }
    List<ObjectId> foreign = items.stream().map(ObjectId::of).filter(id -> !deleted.contains(id)).sorted().toList();
    if (foreign.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(foreign.size() + " custom resource" + (foreign.size() == 1 ? "" : "s")
        + " not ours still use it (" + named(foreign) + "): deleting it would delete them");
  }

  /** Why {@code namespace} must stay: objects in it that are not {@code ours} nor Kubernetes' own; else empty. */
  Optional<String> inNamespace(String namespace, Set<ObjectId> ours) {
    List<GenericKubernetesResource> contents = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    for (ResourceDefinitionContext kind : namespacedKinds()) {
      try {
        contents.addAll(client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404 && e.getCode() != 405) {
          unlisted.add(kind.getKind());
        }
      }
    }
    Set<String> ownedUids = new HashSet<>();
    contents.stream().filter(o -> ours.contains(ObjectId.of(o))).forEach(o -> ownedUids.add(o.getMetadata().getUid()));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (GenericKubernetesResource object : contents) {
        if (!ownedUids.contains(object.getMetadata().getUid()) && ownedBy(object, ownedUids)) {
          ownedUids.add(object.getMetadata().getUid());
          grew = true;
        }
      }
    }
    List<ObjectId> foreign = contents.stream()
        .filter(o -> !ownedUids.contains(o.getMetadata().getUid()) && !kubernetesOwn(o))
        .map(ObjectId::of).sorted().toList();
    if (foreign.isEmpty() && unlisted.isEmpty()) {
      return Optional.empty();
    }
    String why = foreign.isEmpty() ? "" : foreign.size() + " object" + (foreign.size() == 1 ? "" : "s")
        + " not ours in it (" + named(foreign) + ")";
    if (!unlisted.isEmpty()) {
      why += (why.isEmpty() ? "" : "; ") + "could not list its " + String.join(", ", unlisted);
    }
    return Optional.of(why + ": deleting it would delete them; move or delete them, then apply again");
  }

  private static boolean ownedBy(GenericKubernetesResource object, Set<String> uids) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> uids.contains(o.getUid()));
  }

  private static boolean kubernetesOwn(GenericKubernetesResource object) {
    ObjectId id = ObjectId.of(object);
    return id.kind().equals("Event")
        || (id.group().isEmpty() && id.kind().equals("ServiceAccount") && id.name().equals("default"))
        || (id.group().isEmpty() && id.kind().equals("ConfigMap") && id.name().equals("kube-root-ca.crt"));
  }

  /** Every namespaced kind that can be listed, at its group's preferred version; discovered once. */
  private List<ResourceDefinitionContext> namespacedKinds() {
    if (namespacedKinds == null) {
      List<String> groupVersions = new ArrayList<>(List.of("v1"));
      for (APIGroup group : client.getApiGroups().getGroups()) {
        if (group.getPreferredVersion() != null && !group.getName().equals("events.k8s.io")) {
          groupVersions.add(group.getPreferredVersion().getGroupVersion());
        }
      }
      List<ResourceDefinitionContext> kinds = new ArrayList<>();
      for (String groupVersion : groupVersions) {
        for (APIResource resource : client.getApiResources(groupVersion).getResources()) {
          if (Boolean.TRUE.equals(resource.getNamespaced()) && !resource.getName().contains("/")
              && resource.getVerbs().contains("list") && !resource.getKind().equals("Event")) {
            kinds.add(ResourceDefinitionContext.fromApiResource(groupVersion, resource));
          }
        }
      }
      namespacedKinds = List.copyOf(kinds);
    }
    return namespacedKinds;
  }

  private static Optional<String> storageVersion(GenericKubernetesResource crd) {
    if (crd.get("spec", "versions") instanceof List<?> versions) {
      for (Object version : versions) {
        if (version instanceof java.util.Map<?, ?> v && Boolean.TRUE.equals(v.get("storage"))
            && v.get("name") instanceof String name) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private static String named(List<ObjectId> ids) {
    String names = String.join(", ", ids.stream().limit(NAMED).map(ObjectId::toString).toList());
    return ids.size() > NAMED ? names + " and " + (ids.size() - NAMED) + " more" : names;
  }
}
