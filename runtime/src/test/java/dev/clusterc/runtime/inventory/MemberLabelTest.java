package dev.clusterc.runtime.inventory;

import static dev.clusterc.runtime.inventory.TestObjects.object;
import static dev.clusterc.runtime.inventory.TestObjects.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberLabelTest {
  private static final String ID = ApplySetParent.forCluster("home").id();

  @Test
  void labelsACopyAndKeepsTheOtherLabels() {
    GenericKubernetesResource desired = yaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: web, labels: {app: web}}
        spec: {replicas: 2}
        """);
    GenericKubernetesResource member = MemberLabel.label(desired, ID);
    assertEquals(Map.of("app", "web", ApplySetKeys.PART_OF, ID), member.getMetadata().getLabels());
    assertEquals(2, ((Number) member.get("spec", "replicas")).intValue());
    assertNull(desired.getMetadata().getLabels().get(ApplySetKeys.PART_OF), "the input is not changed");
    assertTrue(MemberLabel.carries(member, ID));
    assertFalse(MemberLabel.carries(desired, ID));
  }

  @Test
  void labelsAnObjectWithoutLabels() {
    GenericKubernetesResource member = MemberLabel.label(object("v1", "Namespace", null, "web"), ID);
    assertEquals(Map.of(ApplySetKeys.PART_OF, ID), member.getMetadata().getLabels());
  }

  @Test
  void acceptsOurOwnLabelAndRefusesAnotherSets() {
    GenericKubernetesResource ours = MemberLabel.label(object("v1", "ConfigMap", "a", "b"), ID);
    assertEquals(ID, MemberLabel.label(ours, ID).getMetadata().getLabels().get(ApplySetKeys.PART_OF));
    GenericKubernetesResource theirs = MemberLabel.label(object("v1", "ConfigMap", "a", "b"), "applyset-x-v1");
    InventoryException e = assertThrows(InventoryException.class, () -> MemberLabel.label(theirs, ID));
    assertTrue(e.getMessage().contains("applyset-x-v1"), e.getMessage());
  }
}
