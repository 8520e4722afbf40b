package dev.clusterc.compiler.rules;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.ClusterModel;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.schema.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Apps that read a database from another namespace. CloudNativePG writes a database's credentials
 * (the Secret {@code NAME-app}) only in the database's own namespace, and a pod reads Secrets of its
 * own namespace only, so such an app needs a copy: External Secrets makes it when a component
 * provides {@link #COPIER}; otherwise the checker warns. The checker, the dependency graph and the
 * emitters share these rules.
 */
public final class DatabaseReaders {
  /** The capability that copies the credentials across namespaces. */
  public static final String COPIER = "external-secrets";

  private DatabaseReaders() {}

  /** An app's namespace: its {@code namespace}, else its name. */
  public static String appNamespace(Decl app) {
    return App.namespaceOf(app);
  }

  /** A database's namespace: its {@code namespace}, else the schema's default ({@link Database#namespaceOf}). */
  public static String databaseNamespace(Decl database) {
    return Database.namespaceOf(database);
  }

  /** The {@code database} entries of an app whose database lives in another namespace, in source order. */
  public static List<App.DatabaseRead> foreign(ClusterModel model, Decl app) {
    List<App.DatabaseRead> out = new ArrayList<>();
    if (app.kind() != Kind.APP || app.body() == null) {
      return out;
    }
    for (App.DatabaseRead read : App.of(model, app).databases()) {
      if (read.database() != null && !databaseNamespace(read.database()).equals(appNamespace(app))) {
        out.add(read);
      }
    }
    return out;
  }

  /**
   * For every database read from another namespace: those namespaces, sorted, each with the first
   * app (in source order) reading the database there. Built in one pass over the apps.
   */
  public static Map<Decl, SortedMap<String, Decl>> firstReaders(ClusterModel program) {
    Map<Decl, SortedMap<String, Decl>> readers = new IdentityHashMap<>();
    for (Decl app : program.decls(Kind.APP)) {
      for (App.DatabaseRead read : foreign(program, app)) {
        readers.computeIfAbsent(read.database(), d -> new TreeMap<>())
            .putIfAbsent(appNamespace(app), app);
      }
    }
    return readers;
  }
}
