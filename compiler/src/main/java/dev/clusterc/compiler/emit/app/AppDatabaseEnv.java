package dev.clusterc.compiler.emit.app;

import dev.clusterc.compiler.bind.BoundEntry;
import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The environment an app gets for each {@code database DATABASE [as PREFIX]}: {@code PREFIX_HOST},
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD} and {@code _DATABASE}, read from the Secret
 * {@code <database>-app} that CloudNativePG makes for its Cluster {@code <database>}.
 *
 * <p>The compiler never sees the values. A pod can only read Secrets of its own namespace, so the
 * variables always name {@code <database>-app} in the app's namespace: when the database lives in
 * another one, that Secret is a copy of CloudNativePG's ({@link DatabaseCredentialsCopy}), and
 * {@code _HOST} is the service's namespaced name {@code <database>-rw.<namespace>.svc}, because
 * the {@code host} key holds the bare {@code <database>-rw}, which only resolves in the database's
 * own namespace.
 */
public final class AppDatabaseEnv {
  private AppDatabaseEnv() {}

  /** The variables of every {@code database} entry, in source order. */
  static List<EnvVar> of(Decl app, EmitContext context) {
    List<EnvVar> env = new ArrayList<>();
    for (BoundEntry entry : app.body().all("database")) {
      Optional<Decl> database = entry.ref("database");
      if (database.isEmpty()) {
        continue;
      }
      Decl db = database.get();
      String prefix = entry.sym("prefix").orElse(defaultPrefix(db.name()));
      String secret = secretName(db);
      if (crossesNamespaces(app, db, context)) {
        env.add(new EnvVarBuilder().withName(prefix + "_HOST").withValue(serviceHost(db, context)).build());
      } else {
        env.add(fromSecret(prefix + "_HOST", secret, "host"));
      }
      env.add(fromSecret(prefix + "_PORT", secret, "port"));
      env.add(fromSecret(prefix + "_USER", secret, "username"));
      env.add(fromSecret(prefix + "_PASSWORD", secret, "password"));
      env.add(fromSecret(prefix + "_DATABASE", secret, "dbname"));
    }
    return env;
  }

  /** The database name upper-cased with {@code -} turned into {@code _}: {@code app-db} → {@code APP_DB}. */
  static String defaultPrefix(String database) {
    return database.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The Secret CloudNativePG makes for the application user of the Cluster named after the database. */
  public static String secretName(Decl database) {
    return database.name() + "-app";
  }

  /** Whether the app runs in another namespace than the database, and so needs a copy of its Secret. */
  static boolean crossesNamespaces(Decl app, Decl database, EmitContext context) {
    return !context.namespaceOf(app).equals(context.namespaceOf(database));
  }

  /** The read-write service of the Cluster, by a name that resolves from any namespace. */
  static String serviceHost(Decl database, EmitContext context) {
    return database.name() + "-rw." + context.namespaceOf(database) + ".svc";
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name)
        .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef().endValueFrom()
        .build();
  }
}
