package dev.clusterc.compiler.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeObjectTest {
  @Test
  void knowsItsIdentity() {
    KubeObject object = KubeObject.of("apps/v1", "Deployment", "web", "media");
    assertEquals("apps", object.group());
    assertEquals("Deployment media/web", object.toString());
    assertEquals("", KubeObject.of("v1", "Namespace", "media", null).group());
    assertNull(KubeObject.of("v1", "Namespace", "media", null).namespace());
  }

  @Test
  void treeHelpersLeaveOutNulls() {
    assertEquals(Map.of("a", 1), Tree.map("a", 1, "b", null));
    assertEquals(List.of("x"), Tree.list(null, "x"));
    assertThrows(IllegalArgumentException.class, () -> Tree.map("a"));
  }

  @Test
  void fromMapCopiesAndRequiresIdentity() {
    Map<String, Object> metadata = new java.util.HashMap<>(Map.of("name", "x"));
    Map<String, Object> tree = new java.util.HashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata));
    KubeObject object = KubeObject.fromMap(tree);
    metadata.put("name", "changed");
    assertEquals("x", object.name());
    assertThrows(IllegalArgumentException.class, () -> KubeObject.fromMap(Map.of("apiVersion", "v1", "kind", "ConfigMap")));
  }

  @Test
  void identityFieldsAreFixed() {
    KubeObject object = KubeObject.of("v1", "ConfigMap", "x", "ns");
    assertThrows(IllegalArgumentException.class, () -> object.put("kind", "Secret"));
    object.map("data").put("k", "v");
    object.put("data", null);
    assertNull(object.get("data"));
  }
}
