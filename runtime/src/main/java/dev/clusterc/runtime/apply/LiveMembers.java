package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.inventory.ApplySetKeys;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live objects of a graph that already carry their ApplySet's member label, read with one LIST per
 * kind and set (across namespaces, selected by the label) instead of one GET per object: on a cluster
 * clusterc applied before, a plan of N objects then costs a few LISTs and N dry runs, not N GETs more.
 * An object missing from the answer (new, or not labelled yet) is simply not known here and its planner
 * reads it itself; a kind that cannot be listed (not served yet, forbidden) is skipped the same way.
 */
final class LiveMembers {
  /** Kinds with fewer desired objects than this are read object by object: a LIST would save nothing. */
  private static final int LIST_FROM = 2;

  private LiveMembers() {}

  /** Desired object → its live object, for every labelled desired object found live. */
  static Map<ObjectId, GenericKubernetesResource> read(KubernetesClient client, UnitGraph graph) {
    return read(client, graph, Set.of());
  }

  /** {@link #read(KubernetesClient, UnitGraph)} of the objects not in {@code skipped} (nobody asks for them). */
  static Map<ObjectId, GenericKubernetesResource> read(KubernetesClient client, UnitGraph graph,
      Set<ObjectId> skipped) {
    Map<List<String>, List<ObjectId>> groups = new LinkedHashMap<>();
    for (Unit unit : graph.units()) {
      for (GenericKubernetesResource object : unit.objects()) {
        if (skipped.contains(ObjectId.of(object))) {
          continue;
        }
        Map<String, String> labels = object.getMetadata().getLabels();
        String set = labels == null ? null : labels.get(ApplySetKeys.PART_OF);
        if (set != null) {
          groups.computeIfAbsent(List.of(object.getApiVersion(), object.getKind(), set), k -> new ArrayList<>())
              .add(ObjectId.of(object));
        }
      }
    }
    Map<ObjectId, GenericKubernetesResource> live = new HashMap<>();
    groups.forEach((key, ids) -> {
      if (ids.size() >= LIST_FROM) {
        list(client, key.get(0), key.get(1), key.get(2)).forEach(object -> live.put(ObjectId.of(object), object));
      }
    });
    return live;
  }

  private static List<GenericKubernetesResource> list(KubernetesClient client, String apiVersion, String kind,
      String set) {
    try {
      List<GenericKubernetesResource> items = client.genericKubernetesResources(apiVersion, kind).inAnyNamespace()
          .withLabel(ApplySetKeys.PART_OF, set).list().getItems();
      items.forEach(item -> {
        item.setApiVersion(apiVersion); // a list's items may leave these out
        item.setKind(kind);
      });
      return items;
    } catch (KubernetesClientException e) {
      return List.of();
    }
  }
}
