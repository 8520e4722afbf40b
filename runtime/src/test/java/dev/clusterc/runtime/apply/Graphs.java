package dev.clusterc.runtime.apply;

import dev.clusterc.runtime.model.ObjectId;
import dev.clusterc.runtime.model.Unit;
import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Units for tests, from YAML. */
final class Graphs {
  private Graphs() {}

  /** A unit of the objects in {@code yaml}, gated by its ConfigMaps. */
  static Unit unit(String name, List<String> dependencies, String yaml) {
    List<GenericKubernetesResource> objects = Manifests.parse(yaml);
    List<ObjectId> gates = objects.stream().filter(o -> "ConfigMap".equals(o.getKind())).map(ObjectId::of).toList();
    return new Unit(name, "apps", "app " + name, objects, dependencies, gates);
  }

  static String configMap(String namespace, String name, String value) {
    return "{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + ", namespace: " + namespace
        + "}, data: {k: \"" + value + "\"}}\n";
  }

  static String namespace(String name) {
    return "{apiVersion: v1, kind: Namespace, metadata: {name: " + name + "}}\n";
  }
}
