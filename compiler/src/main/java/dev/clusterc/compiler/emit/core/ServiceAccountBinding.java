package dev.clusterc.compiler.emit.core;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.kube.KubeObject;

/**
 * A RoleBinding or ClusterRoleBinding that grants the role of its own name to the ServiceAccount
 * of that name: the database credentials' reader and kube-vip each make the three together.
 */
public final class ServiceAccountBinding {
  private static final String RBAC = "rbac.authorization.k8s.io";

  private ServiceAccountBinding() {}

  /**
   * @param cluster a ClusterRoleBinding of a ClusterRole, else a RoleBinding of a Role in the
   *     ServiceAccount's namespace
   * @param name the binding's, the role's and the ServiceAccount's name
   */
  public static KubeObject of(EmitContext context, Decl source, boolean cluster, String name, String serviceAccountNamespace) {
    KubeObject binding = context.object(source, RBAC + "/v1", cluster ? "ClusterRoleBinding" : "RoleBinding", name,
        cluster ? null : serviceAccountNamespace);
    binding.put("roleRef", map("apiGroup", RBAC, "kind", cluster ? "ClusterRole" : "Role", "name", name));
    binding.put("subjects", list(map("kind", "ServiceAccount", "name", name, "namespace", serviceAccountNamespace)));
    return binding;
  }
}
