package dev.clusterc.compiler.emit.app;

import static dev.clusterc.compiler.kube.Tree.map;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.emit.core.EmitContext;
import dev.clusterc.compiler.model.App;
import java.util.ArrayList;
import java.util.List;

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
  static List<Object> of(App app, EmitContext context) {
    List<Object> env = new ArrayList<>();
    for (App.DatabaseRead read : app.databases()) {
      Decl db = read.database();
      if (db == null) {
        continue;
      }
      String prefix = read.prefix();
      String secret = secretName(db);
      if (crossesNamespaces(app, db, context)) {
        env.add(map("name", prefix + "_HOST", "value", serviceHost(db, context)));
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

  /** The Secret CloudNativePG makes for the application user of the Cluster named after the database. */
  public static String secretName(Decl database) {
    return database.name() + "-app";
  }

  /** Whether the app runs in another namespace than the database, and so needs a copy of its Secret. */
  static boolean crossesNamespaces(App app, Decl database, EmitContext context) {
    return !app.namespace().equals(context.namespaceOf(database));
  }

  /** The read-write service of the Cluster, by a name that resolves from any namespace. */
  static String serviceHost(Decl database, EmitContext context) {
    return database.name() + "-rw." + context.namespaceOf(database) + ".svc";
  }

  private static Object fromSecret(String name, String secret, String key) {
    return map("name", name, "valueFrom", map("secretKeyRef", map("name", secret, "key", key)));
  }
}
