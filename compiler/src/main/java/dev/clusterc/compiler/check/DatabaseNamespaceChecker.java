package dev.clusterc.compiler.check;

import dev.clusterc.compiler.bind.Decl;
import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.App;
import dev.clusterc.compiler.model.Components;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.DatabaseReaders;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * {@code cross-namespace-database} (warning): an app reads a database that lives in another
 * namespace while no component copies the database's credentials there. CloudNativePG writes the
 * Secret {@code NAME-app} only next to the database, so the app's pod would wait for a Secret that
 * never comes. With {@code external-secrets} in use the compiler makes the copy
 * ({@link DatabaseReaders}).
 */
public final class DatabaseNamespaceChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> report) {
    if (!program.providers(DatabaseReaders.COPIER).isEmpty()) {
      return;
    }
    String copier = Components.stdProvider(DatabaseReaders.COPIER).orElse(DatabaseReaders.COPIER);
    for (Decl app : program.decls(Kind.APP)) {
      if (app.isStd()) {
        continue;
      }
      for (App.DatabaseRead read : DatabaseReaders.foreign(program.model(), app)) {
        Decl database = read.database();
        String appNamespace = DatabaseReaders.appNamespace(app);
        String databaseNamespace = Database.of(program.model(), database).namespace();
        Diagnostic warning = Diagnostic.warning(Code.CROSS_NAMESPACE_DATABASE, read.span(),
                app.label() + " runs in namespace " + appNamespace + ", but " + database.label() + " is in "
                    + databaseNamespace + ", the only namespace where CloudNativePG writes its credentials ("
                    + database.name() + "-app)")
            .withHint("add `use " + copier + "` to have them copied to " + appNamespace
                + ", or give both the same `namespace`")
            .withRelated(database.site(), database.label() + " is declared here");
        report.accept(Sites.placed(program, app, warning));
      }
    }
  }
}
