package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.ServiceAccountBinding;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.AppAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * The API access of an app with {@code access}: a ServiceAccount named after the app in its
 * namespace, a Role ({@code access namespace}, in that namespace) or ClusterRole
 * ({@code access cluster}) of the same name holding one PolicyRule per {@code rule}, and the
 * binding of one to the other ({@link ServiceAccountBinding}). The pods run as that ServiceAccount
 * ({@link AppDeployment}); an app without {@code access} keeps the namespace's {@code default}
 * one, which holds no rights.
 */
final class AppServiceAccount {
  private static final String RBAC = "rbac.authorization.k8s.io/v1";

  private AppServiceAccount() {}

  /** The ServiceAccount, role and binding, or none when the app has no {@code access}. */
  static List<KubeObject> of(App app, EmitContext context) {
    AppAccess access = app.access();
    if (access == null) {
      return List.of();
    }
    Decl decl = app.decl();
    String name = decl.name();
    KubeObject account = context.object(decl, "v1", "ServiceAccount", name, app.namespace());
    KubeObject role = context.object(decl, AppEmitter.entrySpan(decl, access.span()), RBAC, access.cluster() ? "ClusterRole" : "Role", name,
        access.cluster() ? null : app.namespace());
    List<Object> rules = new ArrayList<>();
    for (AppAccess.Rule rule : access.rules()) {
      rules.add(map(
          "apiGroups", new ArrayList<Object>(rule.apiGroups()),
          "resources", new ArrayList<Object>(rule.resources().stream().map(r -> r.value()).toList()),
          "verbs", new ArrayList<Object>(rule.verbNames())));
    }
    role.put("rules", rules.isEmpty() ? list() : rules);
    return List.of(account, role, ServiceAccountBinding.of(context, decl, access.cluster(), name, app.namespace()));
  }

  /** The pod's {@code serviceAccountName}, or {@code null} for the namespace's default. */
  static String accountName(App app) {
    return app.access() == null ? null : app.decl().name();
  }
}
