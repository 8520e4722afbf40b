package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.EngineSteps.apply;
import static dev.clusterc.runtime.inventory.EngineSteps.applyAndPrune;
import static dev.clusterc.runtime.inventory.EngineSteps.configMap;
import static dev.clusterc.runtime.inventory.EngineSteps.parent;
import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.unit;
import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.UnitGraph;
import dev.clusterc.testapiserver.ServerSideApply;
import dev.clusterc.testapiserver.WithTestApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Widen, apply, prune and narrow against a real kube-apiserver (no controllers run there). */
@WithTestApiServer(crds = false)
class ApplySetInventoryApiServerTest {
  static KubernetesClient client;

  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  @Test
  void widensBeforeApplyingAndNarrowsAfterPruning() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "widen"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "widen", TOOLING);
    UnitGraph first = new UnitGraph("widen", List.of(
        unit("config", List.of(), configMap("widen", "settings"), configMap("widen", "extra")),
        unit("app", List.of("config"), yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app, namespace: widen}
            spec:
              selector: {matchLabels: {app: app}}
              template:
                metadata: {labels: {app: app}}
                spec: {containers: [{name: app, image: busybox}]}
            """))));
    InventoryRecords widened = inventory.widen(first);
    ConfigMap created = parent(client, inventory);
    assertNotNull(created, "the first widen creates the parent");
    assertEquals(inventory.parent().id(), created.getMetadata().getLabels().get(ApplySetKeys.ID));
    assertEquals("ConfigMap,Deployment.apps", created.getMetadata().getAnnotations().get(ApplySetKeys.CONTAINS_GROUP_KINDS));
    assertEquals("widen", created.getMetadata().getAnnotations().get(ApplySetKeys.ADDITIONAL_NAMESPACES));
    assertEquals("clusterc/v0.1.0", created.getMetadata().getAnnotations().get(ApplySetKeys.TOOLING));
    assertEquals(InventoryRecords.of(first), widened);
    apply(client, inventory, first);
    PruneResult nothing = inventory.prune(first, false, new RecordingListener());
    assertEquals(List.of(), nothing.decisions());
    inventory.narrow(first, nothing);
    String version = parent(client, inventory).getMetadata().getResourceVersion();
    assertEquals(version, created.getMetadata().getResourceVersion(), "narrowing to the same set writes nothing");

    inventory.widen(first);
    assertEquals(version, parent(client, inventory).getMetadata().getResourceVersion(), "an unchanged widen writes nothing");

    UnitGraph second = new UnitGraph("widen", List.of(unit("config", List.of(), configMap("widen", "settings"))));
    InventoryRecords both = inventory.widen(second);
    assertEquals(3, both.records().size(), "old ∪ new before applying");
    assertEquals("ConfigMap,Deployment.apps",
        parent(client, inventory).getMetadata().getAnnotations().get(ApplySetKeys.CONTAINS_GROUP_KINDS));
    apply(client, inventory, second);
    RecordingListener listener = new RecordingListener();
    PruneResult pruned = inventory.prune(second, false, listener);
    assertEquals(List.of("PRUNED Deployment.apps widen/app", "PRUNED ConfigMap widen/extra"), listener.lines(),
        "reverse dependency order: the app unit before the config unit");
    assertEquals("app", listener.events.get(0).unit());
    InventoryRecords narrowed = inventory.narrow(second, pruned);
    assertEquals(InventoryRecords.of(second), narrowed);
    ConfigMap after = parent(client, inventory);
    assertEquals("ConfigMap", after.getMetadata().getAnnotations().get(ApplySetKeys.CONTAINS_GROUP_KINDS));
    assertEquals(narrowed, ParentObject.read(after, inventory.parent()));
    assertNull(client.apps().deployments().inNamespace("widen").withName("app").get());
    assertNull(client.configMaps().inNamespace("widen").withName("extra").get());
    assertNotNull(client.configMaps().inNamespace("widen").withName("settings").get());
  }

  @Test
  void leavesForeignAndReleasedObjectsAlone() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "foreign"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "foreign", TOOLING);
    UnitGraph first = new UnitGraph("foreign", List.of(
        unit("web", List.of(), configMap("foreign", "web"), configMap("foreign", "taken"), configMap("foreign", "keep"))));
    applyAndPrune(client, inventory, first, false, new RecordingListener());
    // an operator copies our label onto an object of its own with a similar name
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("web-copy").withNamespace("foreign")
        .addToLabels(ApplySetKeys.PART_OF, inventory.parent().id()).endMetadata().build()).create();
    // someone takes one of ours over and removes our label
    client.configMaps().inNamespace("foreign").withName("taken")
        .edit(cm -> new ConfigMapBuilder(cm).editMetadata().removeFromLabels(ApplySetKeys.PART_OF).endMetadata().build());

    UnitGraph second = new UnitGraph("foreign", List.of(unit("web", List.of(), configMap("foreign", "keep"))));
    RecordingListener listener = new RecordingListener();
    PruneResult result = applyAndPrune(client, inventory, second, false, listener);
    assertEquals(List.of("KEPT ConfigMap foreign/taken", "PRUNED ConfigMap foreign/web"), listener.lines());
    assertTrue(listener.events.get(0).detail().contains("no longer carries"), listener.events.get(0).detail());
    assertNotNull(client.configMaps().inNamespace("foreign").withName("web-copy").get(), "never recorded, never deleted");
    assertNotNull(client.configMaps().inNamespace("foreign").withName("taken").get());
    assertNull(client.configMaps().inNamespace("foreign").withName("web").get());
    assertEquals(List.of(new ObjectId("", "ConfigMap", "foreign", "keep")),
        ParentObject.read(parent(client, inventory), inventory.parent()).records().stream().map(InventoryRecord::object).toList(),
        "the released object is forgotten");
    assertEquals(Map.of(), result.failures());
  }

  @Test
  void claimsStayWithoutPruneData() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "claims"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "claims", TOOLING);
    GenericKubernetesResource claim = yaml("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: claims}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    UnitGraph first = new UnitGraph("claims", List.of(unit("db", List.of(), claim, configMap("claims", "db"))));
    applyAndPrune(client, inventory, first, false, new RecordingListener());
    UnitGraph second = new UnitGraph("claims", List.of(unit("db", List.of(), configMap("claims", "db"))));

    RecordingListener kept = new RecordingListener();
    PruneResult result = applyAndPrune(client, inventory, second, false, kept);
    assertEquals(List.of("KEPT PersistentVolumeClaim claims/data"), kept.lines());
    assertTrue(kept.events.get(0).detail().contains("--prune-data"), kept.events.get(0).detail());
    assertNotNull(client.persistentVolumeClaims().inNamespace("claims").withName("data").get());
    assertTrue(ParentObject.read(parent(client, inventory), inventory.parent()).ids()
        .contains(new ObjectId("", "PersistentVolumeClaim", "claims", "data")), "a kept claim stays recorded");
    assertEquals(List.of(), result.consequences());

    RecordingListener pruned = new RecordingListener();
    PruneResult withData = applyAndPrune(client, inventory, second, true, pruned);
    assertEquals(List.of("PRUNED PersistentVolumeClaim claims/data"), pruned.lines());
    assertEquals(Risk.DATA_LOSS, withData.consequences().get(0).risk());
    var left = client.persistentVolumeClaims().inNamespace("claims").withName("data").get();
    // no controller-manager here: the pvc-protection finalizer keeps it Terminating
    assertTrue(left == null || left.getMetadata().getDeletionTimestamp() != null);
  }

  @Test
  void anEmptyDesiredSetPrunesNothing() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "empty"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "empty", TOOLING);
    UnitGraph first = new UnitGraph("empty", List.of(unit("web", List.of(), configMap("empty", "web"))));
    applyAndPrune(client, inventory, first, false, new RecordingListener());
    UnitGraph none = new UnitGraph("empty", List.of());
    InventoryException e = assertThrows(InventoryException.class,
        () -> inventory.prune(none, true, new RecordingListener()));
    assertTrue(e.getMessage().contains("nothing is desired"), e.getMessage());
    assertThrows(InventoryException.class, () -> inventory.planPrune(none, true, new RecordingListener()));
    assertNotNull(client.configMaps().inNamespace("empty").withName("web").get());
  }

  @Test
  void anotherToolsParentIsRefused() {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("clusterc-kubectls").withNamespace("kube-system")
        .addToAnnotations(ApplySetKeys.TOOLING, "kubectl/v1.32.4")
        .addToLabels(ApplySetKeys.ID, ApplySetParent.forCluster("kubectls").id()).endMetadata().build()).create();
    ApplySetInventory inventory = new ApplySetInventory(client, "kubectls", TOOLING);
    UnitGraph graph = new UnitGraph("kubectls", List.of(unit("web", List.of(), configMap("default", "x"))));
    InventoryException e = assertThrows(InventoryException.class, () -> inventory.widen(graph));
    assertTrue(e.getMessage().contains("managed by kubectl"), e.getMessage());
    assertEquals("kubectl/v1.32.4", parent(client, inventory).getMetadata().getAnnotations().get(ApplySetKeys.TOOLING),
        "left as it was");
  }

  @Test
  void planPruneDeletesAndWritesNothing() {
    ServerSideApply.apply(client, object("v1", "Namespace", null, "plan"), false);
    ApplySetInventory inventory = new ApplySetInventory(client, "plan", TOOLING);
    UnitGraph first = new UnitGraph("plan", List.of(unit("web", List.of(), configMap("plan", "a"), configMap("plan", "b"))));
    applyAndPrune(client, inventory, first, false, new RecordingListener());
    String version = parent(client, inventory).getMetadata().getResourceVersion();
    RecordingListener listener = new RecordingListener();
    PruneResult plan = inventory.planPrune(
        new UnitGraph("plan", List.of(unit("web", List.of(), configMap("plan", "a")))), false, listener);
    assertEquals(List.of("PRUNED ConfigMap plan/b"), listener.lines());
    assertEquals(Change.PRUNED, plan.decisions().get(0).change().orElseThrow());
    assertNotNull(client.configMaps().inNamespace("plan").withName("b").get());
    assertEquals(version, parent(client, inventory).getMetadata().getResourceVersion());
  }
}
