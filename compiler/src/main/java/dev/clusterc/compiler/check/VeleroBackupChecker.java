package dev.clusterc.compiler.check;

import dev.clusterc.compiler.diag.Code;
import dev.clusterc.compiler.diag.Diagnostic;
import dev.clusterc.compiler.model.Backup;
import dev.clusterc.compiler.program.Program;
import dev.clusterc.compiler.rules.Namespaces;
import dev.clusterc.compiler.rules.VeleroBackups;
import dev.clusterc.compiler.schema.Kind;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code backup-via} for {@code via velero}: the target is object storage (not {@code nfs://})
 * that a plugin the Velero component loads writes to (an init container
 * {@code velero-plugin-for-PROVIDER}, {@link VeleroBackups#plugins}); the credentials secret, when
 * it declares its keys, has one that holds the credentials file the plugin reads ({@link VeleroBackups#credentialsKey}); and some volume names
 * the policy, since Velero's Schedule includes the namespaces of those volumes and an empty list
 * would back up every namespace (no Schedule is emitted then, which this warns about).
 */
public final class VeleroBackupChecker implements Checker {
  @Override
  public void check(Program program, Consumer<Diagnostic> reportAll) {
    SourceDecls.each(program, Kind.BACKUP, reportAll, (decl, exempt, report) -> {
      Backup backup = Backup.of(program.model(), decl);
      if (backup.via() != Backup.Via.VELERO || backup.target() == null) {
        return;
      }
      if (VeleroBackups.provider(backup.target()) == null) {
        report.accept(Diagnostic.error(Code.BACKUP_VIA, backup.target().span(),
                "Velero cannot back up to `" + backup.target().text() + "`: it writes to object storage only ("
                    + decl.label() + " is via velero)")
            .withHint("use an `s3://`, `azure://` or `gs://` target, or back up via longhorn or restic"));
        return;
      }
      String provider = VeleroBackups.provider(backup.target());
      Set<String> plugins = VeleroBackups.plugins(program.model());
      if (!program.model().providers(VeleroBackups.CAPABILITY).isEmpty() && !plugins.contains(provider)) {
        report.accept(Diagnostic.error(Code.BACKUP_VIA, backup.target().span(),
                "Velero has no `" + provider + "` plugin to write to `" + backup.target().text() + "` (" + decl.label()
                    + " is via velero; its plugins: " + (plugins.isEmpty() ? "none" : String.join(", ", plugins)) + ")")
            .withHint("add the init container `velero/velero-plugin-for-" + provider + "` to the values of `use velero`"));
      }
      if (backup.hasCredentials() && VeleroBackups.credentialsKey(backup.credentials()).isEmpty()) {
        report.accept(Diagnostic.error(Code.BACKUP_VIA, backup.credentials().entry(),
                "Velero reads its credentials as one file from one key of secret " + backup.credentials().secret()
                    + ", which declares " + String.join(", ", backup.credentials().keys()) + " (" + decl.label() + " is via velero)")
            .withHint("add a key `cloud` holding the credentials file (for s3: `[default]` with "
                + "`aws_access_key_id=…` and `aws_secret_access_key=…`)"));
      }
      if (VeleroBackups.namespaces(program.model(), new Namespaces(program.model())::of, decl).isEmpty()) {
        report.accept(Diagnostic.warning(Code.BACKUP_VIA, decl.site(),
                decl.label() + " is via velero but no volume names it, so it gets no Schedule")
            .withHint("name it in a volume's `backup`, or remove it"));
      }
    });
  }
}
