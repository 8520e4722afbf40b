package dev.clusterc.compiler.emit.core;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RoleBinding or ClusterRoleBinding that grants the role of its own name to the ServiceAccount
 * of that name, as a generic resource: fabric8's {@code RoleRef} writes {@code kind} before
 * {@code apiGroup}, and the output keeps every map's keys sorted, as the API server returns them.
 */
public final class ServiceAccountBinding {
  private ServiceAccountBinding() {}

  /**
   * @param cluster a ClusterRoleBinding of a ClusterRole, else a RoleBinding of a Role
   * @param meta the binding's metadata; its name is the role's and the ServiceAccount's
   */
  public static HasMetadata of(boolean cluster, ObjectMeta meta, String serviceAccountNamespace) {
    GenericKubernetesResource binding = new GenericKubernetesResource();
    binding.setApiVersion("rbac.authorization.k8s.io/v1");
    binding.setKind(cluster ? "ClusterRoleBinding" : "RoleBinding");
    binding.setMetadata(meta);
    Map<String, Object> roleRef = new LinkedHashMap<>();
    roleRef.put("apiGroup", "rbac.authorization.k8s.io");
    roleRef.put("kind", cluster ? "ClusterRole" : "Role");
    roleRef.put("name", meta.getName());
    binding.setAdditionalProperty("roleRef", roleRef);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("kind", "ServiceAccount");
    subject.put("name", meta.getName());
    subject.put("namespace", serviceAccountNamespace);
    binding.setAdditionalProperty("subjects", List.of(subject));
    return binding;
  }
}
