package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.yaml;

import dev.clusterc.runtime.model.Unit;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/** What the apply engine does around the inventory, done by the tests themselves on a real server. */
final class EngineSteps {
  private EngineSteps() {}

  /** Applies every object of {@code graph} as the engine would: labelled, server-side, field manager clusterc. */
  static void apply(KubernetesClient client, ApplySetInventory inventory, UnitGraph graph) {
    for (Unit unit : graph.units()) {
      for (GenericKubernetesResource object : unit.objects()) {
        ServerSideApply.apply(client, inventory.member(object), false);
      }
    }
  }

  /** One whole apply: widen, apply, prune, narrow. */
  static PruneResult applyAndPrune(KubernetesClient client, ApplySetInventory inventory, UnitGraph graph,
      boolean pruneData, RecordingListener listener) {
    inventory.widen(graph);
    apply(client, inventory, graph);
    PruneResult result = inventory.prune(graph, pruneData, listener);
    inventory.narrow(graph, result);
    return result;
  }

  static ConfigMap parent(KubernetesClient client, ApplySetInventory inventory) {
    return client.configMaps().inNamespace(inventory.parent().namespace()).withName(inventory.parent().name()).get();
  }

  static GenericKubernetesResource configMap(String namespace, String name) {
    return yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: " + namespace
        + "}\ndata: {a: b}\n");
  }
}
