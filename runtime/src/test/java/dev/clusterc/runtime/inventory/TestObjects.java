package dev.clusterc.runtime.inventory;

import dev.clusterc.runtime.model.Unit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Arrays;
import java.util.List;

/** Objects for the tests, written as YAML so a table reads like the cluster it describes. */
final class TestObjects {
  private TestObjects() {}

  static GenericKubernetesResource yaml(String text) {
    return Serialization.unmarshal(text, GenericKubernetesResource.class);
  }

  /** {@code apiVersion, kind, namespace (null: cluster-scoped), name}, no body. */
  static GenericKubernetesResource object(String apiVersion, String kind, String namespace, String name) {
    return yaml("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name
        + (namespace == null ? "" : "\n  namespace: " + namespace) + "\n");
  }

  static Unit unit(String name, List<String> dependencies, GenericKubernetesResource... objects) {
    return new Unit(name, "apps", null, Arrays.asList(objects), dependencies, List.of());
  }
}
