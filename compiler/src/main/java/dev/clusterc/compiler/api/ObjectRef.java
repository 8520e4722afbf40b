package dev.clusterc.compiler.api;

import dev.clusterc.compiler.kube.KubeObject;

/**
 * Names one Kubernetes object, as a Flux health check or {@code kubectl get} does.
 *
 * @param namespace {@code null} for a cluster-scoped object
 */
public record ObjectRef(String apiVersion, String kind, String name, String namespace) {
  static ObjectRef of(KubeObject object) {
    return new ObjectRef(object.apiVersion(), object.kind(), object.name(), object.namespace());
  }

  /** {@code Kind namespace/name}, for messages. */
  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
