package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.emit.core.ServiceAccountBinding;
import dev.clusterc.compiler.rules.DatabaseReaders;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private DatabaseCredentialsCopy() {}

  /** The objects next to the database; none when no app reads it from elsewhere or nothing copies. */
  public static List<HasMetadata> source(Decl database, EmitContext context) {
    List<String> readers = List.copyOf(context.databaseReaders(database).keySet());
    List<HasMetadata> objects = new ArrayList<>();
    if (readers.isEmpty() || !copies(context)) {
      return objects;
    }
    String namespace = context.namespaceOf(database);
    String reader = secretName(database) + "-reader";
    objects.add(new ServiceAccountBuilder().withMetadata(context.meta(database, reader, namespace)).build());
    objects.add(new RoleBuilder().withMetadata(context.meta(database, reader, namespace))
        .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets")
            .withResourceNames(secretName(database)).withVerbs("get").build())
        .build());
    objects.add(ServiceAccountBinding.of(false, context.meta(database, reader, namespace), namespace));
    objects.add(store(database, reader, namespace, readers, context));
    return objects;
  }

  /**
   * The ExternalSecret that {@code app} carries for the database of its {@code database} entry, when
   * the app is the first to read that database in its namespace.
   */
  public static Optional<HasMetadata> copy(Decl app, BoundEntry entry, EmitContext context) {
    Decl database = entry.ref("database").orElseThrow();
    String namespace = context.namespaceOf(app);
    if (!copies(context) || context.databaseReaders(database).get(namespace) != app) {
      return Optional.empty();
    }
    Map<String, Object> storeRef = new LinkedHashMap<>();
    storeRef.put("kind", "ClusterSecretStore");
    storeRef.put("name", storeName(database));
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", secretName(database));
    target.put("creationPolicy", "Owner");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("secretStoreRef", storeRef);
    spec.put("target", target);
    spec.put("dataFrom", List.of(Map.of("extract", Map.of("key", secretName(database)))));
    return Optional.of(context.resource("external-secrets.io/v1", "ExternalSecret",
        context.meta(app, AppEmitter.entrySpan(app, entry), secretName(database), namespace), spec));
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

  private static HasMetadata store(Decl database, String reader, String namespace, List<String> readers,
      EmitContext context) {
    Map<String, Object> caProvider = new LinkedHashMap<>();
    caProvider.put("type", "ConfigMap");
    caProvider.put("name", "kube-root-ca.crt");
    caProvider.put("key", "ca.crt");
    caProvider.put("namespace", namespace);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("url", API_SERVER);
    server.put("caProvider", caProvider);
    Map<String, Object> serviceAccount = new LinkedHashMap<>();
    serviceAccount.put("name", reader);
    serviceAccount.put("namespace", namespace);
    Map<String, Object> kubernetes = new LinkedHashMap<>();
    kubernetes.put("remoteNamespace", namespace);
    kubernetes.put("server", server);
    kubernetes.put("auth", Map.of("serviceAccount", serviceAccount));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("provider", Map.of("kubernetes", kubernetes));
    spec.put("conditions", List.of(Map.of("namespaces", readers)));
    return context.resource("external-secrets.io/v1", "ClusterSecretStore",
        context.meta(database, storeName(database), null), spec);
  }
}
