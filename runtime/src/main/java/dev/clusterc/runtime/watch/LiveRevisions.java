package dev.clusterc.runtime.watch;

import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.model.Kinds;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@value Kinds#REVISION} annotation that live objects carry: the revision that last changed them.
 * Read for objects a reconcile planned but found unchanged (all of them after a start), which were not
 * written and so still carry it; what the reconciler records and self-heal re-applies for them must
 * keep it. One LIST per kind, selected by the ApplySet's member label, for a kind with several such
 * objects; one GET for a kind with one. An object that cannot be read is left out of the answer.
 */
final class LiveRevisions {
  /** Kinds with fewer objects than this are read object by object. */
  private static final int LIST_FROM = 2;

  private LiveRevisions() {}

  /**
   * Each readable object's live revision annotation, empty when the live object has none.
   *
   * @param setId the ApplySet the objects are members of
   */
  static Map<ObjectId, Optional<String>> read(KubernetesClient client, String setId,
      Collection<GenericKubernetesResource> objects) {
    Map<List<String>, List<GenericKubernetesResource>> byKind = new LinkedHashMap<>();
    objects.forEach(o -> byKind.computeIfAbsent(List.of(o.getApiVersion(), o.getKind()), k -> new ArrayList<>()).add(o));
    Map<ObjectId, Optional<String>> revisions = new HashMap<>();
    byKind.forEach((kind, wanted) -> {
      try {
        for (GenericKubernetesResource live : live(client, setId, kind.get(0), kind.get(1), wanted)) {
          ObjectId id = ObjectId.of(live);
          if (wanted.stream().anyMatch(o -> ObjectId.of(o).equals(id))) {
            revisions.put(id, Optional.ofNullable(revisionOf(live)));
          }
        }
      } catch (KubernetesClientException e) {
        // not readable now: these objects keep the revision they were sent with
      }
    });
    return revisions;
  }

  private static List<GenericKubernetesResource> live(KubernetesClient client, String setId, String apiVersion,
      String kind, List<GenericKubernetesResource> wanted) {
    if (wanted.size() < LIST_FROM) {
      List<GenericKubernetesResource> found = new ArrayList<>();
      for (GenericKubernetesResource object : wanted) {
        GenericKubernetesResource live = client.resource(object).get();
        if (live != null) {
          found.add(live);
        }
      }
      return found;
    }
    List<GenericKubernetesResource> items = client.genericKubernetesResources(apiVersion, kind).inAnyNamespace()
        .withLabel(ApplySetKeys.PART_OF, setId).list().getItems();
    items.forEach(item -> {
      item.setApiVersion(apiVersion); // a list's items may leave these out
      item.setKind(kind);
    });
    return items;
  }

  private static String revisionOf(GenericKubernetesResource live) {
    Map<String, String> annotations = live.getMetadata() == null ? null : live.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Kinds.REVISION);
  }
}
