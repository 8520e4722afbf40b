package dev.clusterc.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApplySetParentTest {

  @Test
  void idMatchesTheVectorOfRuntimeMd() {
    assertEquals("applyset-IbIGi8umL1D4bu2ouD6i-JXnjAfj7FUuE2oaf9wtUTk-v1",
        ApplySetParent.configMap("as", "clusterc-set").id());
  }

  @Test
  void idHashesEveryPartOfTheParent() {
    String id = ApplySetParent.configMap("as", "clusterc-set").id();
    assertNotEquals(id, ApplySetParent.configMap("as2", "clusterc-set").id());
    assertNotEquals(id, new ApplySetParent("", "Secret", "as", "clusterc-set").id());
    assertNotEquals(id, new ApplySetParent("example.com", "ConfigMap", "as", "clusterc-set").id());
  }

  @Test
  void idIsAValidLabelValue() {
    String id = ApplySetParent.forCluster("homelab").id();
    assertEquals(true, id.length() <= 63 && id.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"), id);
  }

  @Test
  void aClusterKeepsItsParentInKubeSystem() {
    ApplySetParent parent = ApplySetParent.forCluster("homelab");
    assertEquals("ConfigMap kube-system/clusterc-homelab", parent.toString());
    assertThrows(IllegalArgumentException.class, () -> ApplySetParent.forCluster(" "));
  }

  @Test
  void toolingNameIsWhatComesBeforeTheLastSlash() {
    assertEquals("clusterc/v0.1.0", Tooling.clusterc("0.1.0").toString());
    assertEquals("clusterc/v0.1.0", Tooling.clusterc("v0.1.0").toString());
    assertEquals("kubectl", Tooling.nameIn("kubectl/v1.32.4"));
    assertEquals("example.com/tool", Tooling.nameIn("example.com/tool/v1"));
    assertEquals("helm", Tooling.nameIn("helm"));
  }
}
