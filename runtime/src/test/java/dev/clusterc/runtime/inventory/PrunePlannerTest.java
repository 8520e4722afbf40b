package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.Change;
import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prune decisions as a table: recorded objects, what is live, what is desired → what prune does, in order. */
class PrunePlannerTest {
  private static final String ID = ApplySetParent.forCluster("home").id();

  private static final ObjectId NS = new ObjectId("", "Namespace", null, "web");
  private static final ObjectId DEPLOY = new ObjectId("apps", "Deployment", "web", "web");
  private static final ObjectId SVC = new ObjectId("", "Service", "web", "web");
  private static final ObjectId PVC = new ObjectId("", "PersistentVolumeClaim", "web", "data");
  private static final ObjectId PV = new ObjectId("", "PersistentVolume", null, "nfs-web");
  private static final ObjectId CRD = new ObjectId("apiextensions.k8s.io", "CustomResourceDefinition", null,
      "widgets.example.com");
  private static final ObjectId CR = new ObjectId("example.com", "Widget", "web", "w");
  private static final ObjectId DB = new ObjectId("postgresql.cnpg.io", "Cluster", "web", "pg");
  private static final ObjectId KEEP_ME = new ObjectId("", "ConfigMap", "other", "wanted");

  /** Records in this order get unit positions 0, 1, 2… (one object per unit). */
  private final List<InventoryRecord> records = new ArrayList<>();
  private final Map<ObjectId, GenericKubernetesResource> live = new HashMap<>();
  private final Map<String, List<String>> claims = new HashMap<>();

  private void recorded(ObjectId id, boolean liveWithOurLabel) {
    records.add(new InventoryRecord(id, "unit-" + records.size(), records.size(), 0));
    if (liveWithOurLabel) {
      live.put(id, liveObject(id, Map.of(ApplySetKeys.PART_OF, ID)));
    }
  }

  private List<String> decide(Set<ObjectId> desired, boolean pruneData) {
    List<String> out = new ArrayList<>();
    for (PruneDecision d : PrunePlanner.decide(
        new PruneInput(InventoryRecords.of(records), desired, live, claims, ID, pruneData))) {
      out.add(d.action() + " " + d.object());
    }
    return out;
  }

  private List<PruneDecision> decisions(Set<ObjectId> desired, boolean pruneData) {
    return PrunePlanner.decide(new PruneInput(InventoryRecords.of(records), desired, live, claims, ID, pruneData));
  }

  @Test
  void deletesInReverseDependencyOrderWithNamespacesLast() {
    recorded(NS, true);
    recorded(DEPLOY, true);
    recorded(SVC, true);
    recorded(KEEP_ME, true);
    assertEquals(List.of("DELETE " + SVC, "DELETE " + DEPLOY, "DELETE " + NS), decide(Set.of(KEEP_ME), false));
  }

  @Test
  void customResourcesGoBeforeTheirDefinitionWhateverTheUnitOrder() {
    recorded(CR, true);
    recorded(CRD, true);
    live.put(CRD, crd("example.com", "Widget", Map.of(ApplySetKeys.PART_OF, ID)));
    recorded(KEEP_ME, true);
    assertEquals(List.of("DELETE " + CR, "DELETE " + CRD), decide(Set.of(KEEP_ME), false));
  }

  @Test
  void aDefinitionStaysWhileWantedObjectsOfItsKindRemain() {
    recorded(CRD, true);
    live.put(CRD, crd("example.com", "Widget", Map.of(ApplySetKeys.PART_OF, ID)));
    List<PruneDecision> decisions = decisions(Set.of(CR), false);
    assertEquals(PruneDecision.Action.KEEP, decisions.get(0).action());
    assertTrue(decisions.get(0).reason().contains("Widget.example.com"), decisions.get(0).reason());
  }

  @Test
  void whatIsGoneIsForgottenAndWhatLostOurLabelIsReleased() {
    recorded(DEPLOY, false);
    recorded(SVC, false);
    live.put(SVC, liveObject(SVC, Map.of("app", "web")));
    recorded(KEEP_ME, true);
    List<PruneDecision> decisions = decisions(Set.of(KEEP_ME), false);
    assertEquals(List.of("RELEASE " + SVC, "FORGET " + DEPLOY), decide(Set.of(KEEP_ME), false));
    assertEquals(Change.KEPT, decisions.get(0).change().orElseThrow());
    assertTrue(decisions.get(1).change().isEmpty(), "a forgotten object is not reported");
  }

