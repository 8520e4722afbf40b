package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.list;
import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.ServiceAccountBinding;
import dev.clusterc.compiler.kube.KubeObject;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.rules.DatabaseReaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The copy of a database's credentials for the apps that read it from other namespaces, made by
 * External Secrets when a component provides {@link DatabaseReaders#COPIER} (otherwise the checker
 * has warned and nothing is made).
 *
 * <ul>
 *   <li>With the database, in its namespace: a ServiceAccount {@code NAME-app-reader}, a Role that
 *   may only get the Secret {@code NAME-app}, its RoleBinding, and a ClusterSecretStore
 *   {@code database-NAME} (Kubernetes provider, reading the database's namespace as that
 *   ServiceAccount, trusting the API server through {@code kube-root-ca.crt}) that only the reading
 *   namespaces may use.</li>
 *   <li>In each reading namespace, in the unit of the first app reading the database there: an
 *   ExternalSecret {@code NAME-app} that copies every key of CloudNativePG's Secret.</li>
 * </ul>
 */
public final class DatabaseCredentialsCopy {
  private static final String API_SERVER = "https://kubernetes.default.svc";
  private static final String EXTERNAL_SECRETS = "external-secrets.io/v1";

  private DatabaseCredentialsCopy() {}

  /** The objects next to the database; none when no app reads it from elsewhere or nothing copies. */
  public static List<KubeObject> source(Decl database, EmitContext context) {
    List<String> readers = List.copyOf(context.databaseReaders(database).keySet());
    List<KubeObject> objects = new ArrayList<>();
    if (readers.isEmpty() || !copies(context)) {
      return objects;
    }
    String namespace = context.namespaceOf(database);
    String reader = secretName(database) + "-reader";
    objects.add(context.object(database, "v1", "ServiceAccount", reader, namespace));
    KubeObject role = context.object(database, "rbac.authorization.k8s.io/v1", "Role", reader, namespace);
    role.put("rules", list(map("apiGroups", list(""), "resources", list("secrets"),
        "resourceNames", list(secretName(database)), "verbs", list("get"))));
    objects.add(role);
    objects.add(ServiceAccountBinding.of(context, database, false, reader, namespace));
    objects.add(store(database, reader, namespace, readers, context));
    return objects;
  }

  /**
   * The ExternalSecret that {@code app} carries for the database of one of its {@code database}
   * entries, when the database lives in another namespace and the app is the first to read it in
   * its own.
   */
  static Optional<KubeObject> copy(App app, App.DatabaseRead read, EmitContext context) {
    Decl database = read.database();
    if (database == null || !AppDatabaseEnv.crossesNamespaces(app, database, context) || !copies(context)
        || context.databaseReaders(database).get(app.namespace()) != app.decl()) {
      return Optional.empty();
    }
    KubeObject secret = context.object(app.decl(), AppEmitter.entrySpan(app.decl(), read.span()),
        EXTERNAL_SECRETS, "ExternalSecret", secretName(database), app.namespace());
    secret.put("spec", map(
        "secretStoreRef", map("kind", "ClusterSecretStore", "name", storeName(database)),
        "target", map("name", secretName(database), "creationPolicy", "Owner"),
        "dataFrom", list(map("extract", map("key", secretName(database))))));
    return Optional.of(secret);
  }

  private static boolean copies(EmitContext context) {
    return !context.program().providers(DatabaseReaders.COPIER).isEmpty();
  }

  private static String secretName(Decl database) {
    return AppDatabaseEnv.secretName(database);
  }

  private static String storeName(Decl database) {
    return "database-" + database.name();
  }

  private static KubeObject store(Decl database, String reader, String namespace, List<String> readers,
      EmitContext context) {
    Object server = map(
        "url", API_SERVER,
        "caProvider", map("type", "ConfigMap", "name", "kube-root-ca.crt", "key", "ca.crt", "namespace", namespace));
    Object kubernetes = map(
        "remoteNamespace", namespace,
        "server", server,
        "auth", map("serviceAccount", map("name", reader, "namespace", namespace)));
    KubeObject store = context.object(database, EXTERNAL_SECRETS, "ClusterSecretStore", storeName(database), null);
    store.put("spec", map(
        "provider", map("kubernetes", kubernetes),
        "conditions", list(map("namespaces", readers))));
    return store;
  }
}
