package dev.clusterc.compiler.emit.incluster;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.Unit;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.program.Program;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unit {@code clusterc-runtime} of a {@code gitops clusterc} cluster: Namespace
 * {@code clusterc-system}, ServiceAccount {@code clusterc}, the ClusterRole {@code clusterc-CLUSTER}
 * derived from the kinds the other units apply ({@link AccessRules}) and its binding, a Role and
 * RoleBinding {@code clusterc-CLUSTER} in each namespace where the runtime needs more than the
 * ClusterRole gives (the ApplySet parent in kube-system, the Lease in clusterc-system, Secrets where the
 * cluster has some), and the Deployment ({@link RuntimeDeployment}).
 */
public final class RuntimeUnitEmitter {
  /** The unit's name; reserved, so no declaration's unit takes it. */
  public static final String UNIT = "clusterc-runtime";
  private static final String RBAC = "rbac.authorization.k8s.io";

  private RuntimeUnitEmitter() {}

  /**
   * The runtime's unit on {@code layer}, for the objects of {@code units} (every other unit); empty
   * unless the cluster names {@code gitops clusterc}.
   */
  public static Optional<Unit> emit(Program program, EmitContext context, Collection<Unit> units, String layer) {
    Optional<InClusterSettings> found = InClusterSettings.of(program);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    InClusterSettings settings = found.get();
    Decl cluster = program.cluster().orElseThrow();
    Unit unit = new Unit(UNIT, layer, cluster);
    String namespace = InClusterSettings.NAMESPACE;
    KubeObject ns = object(context, cluster, settings, "v1", "Namespace", namespace, null);
    KubeObject account = object(context, cluster, settings, "v1", "ServiceAccount", InClusterSettings.NAME, namespace);
    KubeObject deployment = RuntimeDeployment.fill(
        object(context, cluster, settings, "apps/v1", "Deployment", InClusterSettings.NAME, namespace), settings);

    List<KubeObject> applied = new ArrayList<>();
    units.forEach(u -> applied.addAll(u.objects()));
    applied.addAll(List.of(ns, account, deployment));
    AccessRules rules = AccessRules.derive(applied);
    for (String resource : List.of("clusterroles", "clusterrolebindings", "roles", "rolebindings")) {
      rules.grantApplied(RBAC, resource);
    }
    rules.in("kube-system").add("", "configmaps", List.of(), List.of("get", "list", "watch", "create", "update", "patch"));
    rules.in(namespace).add("coordination.k8s.io", "leases", List.of(), List.of("get", "create", "update"));

    unit.add(ns);
    unit.add(account);
    unit.add(object(context, cluster, settings, RBAC + "/v1", "ClusterRole", settings.roleName(), null)
        .put("rules", rules.clusterRules()));
    unit.add(binding(context, cluster, settings, "ClusterRoleBinding", "ClusterRole", null));
    for (Map.Entry<String, List<Object>> role : rules.namespacedRules().entrySet()) {
      unit.add(object(context, cluster, settings, RBAC + "/v1", "Role", settings.roleName(), role.getKey())
          .put("rules", role.getValue()));
      unit.add(binding(context, cluster, settings, "RoleBinding", "Role", role.getKey()));
    }
    unit.add(deployment);
    return Optional.of(unit);
  }

  private static KubeObject binding(EmitContext context, Decl cluster, InClusterSettings settings, String kind, String roleKind,
      String namespace) {
    return object(context, cluster, settings, RBAC + "/v1", kind, settings.roleName(), namespace)
        .put("roleRef", map("apiGroup", RBAC, "kind", roleKind, "name", settings.roleName()))
        .put("subjects", list(map("kind", "ServiceAccount", "name", InClusterSettings.NAME,
            "namespace", InClusterSettings.NAMESPACE)));
  }

  private static KubeObject object(EmitContext context, Decl cluster, InClusterSettings settings, String apiVersion, String kind,
      String name, String namespace) {
    return context.object(cluster, settings.span(), apiVersion, kind, name, namespace);
  }
}