  @Test
  void anObjectCarryingOurLabelButNotRecordedIsNoCandidate() {
    recorded(KEEP_ME, true);
    ObjectId copied = new ObjectId("", "Service", "web", "web-operator-made");
    live.put(copied, liveObject(copied, Map.of(ApplySetKeys.PART_OF, ID)));
    assertEquals(List.of(), decide(Set.of(KEEP_ME), true));
  }

  @Test
  void volumesAreNeverPrunedClaimsOnlyWithPruneData() {
    recorded(PV, true);
    recorded(PVC, true);
    recorded(KEEP_ME, true);
    assertEquals(List.of("KEEP " + PVC, "KEEP " + PV), decide(Set.of(KEEP_ME), false));
    assertEquals(List.of("DELETE " + PVC, "KEEP " + PV), decide(Set.of(KEEP_ME), true));
    PruneDecision claim = decisions(Set.of(KEEP_ME), true).get(0);
    assertEquals(Risk.DATA_LOSS, claim.consequences().get(0).risk());
    assertTrue(decisions(Set.of(KEEP_ME), false).get(0).reason().contains("--prune-data"));
  }

  @Test
  void aDatabaseAndAStatefulSetThatDeletesItsClaimsHoldData() {
    recorded(DB, true);
    ObjectId sts = new ObjectId("apps", "StatefulSet", "web", "kv");
    records.add(new InventoryRecord(sts, "kv", 9, 0));
    live.put(sts, yaml("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: kv, namespace: web, labels: {applyset.kubernetes.io/part-of: %s}}
        spec:
          persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}
          volumeClaimTemplates: [{metadata: {name: data}}]
        """.formatted(ID)));
    recorded(KEEP_ME, true);
    assertEquals(List.of("KEEP " + sts, "KEEP " + DB), decide(Set.of(KEEP_ME), false));
    assertEquals(List.of("DELETE " + sts, "DELETE " + DB), decide(Set.of(KEEP_ME), true));
  }

  @Test
  void aNamespaceHoldingClaimsIsKeptWithoutPruneData() {
    recorded(NS, true);
    recorded(KEEP_ME, true);
    claims.put("web", List.of("data-0", "data-1"));
    PruneDecision kept = decisions(Set.of(KEEP_ME), false).get(0);
    assertEquals(PruneDecision.Action.KEEP, kept.action());
    assertTrue(kept.reason().contains("data-0, data-1"), kept.reason());
    PruneDecision deleted = decisions(Set.of(KEEP_ME), true).get(0);
    assertEquals(PruneDecision.Action.DELETE, deleted.action());
    assertEquals(Risk.DATA_LOSS, deleted.consequences().get(0).risk());
  }

  @Test
  void aNamespaceStaysWhileWantedOrKeptObjectsLiveInIt() {
    recorded(NS, true);
    recorded(PVC, true);
    assertEquals(List.of("KEEP " + PVC, "KEEP " + NS), decide(Set.of(DEPLOY), false));
    records.clear();
    live.clear();
    recorded(NS, true);
    PruneDecision withWanted = decisions(Set.of(DEPLOY), true).get(0);
    assertEquals(PruneDecision.Action.KEEP, withWanted.action());
    assertTrue(withWanted.reason().contains(DEPLOY.toString()), withWanted.reason());
  }

  @Test
  void anEmptyDesiredSetIsRefused() {
    recorded(DEPLOY, true);
    InventoryException e = assertThrows(InventoryException.class, () -> decide(Set.of(), true));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
    records.clear();
    assertEquals(List.of(), decide(Set.of(), true), "nothing recorded, nothing to refuse");
  }

  private static GenericKubernetesResource liveObject(ObjectId id, Map<String, String> labels) {
    GenericKubernetesResource object = TestObjects.object(
        id.group().isEmpty() ? "v1" : id.group() + "/v1", id.kind(), id.namespace(), id.name());
    object.getMetadata().setLabels(labels);
    return object;
  }

  private static GenericKubernetesResource crd(String group, String kind, Map<String, String> labels) {
    GenericKubernetesResource crd = yaml("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.%s}
        spec: {group: %s, names: {kind: %s, plural: widgets}}
        """.formatted(group, group, kind));
    crd.getMetadata().setLabels(labels);
    return crd;
  }
}
