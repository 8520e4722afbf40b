package dev.clusterc.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterc.runtime.model.ObjectId;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParentObjectTest {
  private static final ApplySetParent PARENT = ApplySetParent.forCluster("home");
  private static final Tooling TOOLING = Tooling.clusterc("0.1.0");

  @Test
  void annotationsAreSortedAndLeaveOutTheParentsNamespace() {
    InventoryRecords records = InventoryRecords.of(List.of(
        new InventoryRecord(new ObjectId("apps", "Deployment", "web", "web"), "web", 1, 0),
        new InventoryRecord(new ObjectId("", "ConfigMap", "kube-system", "x"), "web", 1, 1),
        new InventoryRecord(new ObjectId("cert-manager.io", "Certificate", "a", "c"), "web", 1, 2),
        new InventoryRecord(new ObjectId("", "Namespace", null, "web"), "ns", 0, 0)));
    assertEquals(Map.of(
        ApplySetKeys.TOOLING, "clusterc/v0.1.0",
        ApplySetKeys.CONTAINS_GROUP_KINDS, "Certificate.cert-manager.io,ConfigMap,Deployment.apps,Namespace",
        ApplySetKeys.ADDITIONAL_NAMESPACES, "a,web"), ParentObject.annotations(PARENT, TOOLING, records));
  }

  @Test
  void anEmptySetStillCarriesBothListsEmpty() {
    ConfigMap built = ParentObject.build(PARENT, TOOLING, InventoryRecords.EMPTY);
    assertEquals("", built.getMetadata().getAnnotations().get(ApplySetKeys.CONTAINS_GROUP_KINDS));
    assertEquals("", built.getMetadata().getAnnotations().get(ApplySetKeys.ADDITIONAL_NAMESPACES));
    assertEquals(Map.of(ApplySetKeys.ID, PARENT.id()), built.getMetadata().getLabels());
    assertEquals("kube-system", built.getMetadata().getNamespace());
  }

  @Test
  void readsBackWhatItBuilt() {
    InventoryRecords records = InventoryRecords.of(InventoryRecordsTest.graph());
    assertEquals(records, ParentObject.read(ParentObject.build(PARENT, TOOLING, records), PARENT));
  }

  @Test
  void refusesAnotherToolsParent() {
    ConfigMap kubectls = parent(Map.of(ApplySetKeys.TOOLING, "kubectl/v1.32.4"), Map.of(ApplySetKeys.ID, PARENT.id()));
    InventoryException e = assertThrows(InventoryException.class, () -> ParentObject.read(kubectls, PARENT));
    assertTrue(e.getMessage().contains("managed by kubectl"), e.getMessage());
  }

  @Test
  void refusesAConfigMapThatIsNoParentOrAnotherSetsParent() {
    InventoryException plain = assertThrows(InventoryException.class,
        () -> ParentObject.read(parent(Map.of(), Map.of()), PARENT));
    assertTrue(plain.getMessage().contains("is no ApplySet parent"), plain.getMessage());
    InventoryException other = assertThrows(InventoryException.class, () -> ParentObject.read(
        parent(Map.of(ApplySetKeys.TOOLING, "clusterc/v0.0.9"), Map.of(ApplySetKeys.ID, "applyset-x-v1")), PARENT));
    assertTrue(other.getMessage().contains("applyset-x-v1"), other.getMessage());
  }

  @Test
  void anOlderClustercsParentIsOurs() {
    ConfigMap older = parent(Map.of(ApplySetKeys.TOOLING, "clusterc/v0.0.9"), Map.of(ApplySetKeys.ID, PARENT.id()));
    assertEquals(InventoryRecords.EMPTY, ParentObject.read(older, PARENT));
  }

  @Test
  void matchesOnlyWhenEveryFieldWeWriteIsEqual() {
    InventoryRecords records = InventoryRecords.of(InventoryRecordsTest.graph());
    ConfigMap wanted = ParentObject.build(PARENT, TOOLING, records);
    ConfigMap live = new ConfigMapBuilder(wanted).editMetadata().addToAnnotations("other", "x")
        .withResourceVersion("7").endMetadata().build();
    assertTrue(ParentObject.matches(live, wanted));
    assertFalse(ParentObject.matches(live, ParentObject.build(PARENT, Tooling.clusterc("0.2.0"), records)));
    assertFalse(ParentObject.matches(live, ParentObject.build(PARENT, TOOLING, InventoryRecords.EMPTY)));
  }

  @Test
  void refusesAnInventoryTooLargeForOneConfigMap() {
    List<InventoryRecord> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(new InventoryRecord(new ObjectId("apps", "Deployment", "namespace-" + i, "application-" + i),
          "unit-" + i, i, 0));
    }
    InventoryException e = assertThrows(InventoryException.class,
        () -> ParentObject.build(PARENT, TOOLING, InventoryRecords.of(many)));
    assertTrue(e.getMessage().contains("20000 objects"), e.getMessage());
    assertEquals(1000, ParentObject.build(PARENT, TOOLING, InventoryRecords.of(many.subList(0, 1000)))
        .getData().get(ParentObject.DATA_KEY).lines().count() - 1);
  }

  private static ConfigMap parent(Map<String, String> annotations, Map<String, String> labels) {
    return new ConfigMapBuilder().withNewMetadata().withName(PARENT.name()).withNamespace(PARENT.namespace())
        .withAnnotations(annotations).withLabels(labels).endMetadata().build();
  }
}
