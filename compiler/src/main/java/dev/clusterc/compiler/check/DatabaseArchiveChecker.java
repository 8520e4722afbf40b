package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.model.BackupTarget;
import dev.clusterc.compiler.model.Database;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.BackupFit;
import dev.clusterc.compiler.schema.Kind;
import java.util.function.Consumer;

/**
 * A database's backup archives to an object store: CloudNativePG sends WAL and base backups to
 * s3, azure or gs, not to nfs, so a backup policy with an {@code nfs://} target is
 * {@code invalid-value} on the database's {@code backup}.
 */
public final class DatabaseArchiveChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.DATABASE, reportAll, (decl, exempt, report) -> {
      Database database = Database.of(program.model(), decl);
      if (database.backup() == null) {
        return;
      }
      BackupTarget target = Backup.of(program.model(), database.backup()).target();
      if (!BackupFit.archivesTo(target)) {
        report.accept(Diagnostic.error(Code.INVALID_VALUE, database.backupEntry(),
                decl.label() + " is backed up by " + database.backup().label() + ", whose target " + target.text()
                    + " is no object store; CloudNativePG archives to s3://, azure:// or gs://")
            .withHint("give the database a backup policy with an object-store target")
            .withRelated(target.entry(), "the target is here"));
      }
    });
  }
}
