package dev.clusterc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitGraphTest {
  private static GenericKubernetesResource configMap(String namespace, String name) {
    return new GenericKubernetesResourceBuilder().withApiVersion("v1").withKind("ConfigMap")
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata().build();
  }

  private static Unit unit(String name, List<String> dependencies, GenericKubernetesResource... objects) {
    return new Unit(name, "apps", null, List.of(objects), dependencies, List.of());
  }

  @Test
  void dependentsAreTheUnitsThatNameIt() {
    UnitGraph graph = new UnitGraph("c", List.of(unit("a", List.of()), unit("b", List.of("a")), unit("c", List.of("a", "b"))));
    assertEquals(List.of("b", "c"), graph.dependents("a").stream().map(Unit::name).toList());
  }

  @Test
  void refusesAUnitBeforeItsDependency() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new UnitGraph("c", List.of(unit("b", List.of("a")), unit("a", List.of()))));
    assertEquals("b comes before a, which it depends on (a cycle, or units out of order)", e.getMessage());
  }

  @Test
  void refusesOneObjectInTwoUnits() {
    var e = assertThrows(IllegalArgumentException.class, () -> new UnitGraph("c",
        List.of(unit("a", List.of(), configMap("n", "x")), unit("b", List.of(), configMap("n", "x")))));
    assertEquals("ConfigMap n/x belongs to both a and b", e.getMessage());
  }

  @Test
  void idsNameTheGroupAndSkipTheVersion() {
    GenericKubernetesResource deployment = new GenericKubernetesResourceBuilder().withApiVersion("apps/v1")
        .withKind("Deployment").withNewMetadata().withNamespace("web").withName("api").endMetadata().build();
    assertEquals("Deployment.apps web/api", ObjectId.of(deployment).toString());
    assertEquals(new ObjectId("", "Namespace", null, "web"), new ObjectId(null, "Namespace", "", "web"));
  }
}
