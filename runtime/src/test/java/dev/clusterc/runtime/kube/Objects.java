package dev.clusterc.runtime.kube;

import dev.clusterc.testapiserver.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Test objects from YAML. */
final class Objects {
  private Objects() {}

  static GenericKubernetesResource one(String yaml) {
    List<GenericKubernetesResource> objects = Manifests.parse(yaml);
    if (objects.size() != 1) {
      throw new IllegalArgumentException("expected one object, got " + objects.size());
    }
    return objects.get(0);
  }

  static GenericKubernetesResource namespace(String name) {
    return one("{apiVersion: v1, kind: Namespace, metadata: {name: " + name + "}}");
  }

  static GenericKubernetesResource configMap(String namespace, String name, String dataYaml) {
    return one("{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + ", namespace: " + namespace
        + "}, data: " + dataYaml + "}");
  }
}
