package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.EngineSteps.applyAndPrune;
import static dev.clusterc.runtime.inventory.EngineSteps.configMap;
import static dev.clusterc.runtime.inventory.EngineSteps.parent;
import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.unit;
import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Custom resources and their definitions pruned on a real kube-apiserver. */
@WithTestApiServer(crds = false)
class CrdPruneApiServerTest {
  static KubernetesClient client;

  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  private static GenericKubernetesResource crd(String plural, String kind) {
    return yaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %s.test.clusterc.dev}
        spec:
          group: test.clusterc.dev
          scope: Namespaced
          names: {plural: %s, singular: %s, kind: %s}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """.formatted(plural, plural, kind.toLowerCase(), kind));
  }

  private static GenericKubernetesResource cr(String kind, String namespace, String name) {
    return yaml("apiVersion: test.clusterc.dev/v1\nkind: " + kind + "\nmetadata: {name: " + name + ", namespace: "
        + namespace + "}\nspec: {size: 1}\n");
  }

  /** The CRD established and its kind served, as the engine waits for it before applying custom resources. */
  private static void established(String name) {
    client.apiextensions().v1().customResourceDefinitions().withName(name).waitUntilCondition(
        (CustomResourceDefinition c) -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
            && c.getStatus().getConditions().stream()
            .anyMatch(cond -> cond.getType().equals("Established") && cond.getStatus().equals("True")),
        60, TimeUnit.SECONDS);
  }

  private static UnitGraph withCrs(String cluster, String namespace, String plural, String kind) {
    return new UnitGraph(cluster, List.of(
        unit("operator", List.of(), crd(plural, kind)),
        unit("app", List.of("operator"), cr(kind, namespace, "one"), configMap(namespace, "app"))));
  }

  private static void applyCrdFirst(ApplySetInventory inventory, UnitGraph graph, String crdName) {
    inventory.widen(graph);
    ServerSideApply.apply(client, inventory.member(graph.units().get(0).objects().get(0)), false);
    established(crdName);
    for (GenericKubernetesResource object : graph.units().get(1).objects()) {
      ServerSideApply.apply(client, inventory.member(object), false);
    }
    inventory.narrow(graph, inventory.prune(graph, false, new RecordingListener()));
  }

  @Test
  void prunesCustomResourcesBeforeTheirDefinition() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "widgets"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "widgets", TOOLING);
    applyCrdFirst(inventory, withCrs("widgets", "widgets", "widgets", "Widget"), "widgets.test.clusterc.dev");

    UnitGraph without = new UnitGraph("widgets", List.of(unit("rest", List.of(), configMap("widgets", "rest"))));
    RecordingListener listener = new RecordingListener();
    PruneResult result = applyAndPrune(client, inventory, without, false, listener);
    assertEquals(List.of(
        "PRUNED ConfigMap widgets/app",
        "PRUNED Widget.test.clusterc.dev widgets/one",
        "PRUNED CustomResourceDefinition.apiextensions.k8s.io widgets.test.clusterc.dev"), listener.lines());
    assertEquals(List.of(), List.copyOf(result.failures().keySet()));
    client.apiextensions().v1().customResourceDefinitions().withName("widgets.test.clusterc.dev")
        .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
    assertEquals(InventoryRecords.of(without), ParentObject.read(
        parent(client, inventory), inventory.parent()));
  }

  @Test
  void aDefinitionAlreadyGoneIsNoError() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "gadgets"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "gadgets", TOOLING);
    applyCrdFirst(inventory, withCrs("gadgets", "gadgets", "gadgets", "Gadget"), "gadgets.test.clusterc.dev");
    // someone deletes the CRD (and with it every Gadget) behind clusterc's back
    client.apiextensions().v1().customResourceDefinitions().withName("gadgets.test.clusterc.dev").delete();
    client.apiextensions().v1().customResourceDefinitions().withName("gadgets.test.clusterc.dev")
        .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);

    UnitGraph without = new UnitGraph("gadgets", List.of(unit("rest", List.of(), configMap("gadgets", "rest"))));
    RecordingListener listener = new RecordingListener();
    PruneResult result = applyAndPrune(client, inventory, without, false, listener);
    assertEquals(List.of("PRUNED ConfigMap gadgets/app"), listener.lines(), "the gone ones are forgotten quietly");
    assertTrue(result.failures().isEmpty(), result.failures().toString());
    assertEquals(2, result.decisions().stream().filter(d -> d.action() == PruneDecision.Action.FORGET).count());
    assertEquals(InventoryRecords.of(without), ParentObject.read(
        parent(client, inventory), inventory.parent()));
    assertNull(client.configMaps().inNamespace("gadgets").withName("app").get());
  }

  @Test
  void aDefinitionOthersCustomResourcesUseIsKept() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "doodads"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "doodads", TOOLING);
    applyCrdFirst(inventory, withCrs("doodads", "doodads", "doodads", "Doodad"), "doodads.test.clusterc.dev");
    ServerSideApply.apply(client, cr("Doodad", "doodads", "someone-elses"), false);

    UnitGraph without = new UnitGraph("doodads", List.of(unit("rest", List.of(), configMap("doodads", "rest"))));
    RecordingListener listener = new RecordingListener();
    applyAndPrune(client, inventory, without, false, listener);
    assertEquals(List.of(
        "PRUNED ConfigMap doodads/app",
        "PRUNED Doodad.test.clusterc.dev doodads/one",
        "KEPT CustomResourceDefinition.apiextensions.k8s.io doodads.test.clusterc.dev"), listener.lines());
    String reason = listener.events.get(2).detail();
    assertTrue(reason.contains("1 custom resource not ours still use it (Doodad.test.clusterc.dev doodads/someone-elses)"),
        reason);
    assertNotNull(client.apiextensions().v1().customResourceDefinitions().withName("doodads.test.clusterc.dev").get());
    assertNotNull(client.genericKubernetesResources("test.clusterc.dev/v1", "Doodad").inNamespace("doodads")
        .withName("someone-elses").get());
    assertTrue(ParentObject.read(parent(client, inventory), inventory.parent()).ids().stream()
        .anyMatch(id -> id.name().equals("doodads.test.clusterc.dev")), "a kept CRD stays recorded");
  }
}
